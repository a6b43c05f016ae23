import { memo, useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { TodayEntry, TodayStatus } from '../../src-shared/domain/today';
import { PhoneWithWhatsApp } from '../agenda/ContactButtons';
import { useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { ErrorBanner } from '../components/bits';
import { Dialog } from '../components/Dialog';
import { useTemplates } from '../settings/useTemplates';
import { fillTemplate, templateBody } from '../../src-shared/domain/templates';
import { href } from '../lib/router';
import { useNow } from '../lib/use-now';
import { formatLongDate, formatTime, todayIn } from '../lib/time';
import { boardStatuses, canSetStatus, isLate, isUnpaid, saveStatus } from './today-status';
import { checkInOpen, checkInOpensAt } from '../../src-shared/agenda/check-in-window';
import './today.css';

/**
 * "Hoy": everyone expected today in time order (session places and appointments), each with their
 * status changed in one click, their flags and quick actions. It refreshes by itself: the board's
 * query runs again when a write anywhere changes a table it read.
 */
export function TodayPage({ date }: { date?: string }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const titleId = useId();
  const board = useQuery('today.board', date ? { date } : {});
  const now = useNow();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState<string | null>(null);
  const data = board.data;

  // For ui.today.render: from the board's data to the list painted with it.
  useMemo(() => {
    if (data) performance.mark('today:data');
  }, [data]);
  useEffect(() => {
    if (!data) return;
    const entries = data.entries.length;
    // A task queued from the next frame's callback runs once that frame is painted.
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (performance.getEntriesByName('today:data', 'mark').length > 0) performance.measure('today:render', { start: 'today:data', detail: { entries } });
      }, 0),
    );
  }, [data]);

  // Past midnight the board of "today" is another day's: asked again.
  const { reload } = board;
  useEffect(() => {
    if (!date && data && todayIn(settings.timeZone) !== data.date) reload();
  }, [now, date, data, settings.timeZone, reload]);

  // "Cancelada" asks first; the dialog's confirm comes back here with the entry confirmed.
  const [confirming, setConfirming] = useState<TodayEntry | null>(null);
  const onStatus = useCallback(
    async (entry: TodayEntry, to: TodayStatus, confirmed?: TodayEntry) => {
      if (to === 'cancelled' && confirmed !== entry) return setConfirming(entry);
      setConfirming(null);
      setBusy(entry.id);
      setError(undefined);
      const result = await saveStatus(entry, to);
      setBusy(null);
      if (!result.ok) setError(result.error);
    },
    [],
  );

  // The WhatsApp button's reminder text, filled once a row from the centre's templates (one query for the board).
  const templates = useTemplates();
  const reminderOf = (entry: TodayEntry) =>
    fillTemplate(
      templateBody(templates, 'reminder', settings.language),
      { client: entry.clientName, startsAt: entry.startsAt, service: entry.what, professional: entry.professional, centre: settings.name },
      { language: settings.language, timeZone: settings.timeZone },
    );

  const entries = data?.entries ?? [];
  const day = data?.date ?? date ?? todayIn(settings.timeZone);
  const counts = useMemo(() => {
    let expected = 0;
    let arrived = 0;
    let late = 0;
    for (const e of entries) {
      if (e.status === 'expected') expected++;
      if (e.status === 'arrived' || e.status === 'in_service' || e.status === 'done') arrived++;
      if (isLate(e, now)) late++;
    }
    return { expected, arrived, late };
  }, [entries, now]);

  return (
    <section className="page today-page" aria-labelledby={titleId}>
      <header className="today-head">
        <h1 id={titleId}>{t('today.title')}</h1>
        <p className="muted">{t('today.subtitle', { date: formatLongDate(day), count: entries.length })}</p>
        {data && (
          <p className="today-counts" aria-live="polite">
            <span>{t('today.counts.expected', { count: counts.expected })}</span>
            <span>{t('today.counts.arrived', { count: counts.arrived })}</span>
            {counts.late > 0 && <span className="today-counts-late">{t('today.counts.late', { count: counts.late })}</span>}
          </p>
        )}
      </header>
      <ErrorBanner error={board.error} />
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      {data && entries.length === 0 && <p className="muted">{t('today.empty')}</p>}
      {confirming && (
        <Dialog
          title={t('today.confirmCancel', { name: confirming.clientName })}
          confirmLabel={t('today.confirmCancelButton')}
          danger
          onConfirm={() => onStatus(confirming, 'cancelled', confirming)}
          onClose={() => setConfirming(null)}
        >
          <p>{t(confirming.kind === 'session' ? 'today.confirmCancelSession' : 'today.confirmCancelAppointment', { what: confirming.what, time: confirming.time })}</p>
        </Dialog>
      )}
      {entries.length > 0 && (
        <ol className="today-list" aria-label={t('today.listLabel')}>
          {entries.map((entry) => (
            <TodayRow
              key={`${entry.kind}:${entry.id}`}
              entry={entry}
              late={isLate(entry, now)}
              checkInOpen={entry.status !== 'expected' || checkInOpen(entry.startsAt, settings.checkInMinutesBefore, now)}
              checkInMinutesBefore={settings.checkInMinutesBefore}
              busy={busy === entry.id}
              timeZone={settings.timeZone}
              onStatus={onStatus}
              whatsappText={templates ? reminderOf(entry) : undefined}
              t={t}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

interface TodayRowProps {
  entry: TodayEntry;
  late: boolean;
  /** Check-in is offered from the centre's set time before the start. */
  checkInOpen: boolean;
  checkInMinutesBefore: number;
  busy: boolean;
  timeZone: string;
  onStatus: (entry: TodayEntry, to: TodayStatus) => void;
  /** The WhatsApp reminder, filled in (undefined while the templates load). */
  whatsappText: string | undefined;
  /** The page's translate function: one subscription for the board, not one a row. */
  t: TFunction;
}

const TodayRow = memo(function TodayRow({ entry, late, checkInOpen: canCheckIn, checkInMinutesBefore, busy, timeZone, onStatus, whatsappText, t }: TodayRowProps) {
  const name = entry.clientName;
  const unpaid = isUnpaid(entry);
  const creditPending = entry.creditState === 'pending' && entry.status !== 'cancelled';
  const chargeable = entry.status !== 'cancelled' && entry.status !== 'no_show' && !entry.paid;
  const checkout = entry.kind === 'session' ? href({ page: 'checkout', bookingId: entry.id }) : href({ page: 'checkout', appointmentId: entry.id });
  return (
    <li className={`today-row today-status-${entry.status}${late ? ' today-late' : ''}`} data-status={entry.status}>
      <div className="today-time">
        <span className="today-clock">{entry.time}</span>
        <span className="muted small">{formatTime(entry.endsAt, timeZone)}</span>
        {late && (
          <span className="today-late-badge" title={t('today.lateBy', { time: entry.time })}>
            {t('today.late')}
          </span>
        )}
      </div>
      <div className="today-who">
        <a className="today-name" href={href({ page: 'client', id: entry.clientId })} title={name}>
          {name}
        </a>
        <span className="today-what" title={`${entry.what} · ${entry.professional}`}>
          <span className={`kind-badge kind-${entry.kind}`}>{t(entry.kind === 'session' ? 'today.session' : 'today.appointment')}</span> {entry.what} ·{' '}
          {t('today.with', { name: entry.professional })}
        </span>
        <span className="today-flags">
          {unpaid && <span className="today-flag flag-unpaid">{t('today.flags.unpaid')}</span>}
          {creditPending && <span className="today-flag flag-credit">{t('today.flags.creditPending')}</span>}
          {entry.notes && (
            <span className="today-flag flag-notes" title={entry.notes} aria-label={t('today.flags.notesLabel', { notes: entry.notes })}>
              ⚠ {t('today.flags.notes')}
            </span>
          )}
          {entry.firstVisit && <span className="today-flag flag-first">{t('today.flags.firstVisit')}</span>}
        </span>
      </div>
      <div className="today-status" role="group" aria-label={t('today.status.label', { name })}>
        {boardStatuses.map((status) => (
          <button
            key={status}
            type="button"
            className={`today-status-button status-${status}`}
            aria-pressed={entry.status === status}
            disabled={busy || !canSetStatus(entry, status) || (!canCheckIn && (status === 'arrived' || status === 'in_service' || status === 'done'))}
            onClick={() => onStatus(entry, status)}
          >
            {t(`today.status.${status}`)}
          </button>
        ))}
      </div>
      <div className="today-actions">
        {entry.status === 'expected' && !canCheckIn && (
          <span className="muted small today-checkin-later">
            {t('restrictions.checkInOpensAt', { time: formatTime(new Date(checkInOpensAt(entry.startsAt, checkInMinutesBefore)).toISOString(), timeZone) })}
          </span>
        )}
        {entry.status === 'expected' && canCheckIn && (
          <button type="button" className="button button-small button-primary" disabled={busy} aria-label={t('today.actions.checkInFor', { name })} onClick={() => onStatus(entry, 'arrived')}>
            {t('today.actions.checkIn')}
          </button>
        )}
        {chargeable && (
          <a className="button button-small" href={checkout} aria-label={t('today.actions.chargeFor', { name })}>
            {t('today.actions.charge')}
          </a>
        )}
        <PhoneWithWhatsApp name={name} phone={entry.phone} text={whatsappText} messagesAllowed={entry.messagesAllowed} />
        <a className="button button-small" href={href({ page: 'client', id: entry.clientId })} aria-label={t('today.actions.cardFor', { name })}>
          {t('today.actions.card')}
        </a>
      </div>
    </li>
  );
});
