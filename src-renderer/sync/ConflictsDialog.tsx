import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import { useQuery } from '../api/client';
import { ModalDialog } from '../agenda/ModalDialog';
import { ErrorBanner } from '../components/bits';
import { ConflictRow } from './ConflictRow';

interface ConflictsDialogProps {
  /** The open conflicts the status counts: a new one (from a sync) refreshes the list. */
  openConflicts: number;
  onChanged: () => void;
  onClose: () => void;
}

/** What this desk did offline that the server refused, newest first, each with its next steps and "Hecho". */
export function ConflictsDialog({ openConflicts, onChanged, onClose }: ConflictsDialogProps) {
  const { t } = useTranslation();
  const conflicts = useQuery('sync.conflicts', {});
  const [error, setError] = useState<ApiError | undefined>();
  const { reload } = conflicts;
  const counted = useRef(openConflicts);
  useEffect(() => {
    if (counted.current === openConflicts) return;
    counted.current = openConflicts;
    reload();
  }, [openConflicts, reload]);
  const items = useMemo(() => [...(conflicts.data ?? [])].filter((c) => c.dismissedAt === null).sort((a, b) => b.at.localeCompare(a.at)), [conflicts.data]);

  return (
    <ModalDialog title={t('sync.conflicts.title')} onClose={onClose} className="sync-conflicts-dialog">
      <div className="dialog-body">
        <p className="hint">{t('sync.conflicts.hint')}</p>
        <ErrorBanner error={conflicts.error ?? error} onClose={error ? () => setError(undefined) : undefined} />
        {conflicts.data && items.length === 0 && <p className="muted">{t('sync.conflicts.empty')}</p>}
        {items.length > 0 && (
          <ul className="notice-list sync-conflict-list" aria-label={t('sync.conflicts.list')}>
            {items.map((c) => (
              <ConflictRow
                key={c.id}
                conflict={c}
                onError={setError}
                onLeave={onClose}
                onDismissed={() => {
                  setError(undefined);
                  reload();
                  onChanged();
                }}
              />
            ))}
          </ul>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('sync.conflicts.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
