import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/client';
import { ErrorBanner } from '../components/bits';
import { PanelSection } from '../components/PanelSection';
import { useSync } from './sync-context';
import { SyncSettingsForm } from './SyncSettingsForm';

/**
 * Ajustes › Sincronización: the server's address, this desk's key, on/off, "Probar conexión" and
 * the conflicts list. Only owners and managers may read or change the settings; others see why.
 */
export function SyncSection() {
  const { t } = useTranslation();
  const { status, reload, showConflicts } = useSync();
  const settings = useQuery('sync.settings', {});
  const data = settings.data;
  const forbidden = settings.error?.code === 'forbidden';
  const conflicts = status?.openConflicts ?? 0;

  return (
    <PanelSection id="settings-sync" title={t('sync.title')} className="settings-section sync-section">
      <p className="hint">{t('sync.hint')}</p>
      {forbidden ? <p className="muted">{t('sync.managersOnly')}</p> : <ErrorBanner error={settings.error} />}
      {data && (
        <SyncSettingsForm
          key={`${data.endpoint ?? ''} ${String(data.keySet)} ${String(data.enabled)}`}
          settings={data}
          onSaved={() => {
            settings.reload();
            reload();
          }}
        />
      )}
      <p>
        <button type="button" className="link-button" onClick={showConflicts}>
          {conflicts > 0 ? t('sync.conflictsLink', { count: conflicts }) : t('sync.conflictsLinkNone')}
        </button>
      </p>
    </PanelSection>
  );
}
