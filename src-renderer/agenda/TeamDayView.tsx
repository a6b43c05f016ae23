import { useEffect, useId, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { BirthdayEntry, BirthdayOverflow, Occurrence } from '../../src-shared/domain/agenda';
import type { Appointment } from '../../src-shared/domain/appointments';
import type { StaffMember } from '../../src-shared/domain/staff';
import type { BookingPreset } from '../appointments/BookAppointmentDialog';
import { TeamAppointmentEntry } from '../appointments/TeamAppointmentEntry';
import { DateField } from '../components/DateField';
import { timeOfMinutes } from '../appointments/slot-times';
import { addDays, formatLongDate, formatTime, minutesOfDay, todayIn } from '../lib/time';
import { shade, tint } from './calendar-events';
import { CheckInPopover } from './CheckInPopover';
import { checkInOpen } from '../../src-shared/agenda/check-in-window';
import { useSettings } from '../app/settings-context';

const hourPx = 60;

interface TeamDayViewProps {
  date: string;
  timeZone: string;
  staff: StaffMember[];
  occurrences: Occurrence[];
  appointments: Appointment[];
  birthdays: BirthdayEntry[];
  /** The day's birthdays beyond those listed by name, if any. */
  moreBirthdays: BirthdayOverflow | null;
  onDate: (date: string) => void;
  onOpen: (occurrenceId: string) => void;
  onOpenAppointment: (appointmentId: string) => void;
  /** Empty time clicked in a professional's column: book an appointment there. */
  onBook: (preset: BookingPreset) => void;
  /** An appointment dragged to a professional's column: the date, the start in minutes of the day and whose column. */
  onMoveAppointment?: (appointmentId: string, date: string, minutes: number, staffId: string) => void;
}

/** What the grid places: an occurrence or an appointment, by its instants; `startMin` is its start in minutes of the day. */
type Entry = { startsAt: string; endsAt: string; startMin: number } & ({ kind: 'occurrence'; item: Occurrence } | { kind: 'appointment'; item: Appointment });

interface Placed {
  entry: Entry;
  top: number;
  height: number;
  lane: number;
  lanes: number;
}

/** Where a placed entry sits in its column. */
function boxOf(placed: Placed): CSSProperties {
  const width = 100 / placed.lanes;
  return { top: placed.top, height: placed.height, left: `calc(${placed.lane * width}% + 2px)`, width: `calc(${width}% - 4px)` };
}

/** Minutes between two instants. */
function lengthMin(startsAt: string, endsAt: string): number {
  return (Date.parse(endsAt) - Date.parse(startsAt)) / 60_000;
}

/** Side by side when entries of one professional overlap. */
function place(entries: Entry[], firstHour: number): Placed[] {
  const sorted = [...entries].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const placed: Placed[] = [];
  let group: Placed[] = [];
  let groupEnd = '';
  const flush = () => {
    const lanes = Math.max(1, ...group.map((p) => p.lane + 1));
    for (const p of group) p.lanes = lanes;
    group = [];
  };
  for (const o of sorted) {
    if (group.length && o.startsAt >= groupEnd) flush();
    const used = new Set(group.filter((p) => p.entry.endsAt > o.startsAt).map((p) => p.lane));
    let lane = 0;
    while (used.has(lane)) lane += 1;
    const minutes = Math.max(20, lengthMin(o.startsAt, o.endsAt));
    const p: Placed = { entry: o, top: ((o.startMin - firstHour * 60) * hourPx) / 60, height: (minutes * hourPx) / 60, lane, lanes: 1 };
    group.push(p);
    placed.push(p);
    if (o.endsAt > groupEnd) groupEnd = o.endsAt;
  }
  flush();
  return placed;
}

/** One column per professional for one day, hour rows, entries placed by time, with check-in. */
export function TeamDayView({ date, timeZone, staff, occurrences, appointments, birthdays, moreBirthdays, onDate, onOpen, onOpenAppointment, onBook, onMoveAppointment }: TeamDayViewProps) {
  const { t } = useTranslation();
  const dragged = useRef<{ id: string; grabOffset: number } | null>(null);
  const dateId = useId();
  const at = (startsAt: string, endsAt: string) => ({ startsAt, endsAt, startMin: minutesOfDay(startsAt, timeZone) });
  const entries: Entry[] = [
    ...occurrences.map((o) => ({ kind: 'occurrence' as const, item: o, ...at(o.startsAt, o.endsAt) })),
    ...appointments.filter((a) => a.status !== 'cancelled').map((a) => ({ kind: 'appointment' as const, item: a, ...at(a.startsAt, a.endsAt) })),
  ];
  const ownerOf = (e: Entry) => (e.kind === 'occurrence' ? e.item.organizerId : e.item.staffId);
  const starts = entries.map((o) => Math.floor(o.startMin / 60));
  const ends = entries.map((o) => Math.ceil((o.startMin + lengthMin(o.startsAt, o.endsAt)) / 60));
  const firstHour = Math.min(8, ...starts);
  const lastHour = Math.min(24, Math.max(21, ...ends));
  const hours = Array.from({ length: lastHour - firstHour }, (_, i) => firstHour + i);
  const hourLabel = (h: number) => formatTime(new Date(Date.UTC(2024, 0, 1, h)).toISOString(), 'UTC');
  const scroller = useRef<HTMLDivElement>(null);
  const today = todayIn(timeZone);
  const earliest = starts.length ? Math.min(...starts) : 9;

  // Open the day at its first entry (or 9:00), like a salon's paper book.
  useEffect(() => {
    scroller.current?.scrollTo({ top: Math.max(0, (earliest - firstHour) * hourPx - 8) });
  }, [date, earliest, firstHour]);

  return (
    <section className="team-view panel" aria-label={t('team.grid', { date: formatLongDate(date) })}>
      <header className="team-header">
        <div className="team-nav">
          <button type="button" className="button button-small" onClick={() => onDate(todayIn(timeZone))}>
            {t('team.today')}
          </button>
          <button type="button" className="icon-button" aria-label={t('team.previous')} onClick={() => onDate(addDays(date, -1))}>
            ‹
          </button>
          <button type="button" className="icon-button" aria-label={t('team.next')} onClick={() => onDate(addDays(date, 1))}>
            ›
          </button>
          <h2 className="team-date">{formatLongDate(date)}</h2>
        </div>
        <div className="field field-inline">
          <label htmlFor={dateId} className="visually-hidden">
            {t('team.date')}
          </label>
          <DateField id={dateId} value={date} required onChange={(d) => d && onDate(d)} />
        </div>
      </header>
      {birthdays.length > 0 && (
        <ul className="team-birthdays">
          {birthdays.map((b) => (
            <li key={b.clientId}>
              {t('agenda.birthdayTurns', { name: b.clientName, turns: b.turns })} · {t('calendar.allDay')}
            </li>
          ))}
          {moreBirthdays && (
            <li className="team-birthdays-more">
              {t('agenda.moreBirthdays', { count: moreBirthdays.more, more: moreBirthdays.atLeast ? `${moreBirthdays.more}+` : String(moreBirthdays.more) })} · {t('calendar.allDay')}
            </li>
          )}
        </ul>
      )}
      {staff.length === 0 ? (
        <p className="empty">{t('team.empty')}</p>
      ) : (
        <div className="team-scroll" ref={scroller}>
          <div className="team-grid" style={{ gridTemplateColumns: `4rem repeat(${staff.length}, minmax(11rem, 1fr))` }}>
            <div className="team-corner" aria-hidden="true" />
            {staff.map((s) => (
              <div key={s.id} className="team-column-head" style={{ borderTopColor: s.colour }}>
                <span className="staff-dot" aria-hidden="true" style={{ background: s.colour }} />
                <span className="team-column-name" title={s.name}>
                  {s.name}
                </span>
                <button type="button" className="icon-button team-book" aria-label={t('appointments.bookWith', { name: s.name })} title={t('appointments.bookWith', { name: s.name })} onClick={() => onBook({ staffId: s.id, date })}>
                  +
                </button>
              </div>
            ))}
            <div className="team-hours" aria-hidden="true" style={{ height: hours.length * hourPx }}>
              {hours.map((h) => (
                <div key={h} className="team-hour" style={{ height: hourPx }}>
                  {hourLabel(h)}
                </div>
              ))}
            </div>
            {staff.map((s) => (
              <div
                key={s.id}
                className="team-column"
                role="list"
                aria-label={s.name}
                style={{ height: hours.length * hourPx, backgroundSize: `100% ${hourPx}px` }}
                onDragOver={(e) => {
                  if (!dragged.current) return;
                  e.preventDefault();
                  e.dataTransfer.dropEffect = 'move';
                }}
                onDrop={(e) => {
                  const moving = dragged.current;
                  dragged.current = null;
                  if (!moving || !onMoveAppointment) return;
                  e.preventDefault();
                  const y = e.clientY - moving.grabOffset - e.currentTarget.getBoundingClientRect().top;
                  const minutes = Math.max(0, Math.min(24 * 60 - 5, firstHour * 60 + Math.round(((y / hourPx) * 60) / 5) * 5));
                  onMoveAppointment(moving.id, date, minutes, s.id);
                }}
                onClick={(e) => {
                  // Only the column's own empty time; entries have their own buttons.
                  if (e.target !== e.currentTarget) return;
                  const y = e.clientY - e.currentTarget.getBoundingClientRect().top;
                  const minutes = firstHour * 60 + Math.floor((y / hourPx) * 4) * 15;
                  onBook({ staffId: s.id, date, time: timeOfMinutes(minutes) });
                }}
              >
                {place(entries.filter((e) => ownerOf(e) === s.id), firstHour).map((p) =>
                  p.entry.kind === 'occurrence' ? (
                    <TeamEntry key={p.entry.item.id} box={boxOf(p)} occurrence={p.entry.item} timeZone={timeZone} today={today} onOpen={onOpen} />
                  ) : (
                    <TeamAppointmentEntry
                      key={p.entry.item.id}
                      box={boxOf(p)}
                      appointment={p.entry.item}
                      timeZone={timeZone}
                      onOpen={onOpenAppointment}
                      {...(onMoveAppointment ? { onDragStart: (id: string, grabOffset: number) => (dragged.current = { id, grabOffset }) } : {})}
                    />
                  ),
                )}
              </div>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}

function TeamEntry({ box, occurrence: o, timeZone, today, onOpen }: { box: CSSProperties; occurrence: Occurrence; timeZone: string; today: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const time = `${formatTime(o.startsAt, timeZone)}–${formatTime(o.endsAt, timeZone)}`;
  // Check-in is offered from the centre's set time before the start.
  const { checkInMinutesBefore } = useSettings().settings;
  const cancelled = o.status === 'cancelled';
  const places = o.kind === 'session' && o.places !== null ? t('agenda.placesShort', { booked: o.bookedCount, places: o.places }) : null;
  const waiting = o.kind === 'session' && o.waitlistCount > 0 ? t('calendar.icons.waiting', { count: o.waitlistCount }) : null;
  const tooltip = [o.title, time, o.organizerName, places, waiting, cancelled ? t('agenda.cancelledTag') : null].filter(Boolean).join(' · ');
  return (
    <div
      role="listitem"
      title={tooltip}
      // Tall enough: the check-in goes under the text, never beside (or over) the title.
      className={`team-entry${cancelled ? ' team-entry-cancelled' : ''}${typeof box.height === 'number' && box.height >= 50 ? ' team-entry-tall' : ''}`}
      style={{
        ...box,
        background: cancelled ? '#f1f3f5' : tint(o.colour, 0.82),
        borderLeftColor: o.colour,
        color: shade(o.colour, 0.55),
      }}
    >
      <button type="button" className="team-entry-open" onClick={() => onOpen(o.id)}>
        <span className="team-entry-title">{o.title}</span>
        <span className="team-entry-time">
          {time}
          {places !== null && ` · ${places}`}
          {waiting !== null && <span className="status-icon-waiting">{` · ${waiting}`}</span>}
          {cancelled && ` · ${t('agenda.cancelledTag')}`}
        </span>
      </button>
      {o.kind === 'session' && !cancelled && o.attendanceMode !== 'open' && o.localDate <= today && checkInOpen(o.startsAt, checkInMinutesBefore) && (
        <CheckInPopover occurrence={o} label={t('team.checkInFor', { title: o.title, time: formatTime(o.startsAt, timeZone) })} />
      )}
    </div>
  );
}
