import type { InvokeOptions } from '../../src-shared/api/invoke';

/** Of what a page sends beside a call, only an approval's two strings (checked in the dispatcher). */
export function invokeOptionsFrom(value: unknown): InvokeOptions | undefined {
  const approval = (value as { approval?: unknown } | null | undefined)?.approval as { staffId?: unknown; pin?: unknown } | null | undefined;
  if (!approval || typeof approval.staffId !== 'string' || typeof approval.pin !== 'string') return undefined;
  return { approval: { staffId: approval.staffId, pin: approval.pin } };
}
