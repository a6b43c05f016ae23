import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientNote } from '../../src-shared/domain/notes';
import type { ClientHistory } from '../../src-shared/domain/appointments';
import { useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { ErrorBanner } from '../components/bits';
import { formatDateTime } from '../lib/time';
import { NoteDialog, visitKey, type VisitChoice } from '../notes/NoteDialog';
import { NoteItem } from '../notes/NoteItem';
import type { CardTabProps } from './card-tabs';
import '../styles/notes.css';

type Filter = 'all' | 'shared' | 'private';

/**
 * "Notas" on the client's card (seed 004): general notes about the client, and the history of
 * attention notes, one per visit, newest first. Main answers only what this person may read.
 */
export function NotesTab({ client }: CardTabProps) {
  const { t } = useTranslation();
  const id = useId();
  const notes = useQuery('notes.list', { clientId: client.id });
  const history = useQuery('clients.history', { clientId: client.id });
  const choices = usePastVisits(history.data);
  const [filter, setFilter] = useState<Filter>('all');
  const [adding, setAdding] = useState<'general' | 'visit' | null>(null);
  const shown = (notes.data ?? []).filter((n) => filter === 'all' || n.visibility === filter);
  const general = shown.filter((n) => n.kind === 'general');
  // Attention notes by the visit they are about, the latest visit first.
  const attention = shown.filter((n) => n.kind === 'visit').sort((x, y) => (y.visit?.startsAt ?? '').localeCompare(x.visit?.startsAt ?? '') || y.createdAt.localeCompare(x.createdAt));

  return (
    <div className="notes-tab">
      <ErrorBanner error={notes.error ?? history.error} />
      <div className="notes-filter" role="group" aria-label={t('notes.filter')}>
        {(['all', 'shared', 'private'] as const).map((f) => (
          <button key={f} type="button" className={`button button-small ${filter === f ? 'button-primary' : ''}`} aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {t(f === 'all' ? 'notes.filterAll' : f === 'shared' ? 'notes.filterShared' : 'notes.filterPrivate')}
          </button>
        ))}
      </div>
      <NoteSection id={`${id}-general`} title={t('notes.general')} hint={t('notes.generalHint')} empty={t('notes.generalEmpty')} notes={general} loaded={notes.data !== undefined}>
        <button type="button" className="button button-small" onClick={() => setAdding('general')}>
          {t('notes.addGeneral')}
        </button>
      </NoteSection>
      <NoteSection id={`${id}-attention`} title={t('notes.attention')} hint={t('notes.attentionHint')} empty={t('notes.attentionEmpty')} notes={attention} loaded={notes.data !== undefined}>
        {history.data && choices.length === 0 ? (
          <span className="small muted">{t('notes.noPastVisits')}</span>
        ) : (
          <button type="button" className="button button-small" disabled={choices.length === 0} onClick={() => setAdding('visit')}>
            {t('notes.addAttention')}
          </button>
        )}
      </NoteSection>
      {adding === 'general' && <NoteDialog mode="general" clientId={client.id} onClose={() => setAdding(null)} />}
      {adding === 'visit' && <NoteDialog mode="visit" clientId={client.id} choices={choices} onClose={() => setAdding(null)} />}
    </div>
  );
}

interface NoteSectionProps {
  id: string;
  title: string;
  hint: string;
  empty: string;
  notes: ClientNote[];
  loaded: boolean;
  children: ReactNode;
}

function NoteSection({ id, title, hint, empty, notes, loaded, children }: NoteSectionProps) {
  return (
    <section className="card-section notes-section" aria-labelledby={id}>
      <div className="notes-section-head">
        <h3 id={id}>{title}</h3>
        {children}
      </div>
      <p className="small muted">{hint}</p>
      {loaded && notes.length === 0 && <p className="muted">{empty}</p>}
      {notes.length > 0 && (
        <ul className="note-list" aria-labelledby={id}>
          {notes.map((n) => (
            <NoteItem key={n.id} note={n} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The client's visits that may take a note (started, not cancelled nor a no-show), newest first. */
function usePastVisits(history: ClientHistory | undefined): VisitChoice[] {
  const { t } = useTranslation();
  const { settings } = useSettings();
  if (!history) return [];
  const now = new Date().toISOString();
  const held = (status: string, startsAt: string) => startsAt <= now && !['cancelled', 'no_show', 'waitlisted'].includes(status);
  const label = (startsAt: string, what: string, professional: string) => t('notes.visitChoice', { when: formatDateTime(startsAt, settings.timeZone), what, professional });
  return [
    ...history.appointments.filter((a) => held(a.status, a.startsAt)).map((a) => ({ startsAt: a.startsAt, key: visitKey({ appointmentId: a.id }), label: label(a.startsAt, a.serviceName, a.staffName) })),
    ...history.bookings.filter((b) => held(b.status, b.startsAt)).map((b) => ({ startsAt: b.startsAt, key: visitKey({ bookingId: b.bookingId }), label: label(b.startsAt, b.title, b.staffName) })),
  ]
    .sort((x, y) => y.startsAt.localeCompare(x.startsAt))
    .map(({ key, label: text }) => ({ key, label: text }));
}
