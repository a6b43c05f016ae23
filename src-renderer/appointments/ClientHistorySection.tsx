import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientHistory } from '../../src-shared/domain/appointments';
import type { ClientNote } from '../../src-shared/domain/notes';
import { StatusBadge } from '../agenda/panel/AttendanceButtons';
import { useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { ErrorBanner } from '../components/bits';
import { PanelSection } from '../components/PanelSection';
import { formatDate } from '../lib/format';
import { formatTime } from '../lib/time';
import { noteVisitKey, visitKey } from '../notes/NoteDialog';
import { VisitNoteButton, visitHeld } from '../notes/VisitNotes';
import { AppointmentStatusBadge } from './AppointmentStatus';

/** One line of the history: an appointment or a place in a session. */
interface HistoryRow {
  key: string;
  appointmentId: string | null;
  /** The visit, as a note names it. */
  visit: { appointmentId: string } | { bookingId: string };
  status: string;
  startsAt: string;
  localDate: string;
  what: string;
  professional: string;
  badge: ReactNode;
  cancelReason: string | null;
}

/** The past list shows this many until asked for all. */
const pastShown = 20;

function rowsOf(history: ClientHistory): HistoryRow[] {
  const rows: HistoryRow[] = [
    ...history.appointments.map((a) => ({
      key: `a-${a.id}`,
      appointmentId: a.id,
      visit: { appointmentId: a.id },
      status: a.status,
      startsAt: a.startsAt,
      localDate: a.localDate,
      what: a.serviceName,
      professional: a.staffName,
      badge: <AppointmentStatusBadge status={a.status} />,
      cancelReason: a.status === 'cancelled' ? (a.cancelReason ?? '') : null,
    })),
    ...history.bookings.map((b) => ({
      key: `b-${b.bookingId}`,
      appointmentId: null,
      visit: { bookingId: b.bookingId },
      status: b.status,
      startsAt: b.startsAt,
      localDate: b.localDate,
      what: b.title,
      professional: b.staffName,
      badge: <StatusBadge status={b.status} />,
      cancelReason: null,
    })),
  ];
  return rows.sort((x, y) => y.startsAt.localeCompare(x.startsAt));
}

/** "Historial" on the client's card: upcoming (soonest first) and past (newest first) appointments and session bookings. */
export function ClientHistorySection({ clientId, onOpen }: { clientId: string; onOpen: (appointmentId: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const history = useQuery('clients.history', { clientId });
  // Each visit's notes beside it: only those main lets this person read.
  const notes = notesByVisit(useQuery('notes.list', { clientId }).data ?? []);
  const [allPast, setAllPast] = useState(false);
  const rows = history.data ? rowsOf(history.data) : [];
  const now = new Date().toISOString();
  const upcoming = rows.filter((r) => r.startsAt >= now).reverse();
  const past = rows.filter((r) => r.startsAt < now);

  return (
    <PanelSection id={`${id}-history`} title={t('appointments.history')} className="card-section client-history">
      <ErrorBanner error={history.error} />
      {history.data && rows.length === 0 && <p className="muted">{t('appointments.historyEmpty')}</p>}
      {history.data && rows.length > 0 && (
        <>
          <HistoryTable id={`${id}-upcoming`} title={t('appointments.upcoming')} rows={upcoming} empty={t('appointments.noUpcoming')} onOpen={onOpen} clientId={clientId} notes={notes} />
          {past.length > 0 && <HistoryTable id={`${id}-past`} title={t('appointments.past')} rows={allPast ? past : past.slice(0, pastShown)} empty="" onOpen={onOpen} clientId={clientId} notes={notes} />}
          {!allPast && past.length > pastShown && (
            <button type="button" className="button button-small" onClick={() => setAllPast(true)}>
              {t('appointments.showAllPast', { count: past.length })}
            </button>
          )}
        </>
      )}
    </PanelSection>
  );
}

interface HistoryTableProps {
  id: string;
  title: string;
  rows: HistoryRow[];
  empty: string;
  onOpen: (appointmentId: string) => void;
  clientId: string;
  notes: ReadonlyMap<string, ClientNote[]>;
}

function notesByVisit(notes: readonly ClientNote[]): Map<string, ClientNote[]> {
  const byVisit = new Map<string, ClientNote[]>();
  for (const n of notes) {
    if (!n.visit) continue;
    const key = noteVisitKey(n.visit);
    byVisit.set(key, [...(byVisit.get(key) ?? []), n]);
  }
  return byVisit;
}

function HistoryTable({ id, title, rows, empty, onOpen, clientId, notes }: HistoryTableProps) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  return (
    <section className="history-block" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <table className="table history-table" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{t('appointments.colDate')}</th>
              <th scope="col">{t('appointments.colTime')}</th>
              <th scope="col">{t('appointments.colWhat')}</th>
              <th scope="col">{t('appointments.colProfessional')}</th>
              <th scope="col">{t('appointments.colStatus')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('appointments.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const date = formatDate(r.localDate);
              return (
                <tr key={r.key} className={r.cancelReason !== null ? 'history-cancelled' : undefined}>
                  <td className="nowrap">{date}</td>
                  <td className="nowrap">{formatTime(r.startsAt, settings.timeZone)}</td>
                  <td>
                    <span className={`kind-badge ${r.appointmentId ? 'kind-appointment' : 'kind-session'}`}>
                      {r.appointmentId ? t('appointments.kindAppointment') : t('appointments.kindSession')}
                    </span>{' '}
                    {r.what}
                    <VisitNoteLines notes={notes.get(visitKey(r.visit))} />
                  </td>
                  <td>{r.professional}</td>
                  <td>
                    {r.badge}
                    {r.cancelReason !== null && (
                      <span className="history-reason small muted">
                        {r.cancelReason ? t('appointments.cancelledReason', { reason: r.cancelReason }) : t('appointments.cancelledNoReason')}
                      </span>
                    )}
                  </td>
                  <td className="history-actions">
                    {visitHeld(r.status, r.startsAt, Date.now()) && (
                      <VisitNoteButton visit={r.visit} clientId={clientId} label={t('notes.addVisitNoteFor', { when: `${date} ${formatTime(r.startsAt, settings.timeZone)}` })} />
                    )}
                    {r.appointmentId && (
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={t('appointments.openFor', { what: r.what, when: `${date} ${formatTime(r.startsAt, settings.timeZone)}` })}
                        onClick={() => r.appointmentId && onOpen(r.appointmentId)}
                      >
                        {t('appointments.open')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A visit's notes under its line: the words, who wrote them, and a mark on a private one. */
function VisitNoteLines({ notes }: { notes: ClientNote[] | undefined }) {
  const { t } = useTranslation();
  if (!notes || notes.length === 0) return null;
  return (
    <ul className="history-notes">
      {notes.map((n) => (
        <li key={n.id} className="small">
          <span className="pre-line">{n.body}</span> <span className="muted">— {n.authorName ?? t('notes.theDesk')}</span>
          {n.visibility === 'private' && <span className="badge badge-private">{t('notes.privateBadge')}</span>}
        </li>
      ))}
    </ul>
  );
}
