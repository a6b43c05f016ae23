import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDismiss } from '../components/useDismiss';
import { useSync } from './sync-context';
import { useSyncStateText } from './sync-state-text';
import { SyncStatusPanel } from './SyncStatusPanel';

/** The top bar's sync status, only while sync is on; a click opens the panel with the details. */
export function SyncIndicator() {
  const { t } = useTranslation();
  const { status } = useSync();
  const stateText = useSyncStateText();
  const { open, setOpen, root } = useDismiss<HTMLDivElement>();
  const panelId = useId();
  if (!status || status.state === 'off') return null;
  const text = stateText(status);
  return (
    <div className="sync-indicator" ref={root}>
      <button
        type="button"
        className={`sync-indicator-button sync-state-${status.state}`}
        aria-label={status.openConflicts > 0 ? `${t('sync.indicatorLabel', { state: text })} · ${t('sync.openConflicts', { count: status.openConflicts })}` : t('sync.indicatorLabel', { state: text })}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="sync-dot" aria-hidden="true" />
        <span className="sync-indicator-text">{text}</span>
        {status.openConflicts > 0 && (
          <span className="bell-count sync-conflict-count" aria-hidden="true">
            {status.openConflicts}
          </span>
        )}
      </button>
      {open && <SyncStatusPanel id={panelId} status={status} onShowConflicts={() => setOpen(false)} />}
    </div>
  );
}
