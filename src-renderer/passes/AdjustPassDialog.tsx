import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientPass } from '../../src-shared/domain/passes';
import { Field } from '../agenda/form/Field';
import { ModalDialog } from '../agenda/ModalDialog';
import { useToast } from '../app/toasts';
import { ErrorBanner } from '../components/bits';
import { CancelSaveButtons } from '../components/CancelSaveButtons';
import { TextField } from '../components/TextField';
import { useFormErrors } from '../settings/useFormErrors';
import { useApprovableCall } from '../sign-in/approval';

const adjustFields = ['delta', 'reason'] as const;

/** "Ajustar": add or remove credits by hand, with the reason the ledger keeps. */
export function AdjustPassDialog({ pass, onClose }: { pass: ClientPass; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errors = useFormErrors(adjustFields);
  const approvable = useApprovableCall();
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const r = await approvable('passes.adjust', { passId: pass.id, delta: Number(delta), reason });
    setBusy(false);
    if (!r) return;
    if (!r.ok) return errors.show(r.error);
    toast(t('passes.adjust.done', { name: r.value.name, balance: r.value.balance, total: r.value.creditsTotal }));
    onClose();
  };

  return (
    <ModalDialog title={t('passes.adjust.title', { name: pass.name })} onClose={onClose} className="pass-dialog">
      <form noValidate className="stack" onSubmit={(e) => void submit(e)}>
        <p className="muted">{t('passes.adjust.balance', { balance: pass.balance, total: pass.creditsTotal })}</p>
        <Field id="adjust-delta" label={t('passes.adjust.delta')} hint={t('passes.adjust.deltaHint')} error={errors.fieldErrors.delta}>
          {(aria) => <input {...aria} type="number" step={1} min={-1000} max={1000} value={delta} autoFocus onChange={(e) => setDelta(e.target.value)} />}
        </Field>
        <TextField id="adjust-reason" label={t('passes.adjust.reason')} value={reason} maxLength={300} error={errors.fieldErrors.reason} onChange={setReason} />
        <ErrorBanner error={errors.banner} onClose={errors.clearBanner} />
        <div className="dialog-actions">
          <CancelSaveButtons onCancel={onClose} saving={busy} label={t('passes.adjust.confirm')} />
        </div>
      </form>
    </ModalDialog>
  );
}
