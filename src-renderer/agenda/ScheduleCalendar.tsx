import { createViewDay, createViewList, createViewMonthGrid, createViewWeek, type CalendarEvent, type CalendarType } from '@schedule-x/calendar';
import { ScheduleXCalendar, useCalendarApp } from '@schedule-x/react';
import { createScrollControllerPlugin } from '@schedule-x/scroll-controller';
import '@schedule-x/theme-default/dist/index.css';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
// Schedule-X's own renderer (its peer dependency), to unmount a view it is about to replace.
import { render as unmountPreact } from 'preact';
import { Temporal, type TemporalTypes } from '../lib/temporal';
import { useCalendarAria } from './calendar-aria';
import { monthViewLines } from '../../src-shared/agenda/month-view';
import { measureAgendaPainted } from './render-timing';

export type CalendarView = 'month' | 'week' | 'day' | 'list';

const viewNames: Record<CalendarView, string> = { month: 'month-grid', week: 'week', day: 'day', list: 'list' };

export interface VisibleRange {
  from: string;
  to: string;
}

interface ScheduleCalendarProps {
  view: CalendarView;
  date: string;
  events: CalendarEvent[];
  calendars: Record<string, CalendarType>;
  locale: string;
  timeZone: string;
  onRange: (range: VisibleRange) => void;
  onDate: (date: string) => void;
  onEventClick: (id: string) => void;
  /** The month grid's "+ N" of a day with more than it has room for: open that day. */
  onDay?: (date: string) => void;
  /** An appointment's tile dropped on the week or day grid: its event id, the date and the start in minutes of the day. */
  onDrop?: (eventId: string, date: string, minutes: number) => void;
  /** What an all-day entry (a birthday) says in the list instead of a time. */
  allDayLabel: string;
  /** The tooltip of a draggable tile's way to move it. */
  dragHint: string;
}

/** The grid's day boundaries (dayBoundaries below), in minutes. */
const dayStartMin = 6 * 60;
const dayEndMin = 23 * 60;

/** Where a drop lands: the day column under the pointer and the tile's new start, in steps of 5 minutes. */
function dropTarget(e: DragEvent, grabOffset: number): { date: string; minutes: number } | null {
  const column = (e.target as Element | null)?.closest?.('[data-time-grid-date]');
  if (!column) return null;
  const date = column.getAttribute('data-time-grid-date');
  if (!date) return null;
  const rect = column.getBoundingClientRect();
  const y = e.clientY - grabOffset - rect.top;
  const raw = dayStartMin + (y / rect.height) * (dayEndMin - dayStartMin);
  const minutes = Math.min(dayEndMin - 5, Math.max(dayStartMin, Math.round(raw / 5) * 5));
  return { date, minutes };
}

/**
 * Schedule-X draws its own tiles: give each its whole text as a tooltip (title) and make the
 * appointments that may move draggable. Run after Schedule-X (re)renders tiles.
 */
function decorateTiles(root: HTMLElement, descriptions: Map<string, string>, dragHint: string): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-event-id], .sx__list-event')) {
    const id = el.getAttribute('data-event-id');
    const day = el.closest('[data-date]')?.getAttribute('data-date') ?? '';
    const text = id ? descriptions.get(id) : descriptions.get(`${day}|${el.querySelector('.sx__list-event-title')?.textContent ?? ''}`);
    const draggable = el.classList.contains('agenda-draggable') && el.classList.contains('sx__time-grid-event');
    const title = text ? (draggable ? `${text}\n${dragHint}` : text) : null;
    if (title && el.title !== title) el.title = title;
    if (draggable && !el.draggable) el.draggable = true;
    // Schedule-X writes 0:00 / 0:00 for an all-day entry in its list: hidden (CSS says "Todo el día").
    if (el.classList.contains('agenda-all-day')) el.querySelector('.sx__list-event-times')?.setAttribute('aria-hidden', 'true');
  }
}

interface RangeLike {
  start: TemporalTypes.ZonedDateTime;
  end: TemporalTypes.ZonedDateTime;
}

/** The part of the app Schedule-X hands its plugins: what we drive from our own view switcher. */
interface AppHandle {
  calendarState: {
    view: { value: string };
    setView: (view: string, date: TemporalTypes.PlainDate) => void;
    range: { value: RangeLike | null };
  };
  datePickerState: { selectedDate: { value: TemporalTypes.PlainDate } };
}

function toRange(range: RangeLike): VisibleRange {
  return { from: range.start.toPlainDate().toString(), to: range.end.toPlainDate().toString() };
}

/**
 * Schedule-X's month grid, week, day and list views. Its own view menu is hidden: our switcher
 * (with the team view) drives it; the events are what we fetched for its visible range.
 * Remount it (key) when the locale, zone or staff colours change: its config is read once.
 */
