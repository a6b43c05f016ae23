import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { SyncConflict } from '../../src-shared/domain/sync';
import { call } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { formatDateTime, formatLongDate } from '../lib/time';
import { href } from '../lib/router';

interface ConflictRowProps {
  conflict: SyncConflict;
  onError: (error: ApiError) => void;
  onDismissed: () => void;
  /** A next step goes to another screen: the list closes. */
  onLeave: () => void;
}

/** The note a step that opens nothing adds: what happened to the credit, the code, the name. */
type NoteKey = 'sync.conflicts.noCredit' | 'sync.conflicts.creditReturned' | 'sync.conflicts.otherCode' | 'sync.conflicts.rename';

function noteKeyOf(c: SyncConflict): NoteKey | null {
  if (c.nextSteps.includes('credit_returned')) return c.reason === 'no_credit' ? 'sync.conflicts.noCredit' : 'sync.conflicts.creditReturned';
  if (c.nextSteps.includes('other_code')) return 'sync.conflicts.otherCode';
  if (c.nextSteps.includes('rename')) return 'sync.conflicts.rename';
  return null;
}

/** Where "another time" goes: for an appointment, booking the same client again; for a session, its panel or the agenda. */
function anotherTimeHref(c: SyncConflict): string {
  if (c.table === 'appointments' && c.clientId) return href({ page: 'agenda', bookFor: c.clientId });
  return href({ page: 'agenda' });
}

/** The host describes a session or appointment by its local "2026-12-14 10:00": said as a date the desk reads. */
function readableSummary(summary: string): string {
  return summary.replace(/\b(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})\b/, (_all, date: string, time: string) => `${formatLongDate(date)}, ${time}`);
}

/** One refused change: what it was, why, what to do next (links to the session, the agenda, the client), and "Hecho". */
export function ConflictRow({ conflict: c, onError, onDismissed, onLeave }: ConflictRowProps) {
  const { t } = useTranslation();
  const { timeZone } = useSettings().settings;
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const note = noteKeyOf(c);
  const summary = readableSummary(c.summary);

  const dismiss = async () => {
    setBusy(true);
    const r = await call('sync.dismissConflict', { id: c.id });
    setBusy(false);
    if (!r.ok) return onError(r.error);
    toast(t('sync.conflicts.dismissed'));
    onDismissed();
  };

  return (
    <li className="notice sync-conflict" aria-label={summary}>
      <p className="notice-title">
        <strong>{summary}</strong>
      </p>
      <p className="sync-conflict-message">{c.message}</p>
      <p className="small muted">{t('sync.conflicts.at', { when: formatDateTime(c.at, timeZone) })}</p>
      {note && <p className="small sync-conflict-note">{t(note)}</p>}
      <div className="notice-actions">
        {c.nextSteps.includes('waitlist') && c.occurrenceId && (
          <a className="button button-small" href={href({ page: 'agenda', occurrenceId: c.occurrenceId })} onClick={onLeave}>
            {t('sync.conflicts.waitlist')}
          </a>
        )}
        {c.nextSteps.includes('another_time') && (
          <a className="button button-small" href={anotherTimeHref(c)} onClick={onLeave}>
            {t('sync.conflicts.anotherTime')}
          </a>
        )}
        {c.clientId && (
          <a className="button button-small" href={href({ page: 'client', id: c.clientId })} onClick={onLeave}>
            {t('sync.conflicts.openClient')}
          </a>
        )}
        <button
          type="button"
          className="button button-small button-primary"
          disabled={busy}
          aria-label={t('sync.conflicts.doneFor', { summary })}
          onClick={() => void dismiss()}
        >
          {t('sync.conflicts.done')}
        </button>
      </div>
    </li>
  );
}
