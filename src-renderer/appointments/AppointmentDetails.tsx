import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../src-shared/domain/appointments';
import { PhoneWithWhatsApp } from '../agenda/ContactButtons';
import { useSettings } from '../app/settings-context';
import { CreditStateBadge } from '../checkout/CreditStateBadge';
import { href } from '../lib/router';
import { formatDateTime, formatTime } from '../lib/time';
import { ProvisionalBadge } from '../sync/ProvisionalBadge';
import { AppointmentStatusBadge } from './AppointmentStatus';

/** Who, what, with whom, when, its status, its plan or pass credit and what was recorded with it. */
export function AppointmentDetails({ appointment: a }: { appointment: Appointment }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const zone = settings.timeZone;
  return (
    <section className="panel-block" aria-label={t('appointments.details')}>
      <dl className="details-list">
        <div>
          <dt>{t('appointments.client')}</dt>
          <dd className="stack-tight">
            <span className="booking-name">
              <a className="row-link" href={href({ page: 'client', id: a.clientId })} aria-label={t('appointments.openCard', { name: a.clientName })}>
                {a.clientName}
              </a>
              {a.hasNotes && (
                <span className="note-flag" role="img" aria-label={t('appointments.hasNotes')} title={t('appointments.hasNotes')}>
                  ⚠
                </span>
              )}
            </span>
            <PhoneWithWhatsApp
              name={a.clientName}
              phone={a.phone}
              messagesAllowed={a.messagesAllowed}
              message={{ kind: 'reminder', values: { client: a.clientName, startsAt: a.startsAt, service: a.serviceName, professional: a.staffName } }}
            />
          </dd>
        </div>
        <div>
          <dt>{t('appointments.when')}</dt>
          <dd>
            {formatDateTime(a.startsAt, zone)}–{formatTime(a.endsAt, zone)}
          </dd>
        </div>
        <div>
          <dt>{t('appointments.service')}</dt>
          <dd>{a.serviceName}</dd>
        </div>
        <div>
          <dt>{t('appointments.professional')}</dt>
          <dd>
            <span className="staff-dot" aria-hidden="true" style={{ background: a.colour }} /> {a.staffName}
          </dd>
        </div>
        <div>
          <dt>{t('appointments.statusLabel')}</dt>
          <dd className="chips">
            <AppointmentStatusBadge status={a.status} />
            <ProvisionalBadge kind="appointment" id={a.id} />
          </dd>
        </div>
        {a.creditState !== 'none' && (
          <div>
            <dt>{t('checkout.creditLabel')}</dt>
            <dd>
              <CreditStateBadge state={a.creditState} />
            </dd>
          </div>
        )}
        <div>
          <dt>{t('appointments.source')}</dt>
          <dd>{a.source === 'client' ? t('appointments.sourceClient') : t('appointments.sourceDesk')}</dd>
        </div>
        {(a.bufferBeforeMin > 0 || a.bufferAfterMin > 0) && (
          <div className="details-wide">
            <dd className="small muted">{t('appointments.buffers', { before: a.bufferBeforeMin, after: a.bufferAfterMin })}</dd>
          </div>
        )}
        {a.overridden.length > 0 && (
          <div className="details-wide">
            <dt>{t('appointments.overridden')}</dt>
            <dd className="chips">
              {a.overridden.map((rule) => (
                <span key={rule} className="badge badge-warning">
                  {t(`appointments.overrideRules.${rule}`)}
                </span>
              ))}
            </dd>
          </div>
        )}
        {a.note && (
          <div className="details-wide">
            <dt>{t('appointments.noteLabel')}</dt>
            <dd className="pre-line">{a.note}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
