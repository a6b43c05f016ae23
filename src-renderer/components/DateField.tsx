import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocalDate } from '../../src-shared/time/calendar-date';
import { currentLocale } from '../i18n';
import { formatDateInput, pad, parseDateInput } from '../lib/date-input';
import { addDays, addMonths, endOfMonth, formatMonth, startOfMonth, weekdayNames, weekdayOf } from '../lib/time';
import '../styles/date-field.css';

interface DateFieldProps {
  /** The text input's id, for a <label htmlFor>. */
  id?: string;
  /** A local date (YYYY-MM-DD), or '' for none. */
  value: string;
  /** Called with a valid date in range, or '' when the desk clears a field that may be empty. */
  onChange: (value: string) => void;
  min?: string;
  max?: string;
  /** A date is always needed: clearing the field puts the last date back. */
  required?: boolean;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
  'aria-required'?: boolean;
  className?: string;
}

/**
 * The one date field of the app: a text input in the UI locale's order (7/12/2026 in Spanish,
 * 07/12/2026 in English) with a calendar under a button, keyboard-operable (arrows, Page Up/Down,
 * Home/End, Enter, Esc). The form sees ISO dates only.
 */
export function DateField({ id, value, onChange, min, max, required, className, ...aria }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale();
  const ownId = useId();
  const inputId = id ?? `${ownId}-input`;
  const errorId = `${ownId}-error`;
  const calendarId = `${ownId}-calendar`;
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  // A new value from outside (or a language switch) shows as typed text in the locale.
  useEffect(() => {
    setDraft(null);
    setProblem(null);
  }, [value, i18n.language]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const inRange = (iso: string) => (!min || iso >= min) && (!max || iso <= max);

  const commit = (iso: string) => {
    setDraft(null);
    setProblem(null);
    if (iso !== value) onChange(iso);
  };

  /** On leaving the field or Enter: the typed date, leniently read, or a message beside it. */
  const settle = () => {
    if (draft === null) return;
    if (draft.trim() === '') {
      if (required) setDraft(null);
      else commit('');
      return;
    }
    const iso = parseDateInput(draft, locale, true);
    if (!iso) setProblem(t('dateField.invalid'));
    else if (!inRange(iso)) setProblem(t('dateField.outOfRange'));
    else commit(iso);
  };

  const close = () => {
    setOpen(false);
    input.current?.focus();
  };

  const text = draft ?? formatDateInput(value, locale);
  const describedBy = [aria['aria-describedby'], problem ? errorId : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className={`date-field ${className ?? ''}`} ref={root}>
      <div className="date-field-row">
        <input
          ref={input}
          id={inputId}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('dateField.placeholder')}
          value={text}
          aria-invalid={problem ? true : aria['aria-invalid']}
          aria-describedby={describedBy}
          aria-required={aria['aria-required'] ?? (required ? true : undefined)}
          onChange={(e) => {
            const typed = e.target.value;
            setDraft(typed);
            setProblem(null);
            // A whole date (four-digit year) counts at once, so a view follows the typing.
            const iso = parseDateInput(typed, locale, false);
            if (iso && inRange(iso) && iso !== value) onChange(iso);
          }}
          onBlur={settle}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              if (draft !== null) e.preventDefault();
              settle();
            } else if (e.key === 'ArrowDown' && e.altKey) {
              e.preventDefault();
              setOpen(true);
            }
          }}
        />
        <button
          type="button"
          className="icon-button date-field-button"
          aria-label={t('dateField.open')}
          aria-expanded={open}
          aria-controls={open ? calendarId : undefined}
          onClick={() => setOpen((o) => !o)}
        >
          <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
            <rect x="3" y="5" width="18" height="16" rx="2" />
            <path d="M3 10h18M8 3v4M16 3v4" />
          </svg>
        </button>
      </div>
      {problem && (
        <p id={errorId} className="field-error date-field-error" role="alert">
          {problem}
        </p>
      )}
      {open && (
        <CalendarPopover
          id={calendarId}
          value={isLocalDate(value) ? value : null}
          min={min}
          max={max}
          onPick={(iso) => {
            commit(iso);
            close();
          }}
          onClose={close}
        />
      )}
    </div>
  );
}

