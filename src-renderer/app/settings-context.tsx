import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CentreSettings } from '../../src-shared/domain/centre';
import { call, onDataChanged } from '../api/client';
import { setUiLanguage } from '../i18n';

interface SettingsState {
  settings: CentreSettings;
  /** Replaces the settings after a successful settings.update; applies the language at once. */
  applied: (settings: CentreSettings) => void;
}

const SettingsContext = createContext<SettingsState | null>(null);

export function useSettings(): SettingsState {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside SettingsProvider');
  return value;
}

export function SettingsProvider({ initial, children }: { initial: CentreSettings; children: ReactNode }) {
  const [settings, setSettings] = useState(initial);
  const applied = useCallback((next: CentreSettings) => {
    setSettings(next);
    void setUiLanguage(next.language);
  }, []);

  // Another window, the CLI or a sync may change them: refresh when told so, and when the desk comes back to the app.
  useEffect(() => {
    const refresh = () => {
      void call('settings.get', {}).then((r) => r.ok && applied(r.value));
    };
    const stop = onDataChanged((tables) => tables.includes('centre_settings') && refresh());
    window.addEventListener('focus', refresh);
    return () => {
      stop();
      window.removeEventListener('focus', refresh);
    };
  }, [applied]);

  const value = useMemo(() => ({ settings, applied }), [settings, applied]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}
