import type { CalendarEvent, CalendarType } from '@schedule-x/calendar';
import { Temporal } from '../lib/temporal';
import type { BirthdayEntry, BirthdayOverflow, EntriesOverflow, Occurrence } from '../../src-shared/domain/agenda';
import type { Appointment } from '../../src-shared/domain/appointments';
import type { StaffMember } from '../../src-shared/domain/staff';
import { toZoned } from '../lib/time';

export const birthdayPrefix = 'birthday:';
/** A day's "N cumpleaños más": opens nothing (the names are on the clients list). */
export const moreBirthdaysPrefix = 'birthdays-more:';
/** A month view day's "N más": opens that day, which lists every entry. Its id ends with the date. */
export const moreEntriesPrefix = 'entries-more:';
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

/** One Schedule-X "calendar" per staff member (their colour), one for birthdays, one for cancelled entries, one for a day's "N más". */
export function calendarsFor(staff: StaffMember[]): Record<string, CalendarType> {
  const calendars: Record<string, CalendarType> = {
    birthday: { colorName: 'birthday', lightColors: colours('#c2410c') },
    cancelled: { colorName: 'cancelled', lightColors: { main: '#9aa5b1', container: '#f1f3f5', onContainer: '#5f6b76' } },
    more: { colorName: 'more', lightColors: { main: '#52606d', container: '#ffffff', onContainer: '#323f4b' } },
  };
  for (const s of staff) calendars[calendarIdOf(s.id)] = { colorName: calendarIdOf(s.id), lightColors: colours(s.colour) };
  return calendars;
}

export interface EventLabels {
  places: (o: Occurrence) => string;
  cancelled: string;
  birthday: (b: BirthdayEntry) => string;
  /** "12 cumpleaños más": the day's birthdays beyond those listed by name. */
  moreBirthdays: (m: BirthdayOverflow) => string;
  /** "5 más": the month view day's entries beyond those it lists. */
  moreEntries: (m: EntriesOverflow) => string;
  /** "Ver el día completo": what the "N más" entry does (its tooltip). */
  openDay: string;
  /** "Todo el día": what a birthday says instead of a time. */
  allDay: string;
  /** Client first, then the service. */
  appointment: (a: Appointment) => string;
  /** The words of a tile's status icons (arrived, paid, notes…), for its tooltip. */
  icons: (keys: IconKey[]) => string[];
  /** "2 en cola": a session's waitlist, on its tile. */
  waiting: (count: number) => string;
  /** "10:00–11:00" in the centre's zone. */
  time: (startsAt: string, endsAt: string) => string;
}

export type IconKey = 'arrived' | 'noShow' | 'paid' | 'creditPending' | 'notes' | 'firstVisit';

/** The glyph shown on a tile for each status; the tooltip spells it out. */
export const iconGlyphs: Record<IconKey, string> = { arrived: '✓', noShow: '✗', paid: '€', creditPending: '€…', notes: '⚠', firstVisit: '★' };

/** An appointment's status icons, from what the agenda range already carries. */
export function appointmentIcons(a: Appointment & { firstVisit?: boolean }): IconKey[] {
  const keys: IconKey[] = [];
  if (a.status === 'attended') keys.push('arrived');
  if (a.status === 'no_show') keys.push('noShow');
  if (a.creditState === 'redeemed') keys.push('paid');
  if (a.creditState === 'pending') keys.push('creditPending');
  if (a.firstVisit) keys.push('firstVisit');
  if (a.hasNotes) keys.push('notes');
  return keys;
}

/** "⚠ ✓ " before a tile's text: nothing when there is no icon. */
export function glyphsOf(keys: IconKey[]): string {
  return keys.length ? `${keys.map((k) => iconGlyphs[k]).join(' ')} ` : '';
}

