import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeScope } from '../../../src-shared/api/series';
import type { ApiError } from '../../../src-shared/api/result';
import type { AffectedBooking, DeskNotification, OccurrenceDetail } from '../../../src-shared/domain/agenda';
import { call, useQuery } from '../../api/client';
import { useSettings } from '../../app/settings-context';
import { useToast } from '../../app/toasts';
import { formatDateTime } from '../../lib/time';
import { useNow } from '../../lib/use-now';
import { checkInOpen, checkInOpensAt } from '../../../src-shared/agenda/check-in-window';
import { ErrorBanner } from '../../components/bits';
import { Dialog } from '../../components/Dialog';
import { NotificationList, useNotifications } from '../../notifications/NotificationsBell';
import { editFormState, toChanges, type SeriesFormState } from '../form/series-form';
import { SeriesFormDialog } from '../form/SeriesFormDialog';
import { AffectedDialog } from './AffectedDialog';
import { BookClientBox } from './BookClientBox';
import { BookingSections } from './BookingSections';
import { OccurrenceDetails } from './OccurrenceDetails';
import { ScopeDialog } from './ScopeDialog';
import { useSidePanel } from './useSidePanel';

interface OccurrencePanelProps {
  occurrenceId: string;
  onClose: () => void;
}

type Pending = { kind: 'edit'; changes: ReturnType<typeof toChanges>; resolve: (error: ApiError | undefined) => void } | { kind: 'cancel' };

