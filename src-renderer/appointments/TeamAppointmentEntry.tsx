import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../src-shared/domain/appointments';
import { shade, tint } from '../agenda/calendar-events';
import { formatTime } from '../lib/time';

interface TeamAppointmentEntryProps {
  /** Its place in the professional's column. */
  box: CSSProperties;
  appointment: Appointment;
  timeZone: string;
  onOpen: (appointmentId: string) => void;
}

/** An appointment in the team day view, in its professional's column: service, client, time, status. */
export function TeamAppointmentEntry({ box, appointment: a, timeZone, onOpen }: TeamAppointmentEntryProps) {
  const { t } = useTranslation();
  const time = `${formatTime(a.startsAt, timeZone)}–${formatTime(a.endsAt, timeZone)}`;
  return (
    <div
      role="listitem"
      className={`team-entry team-appointment team-appointment-${a.status}`}
      style={{ ...box, background: tint(a.colour, 0.9), borderLeftColor: a.colour, color: shade(a.colour, 0.55) }}
    >
      <button
        type="button"
        className="team-entry-open"
        aria-label={t('appointments.entryLabel', { service: a.serviceName, client: a.clientName, time })}
        onClick={() => onOpen(a.id)}
      >
        <span className="team-entry-title">
          {a.serviceName} · {a.clientName}
        </span>
        <span className="team-entry-time">
          {time}
          {a.status !== 'booked' && ` · ${t(`appointments.status.${a.status}`)}`}
        </span>
      </button>
      {a.hasNotes && (
        <span className="note-flag" role="img" aria-label={t('appointments.hasNotes')}>
          ⚠
        </span>
      )}
    </div>
  );
}
