import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BirthdayEntry, Occurrence } from '../../src-shared/domain/agenda';
import type { StaffMember } from '../../src-shared/domain/staff';
import { addDays, formatLongDate, formatTime, minutesOfDay, todayIn } from '../lib/time';
import { shade, tint } from './calendar-events';
import { CheckInPopover } from './CheckInPopover';

const hourPx = 60;

interface TeamDayViewProps {
  date: string;
  timeZone: string;
  staff: StaffMember[];
  occurrences: Occurrence[];
  birthdays: BirthdayEntry[];
  onDate: (date: string) => void;
  onOpen: (occurrenceId: string) => void;
}

interface Placed {
  occurrence: Occurrence;
  top: number;
  height: number;
  lane: number;
  lanes: number;
}

/** Side by side when entries of one professional overlap. */
function place(entries: Occurrence[], timeZone: string, firstHour: number): Placed[] {
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
    const used = new Set(group.filter((p) => p.occurrence.endsAt > o.startsAt).map((p) => p.lane));
    let lane = 0;
    while (used.has(lane)) lane += 1;
    const start = minutesOfDay(o.startsAt, timeZone);
    const minutes = Math.max(20, (Date.parse(o.endsAt) - Date.parse(o.startsAt)) / 60_000);
    const p: Placed = { occurrence: o, top: ((start - firstHour * 60) * hourPx) / 60, height: (minutes * hourPx) / 60, lane, lanes: 1 };
    group.push(p);
    placed.push(p);
    if (o.endsAt > groupEnd) groupEnd = o.endsAt;
  }
  flush();
  return placed;
}

/** One column per professional for one day, hour rows, entries placed by time, with check-in. */
export function TeamDayView({ date, timeZone, staff, occurrences, birthdays, onDate, onOpen }: TeamDayViewProps) {
  const { t } = useTranslation();
  const dateId = useId();
  const starts = occurrences.map((o) => Math.floor(minutesOfDay(o.startsAt, timeZone) / 60));
  const ends = occurrences.map((o) => Math.ceil((minutesOfDay(o.startsAt, timeZone) + (Date.parse(o.endsAt) - Date.parse(o.startsAt)) / 60_000) / 60));
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
          <input id={dateId} type="date" value={date} onChange={(e) => e.target.value && onDate(e.target.value)} />
        </div>
      </header>
      {birthdays.length > 0 && (
        <ul className="team-birthdays">
          {birthdays.map((b) => (
            <li key={b.clientId}>{t('agenda.birthdayTurns', { name: b.clientName, turns: b.turns })}</li>
          ))}
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
                {s.name}
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
              <div key={s.id} className="team-column" role="list" aria-label={s.name} style={{ height: hours.length * hourPx, backgroundSize: `100% ${hourPx}px` }}>
                {place(
                  occurrences.filter((o) => o.organizerId === s.id),
                  timeZone,
                  firstHour,
                ).map((p) => (
                  <TeamEntry key={p.occurrence.id} placed={p} timeZone={timeZone} today={today} onOpen={onOpen} />
                ))}
              </div>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}

function TeamEntry({ placed, timeZone, today, onOpen }: { placed: Placed; timeZone: string; today: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const o = placed.occurrence;
  const time = `${formatTime(o.startsAt, timeZone)}–${formatTime(o.endsAt, timeZone)}`;
  const cancelled = o.status === 'cancelled';
  const width = 100 / placed.lanes;
  return (
    <div
      role="listitem"
      className={`team-entry${cancelled ? ' team-entry-cancelled' : ''}`}
      style={{
        top: placed.top,
        height: placed.height,
        left: `calc(${placed.lane * width}% + 2px)`,
        width: `calc(${width}% - 4px)`,
        background: cancelled ? '#f1f3f5' : tint(o.colour, 0.82),
        borderLeftColor: o.colour,
        color: shade(o.colour, 0.55),
      }}
    >
      <button type="button" className="team-entry-open" onClick={() => onOpen(o.id)}>
        <span className="team-entry-title">{o.title}</span>
        <span className="team-entry-time">
          {time}
          {o.kind === 'session' && o.places !== null && ` · ${t('agenda.placesShort', { booked: o.bookedCount, places: o.places })}`}
          {o.kind === 'session' && o.waitlistCount > 0 && ` +${o.waitlistCount}`}
          {cancelled && ` · ${t('agenda.cancelledTag')}`}
        </span>
      </button>
      {o.kind === 'session' && !cancelled && o.attendanceMode !== 'open' && o.localDate <= today && (
        <CheckInPopover occurrence={o} label={t('team.checkInFor', { title: o.title, time: formatTime(o.startsAt, timeZone) })} />
      )}
    </div>
  );
}