/** The side panel of one agenda entry: details, bookings, waitlist, booking box and the series' actions. */
export function OccurrencePanel({ occurrenceId, onClose }: OccurrencePanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const detail = useQuery('sessions.get', { occurrenceId });
  const notifications = useNotifications();
  const [freed, setFreed] = useState<DeskNotification[] | null>(null);
  const [editing, setEditing] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [affected, setAffected] = useState<AffectedBooking[] | null>(null);

  const root = useSidePanel(onClose, 'dialog[open], .popover-panel');

  const d = detail.data;
  const notices = (notifications.data ?? []).filter((n) => n.occurrenceId === occurrenceId);

  return (
    <aside ref={root} className="occurrence-panel" role="dialog" aria-modal="false" aria-labelledby={titleId} tabIndex={-1}>
      <header className="occurrence-panel-head" style={{ borderTopColor: d?.occurrence.colour }}>
        <div className="stack-tight">
          {d && <span className={`kind-badge kind-${d.occurrence.kind}`}>{t(`agenda.kinds.${d.occurrence.kind}`)}</span>}
          <h2 id={titleId}>{d?.occurrence.title ?? t('app.loading')}</h2>
        </div>
        <button type="button" className="icon-button" aria-label={t('occurrence.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="occurrence-panel-body">
        <ErrorBanner error={detail.error} />
        {d && (
          <>
            {d.occurrence.status === 'cancelled' && (
              <p className="banner banner-warning" role="note">
                {t('occurrence.cancelledBanner')}
              </p>
            )}
            {d.occurrence.status !== 'cancelled' && (
              <div className="panel-actions">
                <button type="button" className="button button-small" onClick={() => setEditing(true)}>
                  {t('occurrence.edit')}
                </button>
                <button type="button" className="button button-small button-danger-outline" onClick={() => setPending({ kind: 'cancel' })}>
                  {t('occurrence.cancelEvent')}
                </button>
              </div>
            )}
            <OccurrenceDetails detail={d} />
            {d.occurrence.kind === 'session' && (
              <SessionBookings detail={d} freed={freed} notices={notices} onFreed={setFreed} />
            )}
            {d.occurrence.kind !== 'session' && <p className="muted">{t('occurrence.notSession')}</p>}
          </>
        )}
      </div>
      {d && editing && <EditDialog detail={d} onPending={setPending} onClose={() => setEditing(false)} />}
      {d && pending && (
        <ScopeOrConfirm
          detail={d}
          pending={pending}
          onDone={(result) => {
            setPending(null);
            if (result?.edited) setEditing(false);
            if (result && result.affected.length > 0) setAffected(result.affected);
          }}
        />
      )}
      {affected && <AffectedDialog affected={affected} service={d?.occurrence.title ?? ''} professional={d?.occurrence.organizerName ?? ''} onClose={() => setAffected(null)} />}
    </aside>
  );
}

function SessionBookings({ detail, freed, notices, onFreed }: { detail: OccurrenceDetail; freed: DeskNotification[] | null; notices: DeskNotification[]; onFreed: (n: DeskNotification[]) => void }) {
  const { t } = useTranslation();
  const o = detail.occurrence;
  const { settings } = useSettings();
  const now = useNow();
  const past = Date.parse(o.startsAt) < now;
  // Attendance is marked from the centre's check-in window on, as the API enforces.
  const canCheckIn = checkInOpen(o.startsAt, settings.checkInMinutesBefore, now);
  return (
    <>
      {freed && (
        <div className="banner banner-info" role="status">
          <p>
            <strong>{t('occurrence.freedTitle')}. </strong>
            {t('occurrence.freed', { count: freed.length })}
          </p>
        </div>
      )}
      {notices.length > 0 && (
        <section className="panel-block notices-block" aria-labelledby="occ-notices">
          <h3 id="occ-notices">{t('occurrence.notices')}</h3>
          <NotificationList items={notices} showSession={false} />
        </section>
      )}
      <BookingSections detail={detail} onFreed={onFreed} canCheckIn={canCheckIn} />
      {!canCheckIn && o.status !== 'cancelled' && o.attendanceMode !== 'open' && detail.bookings.length > 0 && (
        <p className="muted small">{t('restrictions.checkInFrom', { when: formatDateTime(new Date(checkInOpensAt(o.startsAt, settings.checkInMinutesBefore)).toISOString(), settings.timeZone) })}</p>
      )}
      {o.status !== 'cancelled' &&
        (o.attendanceMode === 'open' ? (
          <p className="muted">{t('occurrence.openNoBooking')}</p>
        ) : past ? (
          <p className="muted">{t('occurrence.past')}</p>
        ) : (
          <BookClientBox occurrence={o} />
        ))}
    </>
  );
}

function EditDialog({ detail, onPending, onClose }: { detail: OccurrenceDetail; onPending: (p: Pending) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [initial] = useState(() => editFormState(detail.series, detail.occurrence));
  const submit = (state: SeriesFormState) => {
    const changes = toChanges(state, initial);
    if (Object.keys(changes).length === 0) {
      onClose();
      return Promise.resolve(undefined);
    }
    return new Promise<ApiError | undefined>((resolve) => onPending({ kind: 'edit', changes, resolve }));
  };
  return (
    <SeriesFormDialog
      title={t('seriesForm.editTitle', { title: detail.series.title })}
      initial={initial}
      seriesId={detail.series.id}
      submitLabel={t('seriesForm.save')}
      onSubmit={submit}
      onClose={onClose}
    />
  );
}

interface ScopeResult {
  edited: boolean;
  affected: AffectedBooking[];
}

/** Asks the scope of a recurring event's edit or cancellation (a plain confirmation for a one-off), then calls. */
function ScopeOrConfirm({ detail, pending, onDone }: { detail: OccurrenceDetail; pending: Pending; onDone: (result: ScopeResult | null) => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const occurrenceId = detail.occurrence.id;
  const recurring = detail.series.recurrence !== null;

  const run = async (scope: ChangeScope) => {
    setBusy(true);
    if (pending.kind === 'edit') {
      const r = await call('series.update', { occurrenceId, scope, changes: pending.changes });
      setBusy(false);
      pending.resolve(r.ok ? undefined : r.error);
      if (!r.ok) return onDone(null);
      toast(t('occurrence.saved'));
      return onDone({ edited: true, affected: r.value.affected });
    }
    const r = await call('series.cancel', { occurrenceId, scope });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    toast(t('occurrence.cancelledOccurrences', { count: r.value.cancelledOccurrences }));
    onDone({ edited: false, affected: r.value.affected });
  };
  const close = () => {
    if (pending.kind === 'edit') pending.resolve(undefined);
    onDone(null);
  };

  const direct = !recurring && pending.kind === 'edit';
  const started = useRef(false);
  useEffect(() => {
    // A one-off has one occurrence: nothing to ask. A new recurrence applies to the whole series.
    if (!direct || started.current || pending.kind !== 'edit') return;
    started.current = true;
    void run(pending.changes.recurrence ? 'all' : 'occurrence');
  });
  if (direct) return null;
  if (!recurring)
    return (
      <Dialog title={t('scope.cancelOneTitle', { title: detail.occurrence.title })} confirmLabel={t('occurrence.cancelEvent')} danger busy={busy} onConfirm={() => run('occurrence')} onClose={close}>
        <p>{t('scope.cancelOneText')}</p>
        <ErrorBanner error={error} />
      </Dialog>
    );
  return <ScopeDialog action={pending.kind} busy={busy} error={error} onConfirm={run} onClose={close} />;
}
