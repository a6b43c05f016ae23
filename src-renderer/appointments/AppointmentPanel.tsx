import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import { useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { RedeemCreditButton } from '../checkout/RedeemCreditButton';
import { useSidePanel } from '../agenda/panel/useSidePanel';
import { ErrorBanner } from '../components/bits';
import { href } from '../lib/router';
import { formatDateTime } from '../lib/time';
import { useNow } from '../lib/use-now';
import { checkInOpen, checkInOpensAt } from '../../src-shared/agenda/check-in-window';
import { AppointmentDetails } from './AppointmentDetails';
import { VisitNotesBlock } from '../notes/VisitNotes';
import { AppointmentAttendance } from './AppointmentStatus';
import { CancelAppointmentDialog } from './CancelAppointmentDialog';
import { RescheduleDialog } from './RescheduleDialog';

interface AppointmentPanelProps {
  appointmentId: string;
  onClose: () => void;
}

/** The side panel of one appointment: details, contact, check-in, reschedule, cancel, its credit and "Cobrar". */
export function AppointmentPanel({ appointmentId, onClose }: AppointmentPanelProps) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const titleId = useId();
  const detail = useQuery('appointments.get', { appointmentId });
  const [dialog, setDialog] = useState<'reschedule' | 'cancel' | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const root = useSidePanel(onClose);

  const a = detail.data;
  const cancelled = a?.status === 'cancelled';
  const now = useNow();
  // Attendance from the centre's check-in window on (as the API enforces); a mark made can always be undone.
  const canCheckIn = a !== undefined && (a.status !== 'booked' || checkInOpen(a.startsAt, settings.checkInMinutesBefore, now));
  // An appointment that has begun stays where it was: only its attendance or a cancellation apply.
  const started = a !== undefined && Date.parse(a.startsAt) <= now;

  return (
    <aside ref={root} className="occurrence-panel appointment-panel" role="dialog" aria-modal="false" aria-labelledby={titleId} tabIndex={-1}>
      <header className="occurrence-panel-head" style={{ borderTopColor: a?.colour }}>
        <div className="stack-tight">
          <span className="kind-badge kind-appointment">{t('appointments.kind')}</span>
          <h2 id={titleId}>{a ? t('appointments.title', { service: a.serviceName, client: a.clientName }) : t('app.loading')}</h2>
        </div>
        <button type="button" className="icon-button" aria-label={t('appointments.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="occurrence-panel-body">
        <ErrorBanner error={detail.error} />
        {a && (
          <>
            {cancelled && (
              <div className="banner banner-warning" role="note">
                <p>{t('appointments.cancelledBanner')}</p>
                <p>{a.cancelReason ? t('appointments.cancelledReason', { reason: a.cancelReason }) : t('appointments.cancelledNoReason')}</p>
              </div>
            )}
            {!cancelled && (
              <div className="panel-actions">
                {a.status === 'booked' && !started && (
                  <button type="button" className="button button-small" onClick={() => setDialog('reschedule')}>
                    {t('appointments.reschedule')}
                  </button>
                )}
                {a.status === 'booked' && (
                  <button type="button" className="button button-small button-danger-outline" onClick={() => setDialog('cancel')}>
                    {t('appointments.cancel')}
                  </button>
                )}
                {a.status !== 'no_show' && (
                  <a className="button button-small button-primary" href={href({ page: 'checkout', appointmentId: a.id })} aria-label={t('checkout.chargeAppointmentFor', { name: a.clientName })}>
                    {t('checkout.chargeAppointment')}
                  </a>
                )}
                {a.creditState === 'pending' && a.status !== 'no_show' && (
                  <RedeemCreditButton target={{ kind: 'appointment', id: a.id }} clientName={a.clientName} onError={setError} />
                )}
              </div>
            )}
            <AppointmentDetails appointment={a} />
            <VisitNotesBlock visit={{ appointmentId: a.id }} facts={a} />
            {!cancelled && (
              <section className="panel-block" aria-labelledby={`${titleId}-attendance`}>
                <h3 id={`${titleId}-attendance`}>{t('appointments.attendance')}</h3>
                <ErrorBanner error={error} onClose={() => setError(undefined)} />
                {canCheckIn ? (
                  <div className="panel-actions">
                    <AppointmentAttendance appointment={a} onError={setError} />
                  </div>
                ) : (
                  <p className="muted small">{t('restrictions.checkInFrom', { when: formatDateTime(new Date(checkInOpensAt(a.startsAt, settings.checkInMinutesBefore)).toISOString(), settings.timeZone) })}</p>
                )}
              </section>
            )}
          </>
        )}
      </div>
      {a && dialog === 'reschedule' && <RescheduleDialog appointment={a} onClose={() => setDialog(null)} />}
      {a && dialog === 'cancel' && <CancelAppointmentDialog appointment={a} onClose={() => setDialog(null)} />}
    </aside>
  );
}
