import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { formatDateTime } from '../lib/time';
import '../styles/notes.css';

/**
 * "Última visita: …" on a visit's entry in the agenda: the latest visit note the desk may read from
 * the client's visits before this one (the colour formula to repeat). Nothing when there is none.
 */
export function LastVisitNote({ clientId, before }: { clientId: string; before: string }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const note = useQuery('notes.lastVisit', { clientId, before }).data;
  if (!note?.visit) return null;
  const when = formatDateTime(note.visit.startsAt, settings.timeZone);
  return (
    <p className="last-visit-note small">
      <strong>{t('notes.lastVisit')}:</strong> {t('notes.lastVisitText', { when, body: note.body })}
      {note.visibility === 'private' && <span className="badge badge-private">{t('notes.privateBadge')}</span>}
    </p>
  );
}
