import { receiptNumber } from './receipt-number';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../src-shared/domain/checkout';
import { ReasonDialog } from '../components/ReasonDialog';
import { useApprovableCall } from '../sign-in/approval';

/** "Anular venta": a required reason; the sale stays, marked voided, its passes, credits and promo use reversed. Reception needs a manager's PIN. */
export function VoidSaleDialog({ sale, onClose }: { sale: Sale; onClose: () => void }) {
  const { t } = useTranslation();
  const approvable = useApprovableCall();
  return (
    <ReasonDialog
      title={t('checkout.voidTitle', { number: receiptNumber(sale) })}
      text={t('checkout.voidText')}
      reasonLabel={t('checkout.voidReason')}
      confirmLabel={t('checkout.void')}
      reasonRequired={t('checkout.voidReasonRequired')}
      maxLength={300}
      send={(reason) => approvable('sales.void', { id: sale.id, reason })}
      done={t('checkout.voided', { number: receiptNumber(sale) })}
      onClose={onClose}
    />
  );
}
