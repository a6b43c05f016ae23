import { useTranslation } from 'react-i18next';
import type { Sale } from '../../src-shared/domain/checkout';
import { call } from '../api/client';
import { ReasonDialog } from '../components/ReasonDialog';

/** "Anular venta": a required reason; the sale stays, marked voided, its passes, credits and promo use reversed. */
export function VoidSaleDialog({ sale, onClose }: { sale: Sale; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      title={t('checkout.voidTitle', { number: sale.number })}
      text={t('checkout.voidText')}
      reasonLabel={t('checkout.voidReason')}
      confirmLabel={t('checkout.void')}
      reasonRequired={t('checkout.voidReasonRequired')}
      maxLength={300}
      send={(reason) => call('sales.void', { id: sale.id, reason })}
      done={t('checkout.voided', { number: sale.number })}
      onClose={onClose}
    />
  );
}
