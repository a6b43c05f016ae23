import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { Sale } from '../../src-shared/domain/checkout';
import { call } from '../api/client';
import { useToast } from '../app/toasts';
import { ErrorBanner, useErrorText } from '../components/bits';
import { Dialog } from '../components/Dialog';
import { TextField } from '../components/TextField';

/** "Anular venta": a required reason; the sale stays, marked voided, its passes, credits and promo use reversed. */
export function VoidSaleDialog({ sale, onClose }: { sale: Sale; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();

  const confirm = async () => {
    if (!reason.trim()) return setError({ code: 'required', message: t('checkout.voidReasonRequired'), field: 'reason' });
    setBusy(true);
    const r = await call('sales.void', { id: sale.id, reason: reason.trim() });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    toast(t('checkout.voided', { number: sale.number }));
    onClose();
  };

  const reasonError = error?.field === 'reason' ? errorText(error) : undefined;
  return (
    <Dialog title={t('checkout.voidTitle', { number: sale.number })} confirmLabel={t('checkout.void')} danger busy={busy} onConfirm={confirm} onClose={onClose}>
      <p>{t('checkout.voidText')}</p>
      <TextField id={reasonId} label={t('checkout.voidReason')} value={reason} onChange={setReason} error={reasonError} multiline maxLength={300} autoFocus />
      <ErrorBanner error={reasonError ? undefined : error} />
    </Dialog>
  );
}
