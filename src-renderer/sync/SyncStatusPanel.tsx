import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { SyncStatus } from '../../src-shared/domain/sync';
import { call } from '../api/client';
import { useSettings } from '../app/settings-context';
import { ErrorBanner } from '../components/bits';
import { formatDateTime } from '../lib/time';
import { useSync } from './sync-context';
import { firstSyncPercent, useSyncStateText } from './sync-state-text';

interface SyncStatusPanelProps {
  id: string;
  status: SyncStatus;
  /** The conflicts list is opening: the panel closes. */
  onShowConflicts: () => void;
}

/** Under the top bar's status: the centre, the last sync, the last error in full, "Sincronizar ahora" and the conflicts. */
export function SyncStatusPanel({ id, status, onShowConflicts }: SyncStatusPanelProps) {
  const { t } = useTranslation();
  const { timeZone } = useSettings().settings;
  const { reload, showConflicts } = useSync();
  const stateText = useSyncStateText();
  const [syncing, setSyncing] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();

  const syncNow = async () => {
    setSyncing(true);
    const r = await call('sync.now', {});
    setSyncing(false);
    setError(r.ok ? undefined : r.error);
    reload();
  };

  return (
    <section id={id} className="bell-panel sync-panel" aria-label={t('sync.panelTitle')}>
      <h2>{t('sync.panelTitle')}</h2>
      <p role="status" className={`sync-panel-state sync-state-${status.state}`}>
        {stateText(status)}
      </p>
      {status.state === 'first_sync' && <progress max={100} value={firstSyncPercent(status.firstSync)} aria-label={stateText(status)} />}
      {status.centreName && <p className="small">{t('sync.centre', { centre: status.centreName })}</p>}
      <p className="small">{status.lastSyncedAt ? t('sync.lastSynced', { when: formatDateTime(status.lastSyncedAt, timeZone) }) : t('sync.neverSynced')}</p>
      {status.lastError && (
        <div className="sync-last-error">
          <p className="small muted">{t('sync.lastError', { when: formatDateTime(status.lastError.at, timeZone) })}</p>
          <p className="sync-last-error-message">{status.lastError.message}</p>
        </div>
      )}
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={syncing} onClick={() => void syncNow()}>
          {syncing ? t('sync.syncing') : t('sync.syncNow')}
        </button>
      </div>
      <p className="sync-panel-conflicts">
        <span>{status.openConflicts > 0 ? t('sync.openConflicts', { count: status.openConflicts }) : t('sync.noOpenConflicts')}</span>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            onShowConflicts();
            showConflicts();
          }}
        >
          {t('sync.showConflicts')}
        </button>
      </p>
    </section>
  );
}
