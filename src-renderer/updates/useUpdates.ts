import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateState } from '../../src-shared/domain/updates';
import { useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { formatDateTime } from '../lib/time';

/** How often the state is asked again: the updater lives in main and tells no one (a day's check, a download). */
const busyMs = 2_000;
const quietMs = 60_000;

/** updates.state, asked again every minute, and every two seconds while checking, downloading or installing. */
export function useUpdates() {
  const query = useQuery('updates.state', {});
  const state = query.data?.state;
  const busy = state?.status === 'checking' || state?.status === 'downloading' || state?.status === 'installing';
  // The browser host and the CLI never have an updater: nothing will change there.
  const never = state?.status === 'unavailable' && state.reason === 'no-updater';
  const { reload } = query;
  useEffect(() => {
    if (never) return;
    const timer = setInterval(reload, busy ? busyMs : quietMs);
    return () => clearInterval(timer);
  }, [busy, never, reload]);
  return query;
}

/** The state in words. */
export function useUpdateStateText(): (state: UpdateState) => string {
  const { t } = useTranslation();
  const { timeZone } = useSettings().settings;
  return (state) => {
    switch (state.status) {
      case 'unavailable':
        return t(`updates.state.unavailable.${state.reason}`);
      case 'idle':
        return state.checkedAt ? t('updates.state.idleChecked', { when: formatDateTime(state.checkedAt, timeZone) }) : t('updates.state.idle');
      case 'checking':
        return t('updates.state.checking');
      case 'downloading':
        return t('updates.state.downloading', { version: state.version, percent: state.percent });
      case 'ready':
        return t('updates.state.ready', { version: state.version });
      case 'installing':
        return t('updates.state.installing', { version: state.version });
      case 'error':
        return t(`updates.state.error.${state.stage}`, { detail: state.detail });
    }
  };
}