/** The agenda's entries as Schedule-X events, in the centre's time zone; `description` is the tile's whole text (its tooltip). */
export function toCalendarEvents(
  occurrences: Occurrence[],
  appointments: Appointment[],
  birthdays: BirthdayEntry[],
  moreBirthdays: BirthdayOverflow[],
  timeZone: string,
  labels: EventLabels,
  moreEntries: EntriesOverflow[] = [],
): CalendarEvent[] {
  const events: CalendarEvent[] = occurrences.map((o) => {
    const cancelled = o.status === 'cancelled';
    const waiting = o.kind === 'session' && o.waitlistCount > 0 ? ` · ${labels.waiting(o.waitlistCount)}` : '';
    const counts = o.kind === 'session' ? ` · ${labels.places(o)}${waiting}` : '';
    const title = `${cancelled ? `${labels.cancelled}: ` : ''}${o.title}${counts}`;
    return {
      id: o.id,
      start: toZoned(o.startsAt, timeZone),
      end: toZoned(o.endsAt, timeZone),
      title,
      description: [title, labels.time(o.startsAt, o.endsAt), o.organizerName].join(' · '),
      people: [o.organizerName],
      calendarId: cancelled ? 'cancelled' : calendarIdOf(o.organizerId),
      _options: { disableDND: true, disableResize: true, additionalClasses: [`agenda-kind-${o.kind}`, ...(cancelled ? ['agenda-cancelled'] : [])] },
    };
  });
  for (const a of appointments) {
    if (a.status === 'cancelled') continue;
    const keys = appointmentIcons(a);
    const text = labels.appointment(a);
    events.push({
      id: `${appointmentPrefix}${a.id}`,
      start: toZoned(a.startsAt, timeZone),
      end: toZoned(a.endsAt, timeZone),
      title: `${glyphsOf(keys)}${text}`,
      description: [text, labels.time(a.startsAt, a.endsAt), a.staffName, ...labels.icons(keys)].join(' · '),
      people: [a.staffName],
      calendarId: calendarIdOf(a.staffId),
      _options: {
        disableDND: true,
        disableResize: true,
        additionalClasses: ['agenda-kind-appointment', `agenda-appointment-${a.status}`, ...(a.status === 'booked' ? ['agenda-draggable'] : [])],
      },
    });
  }
  for (const b of birthdays) {
    const day = Temporal.PlainDate.from(b.date);
    const title = labels.birthday(b);
    events.push({
      id: `${birthdayPrefix}${b.clientId}:${b.date}`,
      start: day,
      end: day,
      title,
      description: `${labels.birthday(b)} · ${labels.allDay}`,
      calendarId: 'birthday',
      _options: { disableDND: true, disableResize: true, additionalClasses: ['agenda-all-day', 'agenda-birthday'] },
    });
  }
  for (const m of moreBirthdays) {
    const day = Temporal.PlainDate.from(m.date);
    const title = labels.moreBirthdays(m);
    events.push({
      id: `${moreBirthdaysPrefix}${m.date}`,
      start: day,
      end: day,
      title,
      description: `${title} · ${labels.allDay}`,
      calendarId: 'birthday',
      _options: { disableDND: true, disableResize: true, additionalClasses: ['agenda-all-day', 'agenda-birthday', 'agenda-birthdays-more'] },
    });
  }
  // Last of its day in the month grid: the grid orders a day's timed entries by start (this one at
  // 23:59, its time hidden by calendar-fit.css), after the entries it follows.
  for (const m of moreEntries) {
    const at = Temporal.PlainDate.from(m.date).toZonedDateTime({ timeZone, plainTime: '23:59' });
    const title = labels.moreEntries(m);
    events.push({
      id: `${moreEntriesPrefix}${m.date}`,
      start: at,
      end: at,
      title,
      description: `${title} · ${labels.openDay}`,
      calendarId: 'more',
      _options: { disableDND: true, disableResize: true, additionalClasses: ['agenda-entries-more'] },
    });
  }
  return events;
}
