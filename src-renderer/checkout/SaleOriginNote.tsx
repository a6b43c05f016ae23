import { useTranslation } from 'react-i18next';
import { useSettings } from '../app/settings-context';
import { formatDateTime } from '../lib/time';
import { CreditStateBadge } from './CreditStateBadge';
import type { SaleOrigin } from './useSalePreset';

/** What the sale charges when it comes from the agenda; a session booking asks the desk to add what to charge. */
export function SaleOriginNote({ origin, hasLines }: { origin: SaleOrigin; hasLines: boolean }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const when = formatDateTime(origin.startsAt, settings.timeZone);
  return (
    <div className="banner banner-info sale-origin" role="note">
      <div className="stack-tight">
        <span>
          {origin.kind === 'appointment'
            ? t('checkout.fromAppointment', { what: origin.what, when, staff: origin.staffName ?? '' })
            : t('checkout.fromBooking', { what: origin.what, when })}{' '}
          <CreditStateBadge state={origin.creditState} />
        </span>
        {origin.kind === 'booking' && !hasLines && <span className="small">{t('checkout.bookingAddHint')}</span>}
      </div>
    </div>
  );
}
