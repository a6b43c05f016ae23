import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { Client } from '../../src-shared/domain/client';
import { call } from '../api/client';
import { useToast } from '../app/toasts';
import { ErrorBanner, useErrorText } from '../components/bits';
import { Dialog } from '../components/Dialog';
import { TextField } from '../components/TextField';
import { fullName } from '../lib/format';

/** Asks for an optional reason, then puts the client on the blacklist. */
export function BlacklistDialog({ client, onClose }: { client: Client; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const name = fullName(client);

  const confirm = async () => {
    setBusy(true);
    const r = await call('clients.setBlacklist', { id: client.id, blacklisted: true, reason });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    toast(t('card.blacklistAdded', { name }));
    onClose();
  };

  const reasonError = error?.field === 'reason' ? errorText(error) : undefined;
  return (
    <Dialog title={t('card.blacklistDialogTitle', { name })} confirmLabel={t('card.blacklistConfirm')} onConfirm={confirm} onClose={onClose} busy={busy} danger>
      <p>{t('card.blacklistDialogText')}</p>
      <TextField
        id="blacklist-reason"
        label={t('card.blacklistReasonLabel')}
        value={reason}
        multiline
        autoFocus
        maxLength={500}
        error={reasonError}
        onChange={setReason}
      />
      {error && !reasonError && <ErrorBanner error={error} />}
    </Dialog>
  );
}
