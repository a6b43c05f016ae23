import type { CSSProperties, DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../src-shared/domain/appointments';
import { appointmentIcons, iconGlyphs, shade, tint } from '../agenda/calendar-events';
import { formatTime } from '../lib/time';

interface TeamAppointmentEntryProps {
  /** Its place in the professional's column. */
  box: CSSProperties;
  appointment: Appointment;
  timeZone: string;
  onOpen: (appointmentId: string) => void;
  /** Drag to reschedule (a booked appointment only): where in the tile it was grabbed, in px from its top. */
  onDragStart?: (appointmentId: string, grabOffset: number) => void;
}

/** An appointment in the team day view, in its professional's column: client, service, time, status icons. */
export function TeamAppointmentEntry({ box, appointment: a, timeZone, onOpen, onDragStart }: TeamAppointmentEntryProps) {
  const { t } = useTranslation();
  const time = `${formatTime(a.startsAt, timeZone)}–${formatTime(a.endsAt, timeZone)}`;
  const icons = appointmentIcons(a);
  const words = icons.map((k) => t(`calendar.icons.${k}`));
  const movable = a.status === 'booked' && onDragStart !== undefined;
  const tooltip = [t('calendar.tile', { client: a.clientName, service: a.serviceName }), time, ...words, ...(movable ? [t('calendar.drag.hint')] : [])].join(' · ');
  const dragStart = (e: DragEvent<HTMLDivElement>) => {
    e.dataTransfer.setData('text/plain', a.id);
    e.dataTransfer.effectAllowed = 'move';
    onDragStart?.(a.id, e.clientY - e.currentTarget.getBoundingClientRect().top);
  };
  return (
    <div
      role="listitem"
      className={`team-entry team-appointment team-appointment-${a.status}${movable ? ' team-entry-movable' : ''}`}
      style={{ ...box, background: tint(a.colour, 0.9), borderLeftColor: a.colour, color: shade(a.colour, 0.55) }}
      title={tooltip}
      draggable={movable}
      onDragStart={movable ? dragStart : undefined}
    >
      <button
        type="button"
        className="team-entry-open"
        // Its name holds what the tile shows (client · service, time, status), after "Cita:".
        aria-label={t('appointments.entryLabel', { service: a.serviceName, client: a.clientName, time: a.status === 'booked' ? time : `${time} · ${t(`appointments.status.${a.status}`)}` })}
        onClick={() => onOpen(a.id)}
      >
        <span className="team-entry-title">
          {a.clientName} · {a.serviceName}
        </span>{' '}
        <span className="team-entry-time">
          {time}
          {a.status !== 'booked' && ` · ${t(`appointments.status.${a.status}`)}`}
        </span>
      </button>
      {icons.length > 0 && (
        <span className="team-entry-icons">
          {icons.map((k) => (
            <span key={k} className={`status-icon status-icon-${k}`} role="img" aria-label={t(`calendar.icons.${k}`)} title={t(`calendar.icons.${k}`)}>
              {iconGlyphs[k]}
            </span>
          ))}
        </span>
      )}
    </div>
  );
}
