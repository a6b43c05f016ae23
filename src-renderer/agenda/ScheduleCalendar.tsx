import { createViewDay, createViewList, createViewMonthGrid, createViewWeek, type CalendarEvent, type CalendarType } from '@schedule-x/calendar';
import { ScheduleXCalendar, useCalendarApp } from '@schedule-x/react';
import { createScrollControllerPlugin } from '@schedule-x/scroll-controller';
import '@schedule-x/theme-default/dist/index.css';
import { useEffect, useRef, useState } from 'react';
import { Temporal, type TemporalTypes } from '../lib/temporal';
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
export function ScheduleCalendar({ view, date, events, calendars, locale, timeZone, onRange, onDate, onEventClick }: ScheduleCalendarProps) {
  const app = useRef<AppHandle | null>(null);
  const handlers = useRef({ onRange, onDate, onEventClick });
  handlers.current = { onRange, onDate, onEventClick };

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
    monthGridOptions: { nEventsPerDay: 4 },
    callbacks: {
      onRender: ($app) => {
        app.current = $app as unknown as AppHandle;
        const range = app.current.calendarState.range.value;
        if (range) handlers.current.onRange(toRange(range));
      },
      onRangeUpdate: (range) => handlers.current.onRange(toRange(range)),
      onSelectedDateUpdate: (d) => handlers.current.onDate(d.toString()),
      onEventClick: (event) => handlers.current.onEventClick(String(event.id)),
    },
  }, plugins);

  useEffect(() => {
    if (!calendar) return;
    calendar.events.set(events);
    measureAgendaPainted(events.length);
  }, [calendar, events]);

  useEffect(() => {
    const state = app.current;
    if (!state) return;
    const wanted = viewNames[view];
    const day = Temporal.PlainDate.from(date);
    if (state.calendarState.view.value !== wanted) state.calendarState.setView(wanted, day);
    if (state.datePickerState.selectedDate.value.toString() !== date) state.datePickerState.selectedDate.value = day;
  }, [view, date]);

  return (
    <div className="schedule-calendar">
      <ScheduleXCalendar calendarApp={calendar} />
    </div>
  );
}
