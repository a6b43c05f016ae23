import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import { call } from '../api/client';
import { useToast } from '../app/toasts';

interface RedeemCreditButtonProps {
  target: { kind: 'booking' | 'appointment'; id: string };
  clientName: string;
  /** What it pays for, in the button's accessible name when the list has several of one client. */
  what?: string;
  onError: (error: ApiError | undefined) => void;
}

/** "Canjear": the desk redeems by hand the credit a staff booking left pending (passes.redeem, the pass expiring first). */
export function RedeemCreditButton({ target, clientName, what, onError }: RedeemCreditButtonProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const redeem = async () => {
    const r = await call('passes.redeem', { target });
    if (!r.ok) return onError(r.error);
    onError(undefined);
    toast(t('checkout.redeemed', { name: clientName, pass: r.value.planName ?? r.value.name, count: r.value.balance }));
  };
  return (
    <button
      type="button"
      className="button button-small button-primary"
      aria-label={what ? t('checkout.redeemForWhat', { name: clientName, what }) : t('checkout.redeemFor', { name: clientName })}
      onClick={() => void redeem()}
    >
      {t('checkout.redeem')}
    </button>
  );
}
