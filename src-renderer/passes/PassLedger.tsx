import { useTranslation } from 'react-i18next';
import type { LedgerEntry } from '../../src-shared/domain/passes';
import { useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { ErrorBanner } from '../components/bits';
import { href } from '../lib/router';
import { formatDateTime } from '../lib/time';

/** +3 / −1, with a real minus sign. */
function signed(n: number): string {
  return n > 0 ? `+${n}` : `−${Math.abs(n)}`;
}

/** Every credit movement of a client's pass, oldest first: sale, redemption, refund, expiry, adjustment. */
export function PassLedger({ id, passId, label }: { id: string; passId: string; label: string }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const ledger = useQuery('passes.ledger', { passId });
  return (
    <div id={id} className="pass-ledger">
      <ErrorBanner error={ledger.error} />
      {ledger.data && ledger.data.length === 0 && <p className="muted small">{t('passes.ledger.empty')}</p>}
      {ledger.data && ledger.data.length > 0 && (
        <table className="table ledger-table" aria-label={label}>
          <thead>
            <tr>
              <th scope="col">{t('passes.ledger.when')}</th>
              <th scope="col">{t('passes.ledger.kind')}</th>
              <th scope="col" className="numeric">
                {t('passes.ledger.delta')}
              </th>
              <th scope="col">{t('passes.ledger.detail')}</th>
              <th scope="col">{t('passes.ledger.who')}</th>
            </tr>
          </thead>
          <tbody>
            {ledger.data.map((e) => (
              <tr key={e.id}>
                <td className="nowrap">{formatDateTime(e.createdAt, settings.timeZone)}</td>
                <td>{t(`passes.ledger.kinds.${e.kind}`)}</td>
                <td className={`numeric ${e.delta > 0 ? 'delta-plus' : 'delta-minus'}`}>{signed(e.delta)}</td>
                <td>
                  <LedgerDetail entry={e} />
                </td>
                <td>{e.staffName ?? t('app.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function LedgerDetail({ entry: e }: { entry: LedgerEntry }) {
  const { t } = useTranslation();
  const parts = [e.reason, e.bookingId ? t('passes.ledger.forBooking') : null, e.appointmentId ? t('passes.ledger.forAppointment') : null].filter(Boolean);
  return (
    <>
      {parts.join(' · ')}
      {e.saleId && (
        <>
          {parts.length > 0 && ' · '}
          <a href={href({ page: 'receipt', saleId: e.saleId })}>{t('passes.ledger.receipt')}</a>
        </>
      )}
    </>
  );
}
