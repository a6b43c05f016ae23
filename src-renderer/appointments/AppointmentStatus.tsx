import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { Appointment, AppointmentStatus } from '../../src-shared/domain/appointments';
import { call } from '../api/client';

export function AppointmentStatusBadge({ status }: { status: AppointmentStatus }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-${status}`}>{t(`appointments.status.${status}`)}</span>;
}

/** Asistió / No asistió, or Deshacer once marked: appointments.setStatus. */
export function AppointmentAttendance({ appointment, onError }: { appointment: Appointment; onError: (error: ApiError | undefined) => void }) {
  const { t } = useTranslation();
  const set = async (status: 'attended' | 'no_show' | 'booked') => {
    const r = await call('appointments.setStatus', { appointmentId: appointment.id, status });
    onError(r.ok ? undefined : r.error);
  };
  const name = appointment.clientName;
  if (appointment.status === 'cancelled') return null;
  if (appointment.status === 'attended' || appointment.status === 'no_show')
    return (
      <button type="button" className="button button-small" aria-label={t('appointments.undoFor', { name })} onClick={() => void set('booked')}>
        {t('appointments.undo')}
      </button>
    );
  return (
    <>
      <button type="button" className="button button-small button-checkin" aria-label={t('appointments.attendedFor', { name })} onClick={() => void set('attended')}>
        ✓ {t('appointments.attended')}
      </button>
      <button type="button" className="button button-small" aria-label={t('appointments.noShowFor', { name })} onClick={() => void set('no_show')}>
        {t('appointments.noShow')}
      </button>
    </>
  );
}
