import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CentreSettings } from '../../src-shared/domain/centre';
import { call } from '../api/client';
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

  // Another window (or the CLI) may change them: refresh when the desk comes back to the app.
  useEffect(() => {
    const onFocus = () => {
      void call('settings.get', {}).then((r) => r.ok && applied(r.value));
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [applied]);

  const value = useMemo(() => ({ settings, applied }), [settings, applied]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}
