import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { Appointment, AppointmentStatus } from '../../src-shared/domain/appointments';
import { AttendanceToggle } from '../agenda/panel/AttendanceButtons';
import { call } from '../api/client';

export function AppointmentStatusBadge({ status }: { status: AppointmentStatus }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-${status}`}>{t(`appointments.status.${status}`)}</span>;
}

/** The attendance of an appointment (none once cancelled): appointments.setStatus. */
export function AppointmentAttendance({ appointment, onError }: { appointment: Appointment; onError: (error: ApiError | undefined) => void }) {
  if (appointment.status === 'cancelled') return null;
  return (
    <AttendanceToggle
      texts="appointments"
      clientName={appointment.clientName}
      marked={appointment.status === 'attended' || appointment.status === 'no_show'}
      save={(status) => call('appointments.setStatus', { appointmentId: appointment.id, status })}
      onError={onError}
    />
  );
}
