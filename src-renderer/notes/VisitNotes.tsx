import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/client';
import { useNow } from '../lib/use-now';
import { NoteDialog, noteVisitKey, visitKey } from './NoteDialog';
import { NoteItem } from './NoteItem';
import { LastVisitNote } from './LastVisitNote';
import '../styles/notes.css';

type Visit = { appointmentId: string } | { bookingId: string };

interface VisitFacts {
  clientId: string;
  startsAt: string;
  status: string;
}

/** Whether a visit may take a note (main decides; this only hides a button that would be refused). */
export function visitHeld(status: string, startsAt: string, now: number): boolean {
  return Date.parse(startsAt) <= now && !['cancelled', 'no_show', 'waitlisted'].includes(status);
}

/**
 * The notes block of a visit's panel: "Última visita: …" from the visits before it, this visit's
 * own notes, and "Añadir nota de la visita" once it has started.
 */
export function VisitNotesBlock({ visit, facts }: { visit: Visit; facts: VisitFacts }) {
  const { t } = useTranslation();
  const id = useId();
  const now = useNow();
  const notes = useQuery('notes.list', { clientId: facts.clientId });
  const [adding, setAdding] = useState(false);
  const key = visitKey(visit);
  const own = (notes.data ?? []).filter((n) => n.visit && noteVisitKey(n.visit) === key);
  const held = visitHeld(facts.status, facts.startsAt, now);
  return (
    <section className="panel-block visit-notes" aria-labelledby={id}>
      <h3 id={id}>{t('notes.title')}</h3>
      <LastVisitNote clientId={facts.clientId} before={facts.startsAt} />
      {own.length > 0 && (
        <ul className="note-list" aria-labelledby={id}>
          {own.map((n) => (
            <NoteItem key={n.id} note={n} showVisit={false} />
          ))}
        </ul>
      )}
      {held && (
        <button type="button" className="button button-small" onClick={() => setAdding(true)}>
          {t('notes.addVisitNote')}
        </button>
      )}
      {adding && <NoteDialog mode="visit" clientId={facts.clientId} visit={key} onClose={() => setAdding(false)} />}
    </section>
  );
}

/** "Nota" on one visit (a booking row, a history line): opens the dialog for a note on it. */
export function VisitNoteButton({ visit, clientId, label }: { visit: Visit; clientId: string; label: string }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <button type="button" className="button button-small" aria-label={label} onClick={() => setAdding(true)}>
        {t('notes.noteButton')}
      </button>
      {adding && <NoteDialog mode="visit" clientId={clientId} visit={visitKey(visit)} onClose={() => setAdding(false)} />}
    </>
  );
}
