import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { Sale } from '../../src-shared/domain/checkout';
import { useToast } from '../app/toasts';
import { ErrorBanner, FieldError, useErrorText } from '../components/bits';
import { Dialog } from '../components/Dialog';
import { TextField } from '../components/TextField';
import { useApprovableCall } from '../sign-in/approval';
import { receiptNumber } from './receipt-number';

type VoidDocument = 'corrective' | 'cancel';

/**
 * "Anular venta": a required reason and what happens to its invoice: a corrective invoice (the usual
 * case), or, the same day, cancelling an invoice issued in error and never handed over. The sale stays,
 * voided, its passes, credits and promo use reversed. Reception needs a manager's PIN.
 */
export function VoidSaleDialog({ sale, onClose, onVoided }: { sale: Sale; onClose: () => void; onVoided?: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const approvable = useApprovableCall();
  const id = useId();
  const [reason, setReason] = useState('');
  const [document, setDocument] = useState<VoidDocument>('corrective');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  // A sale from before invoices has no document to correct or cancel.
  const invoiced = sale.invoices.length > 0;

  const confirm = async () => {
    const typed = reason.trim();
    if (!typed) return setError({ code: 'required', message: t('checkout.voidReasonRequired'), field: 'reason' });
    setBusy(true);
    const r = await approvable('sales.void', { id: sale.id, reason: typed, ...(invoiced ? { document } : {}) });
    setBusy(false);
    if (!r) return;
    if (!r.ok) return setError(r.error);
    const voided = r.value;
    const made = voided.invoices.at(-1);
    const original = voided.invoices.find((i) => i.cancelled);
    toast(
      document === 'cancel' && original
        ? t('receipt.voidedCancel', { number: original.fullNumber })
        : made?.kind === 'corrective'
          ? t('receipt.voidedCorrective', { number: made.fullNumber })
          : t('checkout.voided', { number: receiptNumber(sale) }),
    );
    onVoided?.();
    onClose();
  };

  const errorsOf = (field: string) => (error ? (error.fields ?? [error]).filter((e) => e.field === field).map((e) => errorText(e))[0] : undefined);
  const reasonError = errorsOf('reason');
  const documentError = errorsOf('document');
  const choice = (value: VoidDocument, label: string, hint: string) => (
    <label className="radio-choice">
      <input type="radio" name={`${id}-document`} value={value} checked={document === value} onChange={() => setDocument(value)} aria-describedby={`${id}-${value}-hint`} />
      <span className="stack-tight">
        <strong>{label}</strong>
        <span id={`${id}-${value}-hint`} className="small muted">
          {hint}
        </span>
      </span>
    </label>
  );

  return (
    <Dialog title={t('checkout.voidTitle', { number: receiptNumber(sale) })} confirmLabel={t('checkout.void')} danger busy={busy} onConfirm={confirm} onClose={onClose}>
      <p>{t('checkout.voidText')}</p>
      {invoiced && (
        <fieldset className="void-document" aria-describedby={documentError ? `${id}-document-error` : undefined}>
          <legend>{t('receipt.voidDocument')}</legend>
          {choice('corrective', t('receipt.voidCorrective'), t('receipt.voidCorrectiveHint'))}
          {choice('cancel', t('receipt.voidCancel'), t('receipt.voidCancelHint'))}
          <FieldError id={`${id}-document-error`} message={documentError} />
        </fieldset>
      )}
      <TextField id={`${id}-reason`} label={t('checkout.voidReason')} value={reason} onChange={setReason} error={reasonError} multiline maxLength={300} autoFocus />
      <ErrorBanner error={reasonError || documentError ? undefined : error} />
    </Dialog>
  );
}
