import { useTranslation } from 'react-i18next';
import { ErrorBanner, PageHeader } from '../components/bits';
import { PendingCredits } from './PendingCredits';
import { SaleForm } from './SaleForm';
import { SalesList } from './SalesList';
import { useSalePreset } from './useSalePreset';

interface CheckoutPageProps {
  clientId?: string;
  appointmentId?: string;
  bookingId?: string;
}

/** Caja: a new sale (walk-in, for a client, or charging an appointment or booking), the day's sales, credits pending. */
export function CheckoutPage(props: CheckoutPageProps) {
  const { t } = useTranslation();
  const { preset, error } = useSalePreset(props);
  return (
    <section className="page page-wide checkout-page">
      <PageHeader title={t('checkout.title')} />
      <ErrorBanner error={error} />
      <div className="checkout-columns">
        {preset ? <SaleForm preset={preset} /> : <p className="panel sale-form muted">{t('app.loading')}</p>}
        <div className="checkout-side">
          <SalesList />
          <PendingCredits />
        </div>
      </div>
    </section>
  );
}