export function ScheduleCalendar({ view, date, events, calendars, locale, timeZone, onRange, onDate, onEventClick, onDay, onDrop, allDayLabel, dragHint }: ScheduleCalendarProps) {
  const app = useRef<AppHandle | null>(null);
  const handlers = useRef({ onRange, onDate, onEventClick, onDay, onDrop });
  handlers.current = { onRange, onDate, onEventClick, onDay, onDrop };
  const wrapper = useRef<HTMLDivElement>(null);
  useCalendarAria(wrapper);
  const descriptions = useRef(new Map<string, string>());

  // Week and day open at the start of the working day, not at dawn.
  const [plugins] = useState(() => [createScrollControllerPlugin({ initialScroll: '08:00' })]);
  const calendar = useCalendarApp({
    views: [createViewMonthGrid(), createViewWeek(), createViewDay(), createViewList()],
    defaultView: viewNames[view],
    selectedDate: Temporal.PlainDate.from(date),
    locale,
    timezone: timeZone as never,
    firstDayOfWeek: 1,
    isResponsive: false,
    skipAnimations: true,
    calendars,
    events,
    dayBoundaries: { start: '06:00', end: '23:00' },
    weekOptions: { gridHeight: 1020, eventOverlap: false },
    monthGridOptions: { nEventsPerDay: monthViewLines },
    callbacks: {
      onRender: ($app) => {
        app.current = $app as unknown as AppHandle;
        const range = app.current.calendarState.range.value;
        if (range) handlers.current.onRange(toRange(range));
      },
      onRangeUpdate: (range) => handlers.current.onRange(toRange(range)),
      onSelectedDateUpdate: (d) => handlers.current.onDate(d.toString()),
      onEventClick: (event) => handlers.current.onEventClick(String(event.id)),
      // Our view switcher, not Schedule-X alone, moves to the day view (so it fetches the whole day).
      onClickPlusEvents: (day) => handlers.current.onDay?.(day.toString()),
    },
  }, plugins);

  useEffect(() => {
    const map = new Map<string, string>();
    for (const e of events) {
      if (typeof e.description !== 'string') continue;
      map.set(String(e.id), e.description);
      // The list view's tiles carry no id: found by their day and title.
      map.set(`${e.start.toString().slice(0, 10)}|${e.title ?? ''}`, e.description);
    }
    descriptions.current = map;
    if (wrapper.current) decorateTiles(wrapper.current, map, dragHint);
  }, [events, dragHint]);

  // Tooltips and draggable tiles as Schedule-X renders them; drops on the week and day grids.
  useEffect(() => {
    const root = wrapper.current;
    if (!root) return;
    let frame = 0;
    const observer = new MutationObserver(() => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        decorateTiles(root, descriptions.current, dragHint);
      });
    });
    observer.observe(root, { childList: true, subtree: true });
    let dragged: { id: string; grabOffset: number } | null = null;
    const onDragStart = (e: DragEvent) => {
      const tile = (e.target as Element | null)?.closest?.<HTMLElement>('.sx__time-grid-event.agenda-draggable');
      const id = tile?.getAttribute('data-event-id');
      if (!tile || !id) return;
      dragged = { id, grabOffset: e.clientY - tile.getBoundingClientRect().top };
      e.dataTransfer?.setData('text/plain', id);
      if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
    };
    const onDragOver = (e: DragEvent) => {
      if (!dragged || !(e.target as Element | null)?.closest?.('[data-time-grid-date]')) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
    };
    const onDropEvent = (e: DragEvent) => {
      if (!dragged) return;
      const target = dropTarget(e, dragged.grabOffset);
      const id = dragged.id;
      dragged = null;
      if (!target) return;
      e.preventDefault();
      handlers.current.onDrop?.(id, target.date, target.minutes);
    };
    const onDragEnd = () => {
      dragged = null;
    };
    root.addEventListener('dragstart', onDragStart);
    root.addEventListener('dragover', onDragOver);
    root.addEventListener('drop', onDropEvent);
    root.addEventListener('dragend', onDragEnd);
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
      root.removeEventListener('dragstart', onDragStart);
      root.removeEventListener('dragover', onDragOver);
      root.removeEventListener('drop', onDropEvent);
      root.removeEventListener('dragend', onDragEnd);
    };
  }, [dragHint]);

  useEffect(() => {
    const state = app.current;
    if (!state) return;
    const wanted = viewNames[view];
    const day = Temporal.PlainDate.from(date);
    if (state.calendarState.view.value !== wanted) {
      // Schedule-X swaps views on the next frame, but the old one redraws at once for the new range
      // and events (the week view drew the whole month's grid): unmount it first, it is going anyway.
      const container = wrapper.current?.querySelector('.sx__view-container');
      if (container) unmountPreact(null, container);
      state.calendarState.setView(wanted, day);
    }
    if (state.datePickerState.selectedDate.value.toString() !== date) state.datePickerState.selectedDate.value = day;
  }, [view, date]);

  // After the view: the new view's events then reach no old view, only the one about to draw.
  useEffect(() => {
    if (!calendar) return;
    calendar.events.set(events);
    measureAgendaPainted(events.length);
  }, [calendar, events]);

  return (
    <div className="schedule-calendar" ref={wrapper} style={{ '--agenda-all-day': JSON.stringify(allDayLabel) } as CSSProperties}>
      <ScheduleXCalendar calendarApp={calendar} />
    </div>
  );
}
