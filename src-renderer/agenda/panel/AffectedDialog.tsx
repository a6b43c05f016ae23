import { useTranslation } from 'react-i18next';
import type { AffectedBooking } from '../../../src-shared/domain/agenda';
import { useSettings } from '../../app/settings-context';
import { PhoneWithWhatsApp } from '../ContactButtons';
import { ModalDialog } from '../ModalDialog';
import { formatDateTime } from '../../lib/time';

/** After a change that moved or cancelled booked sessions: whom to tell, with their phone and WhatsApp. */
export function AffectedDialog({ affected, service, professional, onClose }: { affected: AffectedBooking[]; service: string; professional: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  return (
    <ModalDialog title={t('occurrence.affectedTitle')} onClose={onClose} className="affected-dialog">
      <div className="dialog-body">
        <p>{t('occurrence.affectedText', { count: affected.length })}</p>
        <ul className="affected-list" aria-label={t('occurrence.affectedTitle')}>
          {affected.map((a) => (
            <li key={a.bookingId} className="affected-row">
              <div className="stack-tight">
                <strong>{a.clientName}</strong>
                <span className="small muted">{t('occurrence.affectedWas', { when: formatDateTime(a.wasStartsAt, settings.timeZone) })}</span>
                <span className="small">
                  {a.nowStartsAt ? t('occurrence.affectedNow', { when: formatDateTime(a.nowStartsAt, settings.timeZone) }) : <strong className="text-danger">{t('occurrence.affectedCancelled')}</strong>}
                </span>
              </div>
              {/* Cancelled: the "booking cancelled" text at the old time; moved: "booking confirmed" at the new one. */}
              <PhoneWithWhatsApp
                name={a.clientName}
                phone={a.phone}
                messagesAllowed={a.messagesAllowed}
                message={{
                  kind: a.nowStartsAt ? 'booking_confirmed' : 'booking_cancelled',
                  values: { client: a.clientName, startsAt: a.nowStartsAt ?? a.wasStartsAt, service, professional },
                }}
              />
            </li>
          ))}
        </ul>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('occurrence.done')}
        </button>
      </div>
    </ModalDialog>
  );
}
