import { useState, type ReactNode } from 'react';
import type { ApiError, ApiResult } from '../../src-shared/api/result';
import { ErrorBanner } from './bits';
import { Dialog } from './Dialog';

interface CallDialogProps {
  title: string;
  confirmLabel: string;
  text: ReactNode;
  /** The call the confirmation makes; null: nothing was done (an approval cancelled). */
  action: () => Promise<ApiResult<unknown> | null>;
  onClose: () => void;
  /** What follows a successful call; closing the dialog by default. */
  onDone?: () => void;
}

/** A danger confirmation that makes one call and shows its error, if any, inside the dialog. */
export function CallDialog({ title, confirmLabel, text, action, onClose, onDone = onClose }: CallDialogProps) {
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    const r = await action();
    setBusy(false);
    if (!r) return;
    if (r.ok) onDone();
    else setError(r.error);
  };
  return (
    <Dialog title={title} confirmLabel={confirmLabel} onConfirm={confirm} onClose={onClose} busy={busy} danger>
      <p>{text}</p>
      <ErrorBanner error={error} />
    </Dialog>
  );
}
