import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventKind } from '../../src-shared/domain/agenda';
import { call, useQuery } from '../api/client';
import { AppointmentPanel } from '../appointments/AppointmentPanel';
import { BookAppointmentDialog, type BookingPreset } from '../appointments/BookAppointmentDialog';
import { markAgendaData } from './render-timing';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { ErrorBanner } from '../components/bits';
import { currentLocale } from '../i18n';
import { href, navigate } from '../lib/router';
import { endOfMonth, formatMonth, startOfMonth, todayIn } from '../lib/time';
import { useDesk } from '../staff/desk-context';
import { AgendaFiltersBar } from './AgendaFiltersBar';
import { noFilters, rangeInput, staffIdsOf, type AgendaFilters } from './agenda-filters';
import { appointmentPrefix, birthdayPrefix, calendarsFor, toCalendarEvents } from './calendar-events';
import { CreateMenu } from './CreateMenu';
import { FiguresStrip } from './FiguresStrip';
import { newFormState, toCreateInput } from './form/series-form';
import { SeriesFormDialog } from './form/SeriesFormDialog';
import { OccurrencePanel } from './panel/OccurrencePanel';
import { ScheduleCalendar, type CalendarView, type VisibleRange } from './ScheduleCalendar';
import { TeamDayView } from './TeamDayView';
import { useRouteTargets } from './useRouteTargets';
import { ViewSwitcher, type AgendaView } from './ViewSwitcher';

const viewKey = 'mostrador.agenda.view';

function savedView(): AgendaView {
  const v = window.localStorage.getItem(viewKey);
  return v === 'month' || v === 'week' || v === 'day' || v === 'list' || v === 'team' ? v : 'week';
}

/** Agenda: the month's figures, filters, Schedule-X's month/week/day/list views and our team day view. */
export function AgendaPage({ occurrenceId, bookFor }: { occurrenceId?: string; bookFor?: string }) {
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

  const range = view === 'team' ? { from: date, to: date } : sxRange;
  const staffIds = staffIdsOf(filters, deskStaffId);
  const nothingToAsk = staffIds?.length === 0 || filters.kinds.length === 0;
  const agenda = useQuery('agenda.range', range && !nothingToAsk ? rangeInput(range.from, range.to, filters, deskStaffId) : null);
  const month = startOfMonth(date);
  const figures = useQuery('agenda.figures', { from: month, to: endOfMonth(date), ...(staffIds ? { staffIds } : {}) });

  const occurrences = useMemo(() => (nothingToAsk ? [] : (agenda.data?.occurrences ?? [])), [agenda.data, nothingToAsk]);
  const birthdays = useMemo(() => (nothingToAsk ? [] : (agenda.data?.birthdays ?? [])), [agenda.data, nothingToAsk]);
  const appointments = useMemo(() => (nothingToAsk ? [] : (agenda.data?.appointments ?? [])), [agenda.data, nothingToAsk]);
  const events = useMemo(() => {
    markAgendaData();
    return toCalendarEvents(occurrences, appointments, birthdays, timeZone, {
      places: (o) => (o.places === null ? String(o.bookedCount) : t('agenda.placesShort', { booked: o.bookedCount, places: o.places })),
      cancelled: t('agenda.cancelledTag'),
      birthday: (b) => t('agenda.birthdayTurns', { name: b.clientName, turns: b.turns }),
      appointment: (a) =>
        `${t('appointments.title', { service: a.serviceName, client: a.clientName })}${a.status === 'booked' ? '' : ` · ${t(`appointments.status.${a.status}`)}`}`,
    });
  }, [occurrences, appointments, birthdays, timeZone, t]);
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
  const onEvent = useCallback(
    (id: string) => {
      if (id.startsWith(birthdayPrefix)) navigate({ page: 'client', id: id.slice(birthdayPrefix.length).split(':')[0] ?? '' });
      else if (id.startsWith(appointmentPrefix)) openAppointment(id.slice(appointmentPrefix.length));
      else openOccurrence(id);
    },
    [openAppointment, openOccurrence],
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
      <FiguresStrip title={t('figures.monthTitle', { month: formatMonth(month) })} figures={figures.data} error={figures.error} />
      {loaded && staff.length === 0 && <p className="banner banner-warning">{t('agenda.noStaff')}</p>}
      <AgendaFiltersBar filters={filters} onChange={setFilters} />
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
            />
          )}
        </div>
        {view === 'team' && (
          <TeamDayView
            date={date}
            timeZone={timeZone}
            staff={teamStaff}
            occurrences={occurrences}
            appointments={appointments}
            birthdays={birthdays}
            onDate={setDate}
            onOpen={openOccurrence}
            onOpenAppointment={openAppointment}
            onBook={setBooking}
          />
        )}
      </div>
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
