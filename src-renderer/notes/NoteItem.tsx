import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientNote } from '../../src-shared/domain/notes';
import { call } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { ErrorBanner } from '../components/bits';
import { Dialog } from '../components/Dialog';
import { formatDateTime } from '../lib/time';
import { NoteDialog } from './NoteDialog';
import '../styles/notes.css';

/** One note: its words, who wrote it and when (edited when), who may read it, and what its reader may do with it. */
export function NoteItem({ note, showVisit = true }: { note: ClientNote; showVisit?: boolean }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const zone = settings.timeZone;
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const when = formatDateTime(note.createdAt, zone);
  const author = note.authorName ?? t('notes.theDesk');
  const byline =
    note.updatedAt !== note.createdAt
      ? t('notes.bylineEdited', { author, when, edited: formatDateTime(note.updatedAt, zone) })
      : t('notes.byline', { author, when });
  return (
    <li className={`note-item note-${note.visibility}`}>
      <div className="note-head">
        <span className={`badge ${note.visibility === 'private' ? 'badge-private' : 'badge-shared'}`}>
          {note.visibility === 'private' ? t('notes.privateBadge') : t('notes.sharedBadge')}
        </span>
        <span className="small muted">{byline}</span>
        <span className="note-actions">
          {note.canEdit && (
            <button type="button" className="button button-small" aria-label={t('notes.editFor', { when })} onClick={() => setEditing(true)}>
              {t('notes.edit')}
            </button>
          )}
          {note.canDelete && (
            <button type="button" className="button button-small button-danger-outline" aria-label={t('notes.deleteFor', { when })} onClick={() => setDeleting(true)}>
              {t('notes.delete')}
            </button>
          )}
        </span>
      </div>
      {showVisit && note.visit && (
        <p className="small muted note-visit">
          {t('notes.onVisit', { when: formatDateTime(note.visit.startsAt, zone), what: note.visit.what, professional: note.visit.staffName })}
        </p>
      )}
      <p className="pre-line note-body">{note.body}</p>
      {editing && <NoteDialog mode="edit" note={note} onClose={() => setEditing(false)} />}
      {deleting && <DeleteNoteDialog note={note} onClose={() => setDeleting(false)} />}
    </li>
  );
}

function DeleteNoteDialog({ note, onClose }: { note: ClientNote; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Parameters<typeof ErrorBanner>[0]['error']>();
  const confirm = async () => {
    setBusy(true);
    const r = await call('notes.delete', { id: note.id });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    toast(t('notes.deleted'));
    onClose();
  };
  return (
    <Dialog title={t('notes.deleteTitle')} confirmLabel={t('notes.deleteConfirm')} danger busy={busy} onConfirm={confirm} onClose={onClose}>
      <p>{t('notes.deleteText')}</p>
      <blockquote className="pre-line note-body">{note.body}</blockquote>
      <ErrorBanner error={error} />
    </Dialog>
  );
}
