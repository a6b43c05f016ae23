import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../styles/calendar-fit.css';
import type { EventKind } from '../../src-shared/domain/agenda';
import { call, useQuery } from '../api/client';
import { AppointmentPanel } from '../appointments/AppointmentPanel';
import { BookAppointmentDialog, type BookingPreset } from '../appointments/BookAppointmentDialog';
import { markAgendaData, markAgendaFetch } from './render-timing';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { ErrorBanner } from '../components/bits';
import { addDays, weekdayOf } from '../../src-shared/time/calendar-date';
import { monthGridOf, monthViewInput } from '../../src-shared/agenda/month-view';
import { currentLocale } from '../i18n';
import { href, navigate } from '../lib/router';
import { endOfMonth, formatMonth, formatTime, startOfMonth, todayIn } from '../lib/time';
import { useDesk } from '../staff/desk-context';
import { AgendaFiltersBar } from './AgendaFiltersBar';
import { noFilters, rangeInput, staffIdsOf, type AgendaFilters } from './agenda-filters';
import { appointmentPrefix, birthdayPrefix, calendarsFor, moreBirthdaysPrefix, moreEntriesPrefix, toCalendarEvents } from './calendar-events';
import { CreateMenu } from './CreateMenu';
import { useDragReschedule } from './DragReschedule';
import { FiguresStrip } from './FiguresStrip';
import { newFormState, toCreateInput } from './form/series-form';
import { SeriesFormDialog } from './form/SeriesFormDialog';
import { OccurrencePanel } from './panel/OccurrencePanel';
import { ScheduleCalendar, type CalendarView, type VisibleRange } from './ScheduleCalendar';
import { TeamDayView } from './TeamDayView';
import { useRouteTargets } from './useRouteTargets';
import { ViewSwitcher, type AgendaView } from './ViewSwitcher';

const viewKey = 'mostrador.agenda.view';

/** The month grid's weeks around a day (Monday to Sunday), widened to a visible range that reaches beyond them. */
function monthGridAround(date: string, visible: VisibleRange): VisibleRange {
  const { from, to } = monthGridOf(date);
  // A range away from the selected day's month (Schedule-X moved on alone): just that range.
  if (visible.to < from || visible.from > to) return visible;
  return { from: visible.from < from ? visible.from : from, to: visible.to > to ? visible.to : to };
}

/**
 * The days a Schedule-X view shows around the selected day (its chevrons move the selected day):
 * the events handed to it are those only, computed with the switch itself, so a view never
 * renders (then drops) the previous view's events.
 */
function viewRange(view: CalendarView, date: string): VisibleRange {
  if (view === 'day') return { from: date, to: date };
  if (view === 'week') {
    const from = addDays(date, 1 - weekdayOf(date));
    return { from, to: addDays(from, 6) };
  }
  if (view === 'list') return { from: startOfMonth(date), to: endOfMonth(date) };
  return monthGridAround(date, { from: date, to: date });
}

function savedView(): AgendaView {
  const v = window.localStorage.getItem(viewKey);
  return v === 'month' || v === 'week' || v === 'day' || v === 'list' || v === 'team' ? v : 'week';
}

