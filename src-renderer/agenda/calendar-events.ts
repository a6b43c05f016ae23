import type { CalendarEvent, CalendarType } from '@schedule-x/calendar';
import { Temporal } from '../lib/temporal';
import type { BirthdayEntry, Occurrence } from '../../src-shared/domain/agenda';
import type { Appointment } from '../../src-shared/domain/appointments';
import type { StaffMember } from '../../src-shared/domain/staff';
import { toZoned } from '../lib/time';

export const birthdayPrefix = 'birthday:';
/** Appointments and occurrences share the calendar: an appointment's event id carries this prefix. */
export const appointmentPrefix = 'appointment:';

/** A CSS-safe name of a staff member's colour for Schedule-X (it becomes a custom property). */
function calendarIdOf(staffId: string): string {
  return `staff${staffId.toLowerCase()}`;
}

/** Mixes a colour with white: the light background of an entry. */
export function tint(colour: string, amount: number): string {
  const n = Number.parseInt(colour.slice(1), 16);
  if (Number.isNaN(n)) return '#eef2f5';
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return `#${((r << 16) | (g << 8) | b).toString(16).padStart(6, '0')}`;
}

/** Darkens a colour: readable text on its tint. */
export function shade(colour: string, amount: number): string {
  const n = Number.parseInt(colour.slice(1), 16);
  if (Number.isNaN(n)) return '#1f2933';
  const mix = (c: number) => Math.round(c * (1 - amount));
  return `#${((mix((n >> 16) & 255) << 16) | (mix((n >> 8) & 255) << 8) | mix(n & 255)).toString(16).padStart(6, '0')}`;
}

function colours(main: string) {
  return { main, container: tint(main, 0.82), onContainer: shade(main, 0.55) };
}

/** One Schedule-X "calendar" per staff member (their colour), one for birthdays, one for cancelled entries. */
export function calendarsFor(staff: StaffMember[]): Record<string, CalendarType> {
  const calendars: Record<string, CalendarType> = {
    birthday: { colorName: 'birthday', lightColors: colours('#c2410c') },
    cancelled: { colorName: 'cancelled', lightColors: { main: '#9aa5b1', container: '#f1f3f5', onContainer: '#5f6b76' } },
  };
  for (const s of staff) calendars[calendarIdOf(s.id)] = { colorName: calendarIdOf(s.id), lightColors: colours(s.colour) };
  return calendars;
}

export interface EventLabels {
  places: (o: Occurrence) => string;
  cancelled: string;
  birthday: (b: BirthdayEntry) => string;
  /** "Servicio · Cliente", with its status once marked. */
  appointment: (a: Appointment) => string;
}

/** The agenda's entries as Schedule-X events, in the centre's time zone. */
export function toCalendarEvents(
  occurrences: Occurrence[],
  appointments: Appointment[],
  birthdays: BirthdayEntry[],
  timeZone: string,
  labels: EventLabels,
): CalendarEvent[] {
  const events: CalendarEvent[] = occurrences.map((o) => {
    const cancelled = o.status === 'cancelled';
    const counts = o.kind === 'session' ? ` · ${labels.places(o)}` : '';
    return {
      id: o.id,
      start: toZoned(o.startsAt, timeZone),
      end: toZoned(o.endsAt, timeZone),
      title: `${cancelled ? `${labels.cancelled}: ` : ''}${o.title}${counts}`,
      people: [o.organizerName],
      calendarId: cancelled ? 'cancelled' : calendarIdOf(o.organizerId),
      _options: { disableDND: true, disableResize: true, additionalClasses: [`agenda-kind-${o.kind}`, ...(cancelled ? ['agenda-cancelled'] : [])] },
    };
  });
  for (const a of appointments) {
    if (a.status === 'cancelled') continue;
    events.push({
      id: `${appointmentPrefix}${a.id}`,
      start: toZoned(a.startsAt, timeZone),
      end: toZoned(a.endsAt, timeZone),
      title: labels.appointment(a),
      people: [a.staffName],
      calendarId: calendarIdOf(a.staffId),
      _options: { disableDND: true, disableResize: true, additionalClasses: ['agenda-kind-appointment', `agenda-appointment-${a.status}`] },
    });
  }
  for (const b of birthdays) {
    const day = Temporal.PlainDate.from(b.date);
    events.push({
      id: `${birthdayPrefix}${b.clientId}:${b.date}`,
      start: day,
      end: day,
      title: labels.birthday(b),
      calendarId: 'birthday',
      _options: { disableDND: true, disableResize: true },
    });
  }
  return events;
}
