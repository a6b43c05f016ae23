import type { InvokeOptions } from '../../src-shared/api/invoke';

/**
 * Of what a page sends beside a call, only an approval's two strings and a request id (both checked
 * in the dispatcher; a request id that is not a string is passed on to be refused there).
 */
export function invokeOptionsFrom(value: unknown): InvokeOptions | undefined {
  const sent = value as { approval?: unknown; requestId?: unknown } | null | undefined;
  const approval = sent?.approval as { staffId?: unknown; pin?: unknown } | null | undefined;
  const options: InvokeOptions = {};
  if (approval && typeof approval.staffId === 'string' && typeof approval.pin === 'string') {
    options.approval = { staffId: approval.staffId, pin: approval.pin };
  }
  if (sent?.requestId !== undefined && sent.requestId !== null) options.requestId = sent.requestId as string;
  return options.approval || options.requestId !== undefined ? options : undefined;
}
