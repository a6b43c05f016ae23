import { useId, useState, type ReactNode } from 'react';
import type { ApiError, ApiResult } from '../../src-shared/api/result';
import { useToast } from '../app/toasts';
import { ErrorBanner, useErrorText } from './bits';
import { Dialog } from './Dialog';
import { TextField } from './TextField';

interface ReasonDialogProps {
  title: string;
  /** What confirming does. */
  text: ReactNode;
  reasonLabel: string;
  confirmLabel: string;
  /** The message shown when the reason is left empty; without it, the reason is optional. */
  reasonRequired?: string;
  maxLength: number;
  /** The call, with the reason as typed (trimmed; empty when none); null: nothing was done (an approval cancelled). */
  send: (reason: string) => Promise<ApiResult<unknown> | null>;
  /** The toast once the call succeeded. */
  done: string;
  onClose: () => void;
}

/** A confirmation that asks why (cancel, void, blacklist): an error about the reason goes beside it, any other to a banner. */
export function ReasonDialog({ title, text, reasonLabel, confirmLabel, reasonRequired, maxLength, send, done, onClose }: ReasonDialogProps) {
  const toast = useToast();
  const errorText = useErrorText();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();

  const confirm = async () => {
    const typed = reason.trim();
    if (!typed && reasonRequired !== undefined) return setError({ code: 'required', message: reasonRequired, field: 'reason' });
    setBusy(true);
    const r = await send(typed);
    setBusy(false);
    if (!r) return;
    if (!r.ok) return setError(r.error);
    toast(done);
    onClose();
  };

  const reasonError = error?.field === 'reason' ? errorText(error) : undefined;
  return (
    <Dialog title={title} confirmLabel={confirmLabel} danger busy={busy} onConfirm={confirm} onClose={onClose}>
      <p>{text}</p>
      <TextField id={reasonId} label={reasonLabel} value={reason} onChange={setReason} error={reasonError} multiline maxLength={maxLength} autoFocus />
      <ErrorBanner error={reasonError ? undefined : error} />
    </Dialog>
  );
}