interface CalendarPopoverProps {
  id: string;
  value: string | null;
  min?: string;
  max?: string;
  onPick: (iso: string) => void;
  onClose: () => void;
}

function todayLocal(): string {
  const now = new Date();
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1, 2)}-${pad(now.getDate(), 2)}`;
}

/** A month grid, Monday first; the focused day moves with the keys and the month follows it. */
function CalendarPopover({ id, value, min, max, onPick, onClose }: CalendarPopoverProps) {
  const { t } = useTranslation();
  const today = todayLocal();
  const [focused, setFocused] = useState(value ?? today);
  const grid = useRef<HTMLTableElement>(null);
  const titleId = `${id}-title`;

  useEffect(() => {
    grid.current?.querySelector<HTMLElement>('[data-focused="true"]')?.focus();
  }, [focused]);

  const first = startOfMonth(focused);
  const start = addDays(first, -(weekdayOf(first) - 1));
  const last = endOfMonth(focused);
  const weeks: string[][] = [];
  for (let day = start; day <= last; ) {
    const week = Array.from({ length: 7 }, (_, i) => addDays(day, i));
    weeks.push(week);
    day = addDays(day, 7);
  }
  const names = weekdayNames('short');
  const longNames = weekdayNames('long');
  const allowed = (iso: string) => (!min || iso >= min) && (!max || iso <= max);

  const onKey = (e: KeyboardEvent) => {
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(focused, -1),
      ArrowRight: () => addDays(focused, 1),
      ArrowUp: () => addDays(focused, -7),
      ArrowDown: () => addDays(focused, 7),
      PageUp: () => addMonths(focused, e.shiftKey ? -12 : -1),
      PageDown: () => addMonths(focused, e.shiftKey ? 12 : 1),
      Home: () => addDays(focused, -(weekdayOf(focused) - 1)),
      End: () => addDays(focused, 7 - weekdayOf(focused)),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      let next: string;
      try {
        next = move();
      } catch {
        return; // past the calendar's last (or first) supported date
      }
      if (isLocalDate(next)) setFocused(next);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (allowed(focused)) onPick(focused);
    } else if (e.key === 'Escape') {
      // Only the calendar closes, not the dialog or panel around it.
      e.preventDefault();
      e.stopPropagation();
      e.nativeEvent.stopImmediatePropagation();
      onClose();
    }
  };

  return (
    <div
      id={id}
      className="date-field-popover"
      role="dialog"
      aria-modal="false"
      aria-label={t('dateField.calendar')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          e.nativeEvent.stopImmediatePropagation();
          onClose();
        }
      }}
    >
      <div className="date-field-head">
        <button type="button" className="icon-button" aria-label={t('dateField.previousMonth')} onClick={() => setFocused(addMonths(focused, -1))}>
          ‹
        </button>
        <span id={titleId} className="date-field-month" aria-live="polite">
          {formatMonth(focused)}
        </span>
        <button type="button" className="icon-button" aria-label={t('dateField.nextMonth')} onClick={() => setFocused(addMonths(focused, 1))}>
          ›
        </button>
      </div>
      <table ref={grid} role="grid" aria-labelledby={titleId} className="date-field-grid" onKeyDown={onKey}>
        <thead>
          <tr>
            {names.map((n, i) => (
              <th key={n} scope="col" abbr={longNames[i]}>
                {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const outside = day.slice(0, 7) !== focused.slice(0, 7);
                const ok = allowed(day);
                const classes = ['date-field-day', outside && 'outside', day === today && 'today', day === value && 'selected', !ok && 'disabled'].filter(Boolean).join(' ');
                return (
                  <td
                    key={day}
                    role="gridcell"
                    className={classes}
                    tabIndex={day === focused ? 0 : -1}
                    data-focused={day === focused}
                    data-date={day}
                    aria-selected={day === value}
                    aria-disabled={ok ? undefined : true}
                    aria-current={day === today ? 'date' : undefined}
                    onClick={() => ok && onPick(day)}
                  >
                    {Number(day.slice(8))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="date-field-foot">
        <button type="button" className="button button-small" disabled={!allowed(today)} onClick={() => onPick(today)}>
          {t('dateField.today')}
        </button>
      </div>
    </div>
  );
}
