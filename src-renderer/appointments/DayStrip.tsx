import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FreeSlot } from '../../src-shared/domain/appointments';
import { isLocalDate } from '../../src-shared/time/calendar-date';
import { DateField } from '../components/DateField';
import { addDays, formatLongDate, weekdayNames } from '../lib/time';
import { mondayOf } from './slot-times';

interface DayStripProps {
  date: string;
  today: string;
  /** The free times of the date's week; undefined while they load (or with no service). */
  weekSlots: FreeSlot[] | undefined;
  onDate: (date: string) => void;
}

/** How far each arrow key moves the chosen day. */
const arrowSteps: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/** Previous / next day, a date input, and the date's week (Monday first) with each day's free times. */
export function DayStrip({ date, today, weekSlots, onDate }: DayStripProps) {
  const { t } = useTranslation();
  const dateId = useId();
  const monday = mondayOf(date);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const names = weekdayNames('short');
  const counts = new Map<string, number>();
  for (const s of weekSlots ?? []) counts.set(s.localDate, (counts.get(s.localDate) ?? 0) + 1);
  const strip = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  // After an arrow key, the focus follows the chosen day (into the next week's strip too).
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    strip.current?.querySelector<HTMLElement>(`[data-date="${date}"]`)?.focus();
  }, [date]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = arrowSteps[e.key];
    const target = step !== undefined ? addDays(date, step) : e.key === 'Home' ? monday : e.key === 'End' ? addDays(monday, 6) : null;
    if (!target) return;
    e.preventDefault();
    if (target < today) return;
    moved.current = true;
    onDate(target);
  };

  return (
    <div className="day-strip" ref={strip}>
      <div className="day-strip-nav">
        <button type="button" className="icon-button" aria-label={t('appointments.previousDay')} onClick={() => onDate(addDays(date, -1))}>
          ‹
        </button>
        <div className="field field-inline">
          <label htmlFor={dateId}>{t('appointments.date')}</label>
          <DateField id={dateId} value={date} required onChange={(d) => isLocalDate(d) && onDate(d)} />
        </div>
        <button type="button" className="icon-button" aria-label={t('appointments.nextDay')} onClick={() => onDate(addDays(date, 1))}>
          ›
        </button>
        {date !== today && (
          <button type="button" className="button button-small" onClick={() => onDate(today)}>
            {t('appointments.today')}
          </button>
        )}
      </div>
      <div className="day-strip-days" role="group" aria-label={t('appointments.days')} onKeyDown={onKeyDown}>
        {days.map((d, i) => {
          const count = counts.get(d) ?? 0;
          const free = weekSlots === undefined ? '' : count ? t('appointments.dayFree', { count }) : t('appointments.dayNone');
          return (
            <button
              key={d}
              type="button"
              className={`day-chip${count ? '' : ' day-chip-empty'}${d === today ? ' day-chip-today' : ''}`}
              aria-pressed={d === date}
              // One stop in the tab order: the chosen day; the arrows move along the week.
              tabIndex={d === date ? 0 : -1}
              data-date={d}
              disabled={d < today}
              onClick={() => onDate(d)}
            >
              <span className="day-chip-name">{names[i]}</span>
              <span className="day-chip-number">{Number(d.slice(8))}</span>
              <span className="day-chip-count">{weekSlots === undefined ? ' ' : count || '–'}</span>
              {/* Its name starts with what it shows, then says it whole. */}
              <span className="visually-hidden">{free ? `: ${t('appointments.dayLabel', { date: formatLongDate(d), free })}` : `: ${formatLongDate(d)}`}</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
