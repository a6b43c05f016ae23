import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../src-shared/domain/sync';
import { useSettings } from '../app/settings-context';
import { formatDateTime, formatTime, toZoned, todayIn } from '../lib/time';

/** The first download's progress in whole percent (never 100 before it is done). */
export function firstSyncPercent(progress: { done: number; total: number } | null): number {
  if (!progress || progress.total <= 0) return 0;
  return Math.min(100, Math.floor((progress.done * 100) / progress.total));
}

/** An instant as the time alone when it is today in the centre, else with its date. */
export function useShortWhen(): (iso: string) => string {
  const { timeZone } = useSettings().settings;
  return (iso) => (toZoned(iso, timeZone).toPlainDate().toString() === todayIn(timeZone) ? formatTime(iso, timeZone) : formatDateTime(iso, timeZone));
}

/** The top bar's words for where sync stands: "Sincronizado", "3 cambios pendientes", "Sin conexión desde 10:42 · 1 cambio pendiente"… */
export function useSyncStateText(): (status: SyncStatus) => string {
  const { t } = useTranslation();
  const when = useShortWhen();
  // Offline or stuck on an error, the changes still waiting are said too: "Sin conexión desde 10:42 · 2 cambios pendientes".
  const withWaiting = (text: string, waiting: number) => (waiting > 0 ? `${text} · ${t('sync.state.waiting', { count: waiting })}` : text);
  return (status) => {
    switch (status.state) {
      case 'off':
        return '';
      case 'synced':
        return t('sync.state.synced');
      case 'waiting':
        return t('sync.state.waiting', { count: status.waiting });
      case 'offline':
        return withWaiting(status.offlineSince ? t('sync.state.offline', { time: when(status.offlineSince) }) : t('sync.state.offlineNoTime'), status.waiting);
      case 'error':
        return withWaiting(t('sync.state.error'), status.waiting);
      case 'first_sync':
        return t('sync.state.firstSync', { percent: firstSyncPercent(status.firstSync) });
    }
  };
}