/** Agenda: the month's figures, filters, Schedule-X's month/week/day/list views and our team day view. */
export function AgendaPage({ occurrenceId, bookFor, date: routeDate, view: routeView }: { occurrenceId?: string; bookFor?: string; date?: string; view?: 'team' }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const { staff, activeStaff, deskStaffId, loaded } = useDesk();
  const toast = useToast();
  const timeZone = settings.timeZone;
  const [view, setViewState] = useState<AgendaView>(savedView);
  const [date, setDate] = useState(() => todayIn(timeZone));
  const [sxRange, setSxRange] = useState<VisibleRange | null>(null);
  const [filters, setFilters] = useState<AgendaFilters>(noFilters);
  const [openId, setOpenId] = useState<string | null>(null);
  const [openAppointmentId, setOpenAppointmentId] = useState<string | null>(null);
  const [booking, setBooking] = useState<BookingPreset | null>(null);
  const [creating, setCreating] = useState<EventKind | null>(null);

  // While the team view shows, Schedule-X (hidden) keeps the last of its own views.
  const [calendarView, setCalendarView] = useState<CalendarView>(() => (view === 'team' ? 'day' : view));
  const setView = (v: AgendaView) => {
    setViewState(v);
    if (v !== 'team') setCalendarView(v);
    window.localStorage.setItem(viewKey, v);
  };

  const staffIds = staffIdsOf(filters, deskStaffId);
  const nothingToAsk = staffIds?.length === 0 || filters.kinds.length === 0;
  // Schedule-X's views ask for the whole month grid around the day: week, day, list, month and the
  // team view's day then share one answer, and a switch between them paints at once.
  const calendarRange = sxRange ? monthGridAround(date, sxRange) : null;
  const covered = calendarRange !== null && date >= calendarRange.from && date <= calendarRange.to;
  const wholeRange = calendarRange && !nothingToAsk ? rangeInput(calendarRange.from, calendarRange.to, filters, deskStaffId) : null;
  // The month grid lists a few entries a day and "N más" (asked bounded per day); every other view, and the team view it may cover, everything.
  const calendarInput = wholeRange && view === 'month' ? monthViewInput(wholeRange) : wholeRange;
  const rangeKey = calendarInput && JSON.stringify(calendarInput);
  // A new range is a new fetch, started by useQuery's effect just after this one: where ui.month.render starts.
  useEffect(() => {
    if (rangeKey) markAgendaFetch();
  }, [rangeKey]);
  const calendarAgenda = useQuery('agenda.range', calendarInput);
  // Only before Schedule-X (hidden behind the team view) has said its range.
  const teamAgenda = useQuery('agenda.range', view === 'team' && !covered && !nothingToAsk ? rangeInput(date, date, filters, deskStaffId) : null);
  const agenda = view === 'team' && !covered ? teamAgenda : calendarAgenda;
  const month = startOfMonth(date);
  const figures = useQuery('agenda.figures', { from: month, to: endOfMonth(date), ...(staffIds ? { staffIds } : {}) });

  const data = nothingToAsk ? undefined : calendarAgenda.data;
  const appointments = useMemo(() => data?.appointments ?? [], [data]);
  // Every event of the answer, once; each view gets the days it shows.
  const allEvents = useMemo(
    () =>
      toCalendarEvents(data?.occurrences ?? [], data?.appointments ?? [], data?.birthdays ?? [], data?.moreBirthdays ?? [], timeZone, {
        places: (o) => (o.places === null ? String(o.bookedCount) : t('agenda.placesShort', { booked: o.bookedCount, places: o.places })),
        cancelled: t('agenda.cancelledTag'),
        birthday: (b) => t('agenda.birthdayTurns', { name: b.clientName, turns: b.turns }),
        moreBirthdays: (m) => t('agenda.moreBirthdays', { count: m.more, more: m.atLeast ? `${m.more}+` : String(m.more) }),
        moreEntries: (m) => t('agenda.moreEntries', { more: m.atLeast ? `${m.more}+` : String(m.more) }),
        openDay: t('agenda.openDay'),
        allDay: t('calendar.allDay'),
        appointment: (a) => t('calendar.tile', { client: a.clientName, service: a.serviceName }),
        icons: (keys) => keys.map((k) => t(`calendar.icons.${k}`)),
        waiting: (count) => t('calendar.icons.waiting', { count }),
        time: (from, to) => `${formatTime(from, timeZone)}–${formatTime(to, timeZone)}`,
      }, data?.moreEntries ?? []).map((event) => ({ event, day: event.start.toString().slice(0, 10) })),
    [data, timeZone, t],
  );
  const shown = viewRange(calendarView, date);
  const events = useMemo(() => {
    markAgendaData();
    return allEvents.filter((e) => e.day >= shown.from && e.day <= shown.to).map((e) => e.event);
  }, [allEvents, shown.from, shown.to]);
  // The team view's day only (another day's answer shows nothing while the next one loads).
  const team = useMemo(() => {
    const source = nothingToAsk ? undefined : covered ? calendarAgenda.data : teamAgenda.data;
    return {
      occurrences: (source?.occurrences ?? []).filter((o) => o.localDate === date),
      appointments: (source?.appointments ?? []).filter((a) => a.localDate === date),
      birthdays: (source?.birthdays ?? []).filter((b) => b.date === date),
      moreBirthdays: (source?.moreBirthdays ?? []).find((m) => m.date === date) ?? null,
    };
  }, [calendarAgenda.data, teamAgenda.data, covered, nothingToAsk, date]);
  const calendars = useMemo(() => calendarsFor(staff), [staff]);
  const calendarKey = `${currentLocale()}|${timeZone}|${staff.map((s) => s.colour).join()}`;

  const teamStaff = staffIds ? activeStaff.filter((s) => staffIds.includes(s.id)) : activeStaff;
  const openOccurrence = useCallback((id: string) => {
    setOpenAppointmentId(null);
    setOpenId(id);
  }, []);
  const openAppointment = useCallback((id: string) => {
    setOpenId(null);
    setOpenAppointmentId(id);
  }, []);
  useRouteTargets({ occurrenceId, bookFor, openOccurrence, book: setBooking });
  // "Ver en la agenda" after a booking: that day, in the team view.
  useEffect(() => {
    if (routeDate) setDate(routeDate);
    if (routeView === 'team') setView('team');
    // Only when the address asks for another day or view.
  }, [routeDate, routeView]);
  // A month view day's "N más" (or Schedule-X's own "+ N"): that day in the day view, which lists everything.
  const openDay = useCallback((day: string) => {
    setDate(day);
    setViewState('day');
    setCalendarView('day');
    window.localStorage.setItem(viewKey, 'day');
  }, []);
  const onEvent = useCallback(
    (id: string) => {
      if (id.startsWith(moreBirthdaysPrefix)) return;
      if (id.startsWith(moreEntriesPrefix)) openDay(id.slice(moreEntriesPrefix.length));
      if (id.startsWith(birthdayPrefix)) navigate({ page: 'client', id: id.slice(birthdayPrefix.length).split(':')[0] ?? '' });
      else if (id.startsWith(appointmentPrefix)) openAppointment(id.slice(appointmentPrefix.length));
      else openOccurrence(id);
    },
    [openAppointment, openOccurrence, openDay],
  );

  const { drop: dropAppointment, dialog: dragDialog } = useDragReschedule(view === 'team' ? team.appointments : appointments, timeZone);
  const onDropEvent = useCallback(
    (eventId: string, day: string, minutes: number) => {
      if (eventId.startsWith(appointmentPrefix)) dropAppointment(eventId.slice(appointmentPrefix.length), day, minutes);
    },
    [dropAppointment],
  );

  const defaultOrganizer = (deskStaffId && activeStaff.some((s) => s.id === deskStaffId) ? deskStaffId : activeStaff[0]?.id) ?? '';
  const today = todayIn(timeZone);

  return (
    <section className="page page-wide agenda-page">
      <header className="page-header agenda-header">
        <h1>{t('agenda.title')}</h1>
        <ViewSwitcher view={view} onChange={setView} />
        <div className="page-header-actions">
          <a className="button" href={href({ page: 'scheduled' })}>
            {t('agenda.scheduled')}
          </a>
          <a className="button" href={href({ page: 'daily-list', date, ...(deskStaffId && filters.staff.mode === 'mine' ? { staffId: deskStaffId } : {}) })}>
            {t('agenda.dailyList')}
          </a>
          <button type="button" className="button" onClick={() => setBooking({ date: date < today ? today : date })}>
            {t('appointments.newAppointment')}
          </button>
          <CreateMenu onCreate={setCreating} />
        </div>
      </header>
      {loaded && staff.length === 0 && <p className="banner banner-warning">{t('agenda.noStaff')}</p>}
      <div className="agenda-bars">
        <AgendaFiltersBar filters={filters} onChange={setFilters} />
        <FiguresStrip title={t('figures.monthTitle', { month: formatMonth(month) })} figures={figures.data} error={figures.error} compact />
      </div>
      <ErrorBanner error={agenda.error} />
      <div className="agenda-body" aria-busy={agenda.loading}>
        <div hidden={view === 'team'} className="agenda-calendar">
          {loaded && (
            <ScheduleCalendar
              key={calendarKey}
              view={calendarView}
              date={date}
              events={events}
              calendars={calendars}
              locale={currentLocale()}
              timeZone={timeZone}
              onRange={setSxRange}
              onDate={setDate}
              onEventClick={onEvent}
              onDay={openDay}
              onDrop={onDropEvent}
              allDayLabel={t('calendar.allDay')}
              dragHint={t('calendar.drag.hint')}
            />
          )}
        </div>
        {view === 'team' && (
          <TeamDayView
            date={date}
            timeZone={timeZone}
            staff={teamStaff}
            occurrences={team.occurrences}
            appointments={team.appointments}
            birthdays={team.birthdays}
            moreBirthdays={team.moreBirthdays}
            onDate={setDate}
            onOpen={openOccurrence}
            onOpenAppointment={openAppointment}
            onBook={setBooking}
            onMoveAppointment={dropAppointment}
          />
        )}
      </div>
      {dragDialog}
      {openId && <OccurrencePanel key={openId} occurrenceId={openId} onClose={() => setOpenId(null)} />}
      {openAppointmentId && <AppointmentPanel key={openAppointmentId} appointmentId={openAppointmentId} onClose={() => setOpenAppointmentId(null)} />}
      {booking && <BookAppointmentDialog preset={booking} onClose={() => setBooking(null)} onBooked={(a) => setDate(a.localDate)} />}
      {creating && (
        <SeriesFormDialog
          title={t(`seriesForm.createTitle.${creating}`)}
          initial={newFormState(creating, date < today ? today : date, defaultOrganizer)}
          seriesId={null}
          submitLabel={t('seriesForm.create')}
          onClose={() => setCreating(null)}
          onSubmit={async (state) => {
            const r = await call('series.create', toCreateInput(state));
            if (!r.ok) return r.error;
            toast(t('seriesForm.created', { title: r.value.series.title, count: r.value.occurrenceCount }));
            setCreating(null);
            setDate(r.value.series.startDate);
            return undefined;
          }}
        />
      )}
    </section>
  );
}
