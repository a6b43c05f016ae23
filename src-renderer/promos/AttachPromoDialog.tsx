import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import { ModalDialog } from '../agenda/ModalDialog';
import { call } from '../api/client';
import { useToast } from '../app/toasts';
import { useErrorText } from '../components/bits';
import { CancelSaveButtons } from '../components/CancelSaveButtons';
import { TextField } from '../components/TextField';

/** "Canjear promoción con código" (seed 003): attaches a promotion to the client; any refusal is the code's. */
export function AttachPromoDialog({ clientId, clientName, onClose }: { clientId: string; clientName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const r = await call('promos.attach', { clientId, code });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      document.getElementById('attach-promo-code')?.focus();
      return;
    }
    toast(t('passes.promos.attached', { code: r.value.promo.code, name: clientName }));
    onClose();
  };

  return (
    <ModalDialog title={t('passes.promos.attachTitle', { name: clientName })} onClose={onClose} className="pass-dialog">
      <form noValidate className="stack" onSubmit={(e) => void submit(e)}>
        <TextField
          id="attach-promo-code"
          label={t('passes.promos.code')}
          value={code}
          maxLength={30}
          autoFocus
          error={error ? errorText(error) : undefined}
          onChange={(v) => {
            setCode(v);
            setError(undefined);
          }}
        />
        <div className="dialog-actions">
          <CancelSaveButtons onCancel={onClose} saving={busy} label={t('passes.promos.attachConfirm')} />
        </div>
      </form>
    </ModalDialog>
  );
}
