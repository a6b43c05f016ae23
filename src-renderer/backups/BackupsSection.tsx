import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import { call, useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { ErrorBanner } from '../components/bits';
import { Dialog } from '../components/Dialog';
import { PanelSection } from '../components/PanelSection';
import { TextField } from '../components/TextField';
import { formatDateTime } from '../lib/time';
import { BackupRow } from './BackupRow';
import { percentOf } from './backup-format';
import { RestoreDialog } from './RestoreDialog';
import { SecondFolderForm } from './SecondFolderForm';
import { useBackupProgress } from './useBackupProgress';

/**
 * Ajustes › Copias de seguridad: the backups kept (made when the app closes, daily, by hand, and
 * before a migration, an update or a restore), "Hacer copia ahora" with its progress, the second
 * folder, and restoring one (from the list or a path) with its undo. After a restore the page
 * reloads: every screen, the sign-in and the settings then come from the restored data.
 */
export function BackupsSection() {
  const { t } = useTranslation();
  const { timeZone } = useSettings().settings;
  const toast = useToast();
  const overview = useQuery('backups.list', {});
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<ApiError | undefined>();
  const [restoring, setRestoring] = useState<string | null>(null);
  const [undoing, setUndoing] = useState(false);
  const [undoError, setUndoError] = useState<ApiError | undefined>();
  const [filePath, setFilePath] = useState('');
  const data = overview.data;
  const progress = useBackupProgress(running || data?.running != null);
  // A backup this page did not start (the daily one) has finished: the list has a new one.
  const reload = overview.reload;
  const otherFinished = progress === null && !running && data?.running != null;
  useEffect(() => {
    if (otherFinished) reload();
  }, [otherFinished, reload]);

  const runNow = async () => {
    setRunning(true);
    const r = await call('backups.run', {});
    setRunning(false);
    setRunError(r.ok ? undefined : r.error);
    if (r.ok) toast(t('backups.done'));
    overview.reload();
  };

  const undo = async () => {
    const r = await call('backups.undoRestore', {});
    if (r.ok) return window.location.reload();
    setUndoError(r.error);
    setUndoing(false);
  };

  return (
    <PanelSection id="settings-backups" title={t('backups.title')} className="settings-section backups-section">
      <ErrorBanner error={overview.error} />
      {data && (
        <>
          <p className="hint">{t('backups.hint', { folder: data.dataFolder })}</p>
          {data.undo && (
            <div className="banner banner-warning backup-undo">
              <span>{t('backups.undoText', { file: data.undo.restoredFrom.split(/[\\/]/).at(-1), date: formatDateTime(data.undo.at, timeZone) })}</span>
              <button type="button" className="button" onClick={() => setUndoing(true)}>
                {t('backups.undo')}
              </button>
            </div>
          )}
          <ErrorBanner error={undoError} onClose={() => setUndoError(undefined)} />
          <div className="backup-run">
            <button type="button" className="button button-primary" disabled={running || data.running !== null} onClick={() => void runNow()}>
              {running ? t('backups.running') : t('backups.runNow')}
            </button>
            {progress && (
              <>
                <progress className="backup-progress" aria-label={t('backups.progress')} max={100} value={percentOf(progress)}>
                  {percentOf(progress)} %
                </progress>
                <span className="muted" role="status">
                  {t(`backups.phases.${progress.phase}`, { percent: percentOf(progress) })}
                </span>
              </>
            )}
          </div>
          <ErrorBanner error={runError} onClose={() => setRunError(undefined)} />
          {data.secondFolderFailedAt && (
            <p className="banner banner-warning" role="alert">
              {t('backups.secondFolderFailed', { date: formatDateTime(data.secondFolderFailedAt, timeZone) })}
            </p>
          )}
          <SecondFolderForm folder={data.secondFolder} onSaved={overview.reload} />
          {data.backups.length === 0 && <p className="muted">{t('backups.none')}</p>}
          <ul className="settings-list backup-list" aria-label={t('backups.list')}>
            {data.backups.map((backup) => (
              <BackupRow key={`${backup.where} ${backup.path}`} backup={backup} onRestore={(b) => setRestoring(b.path)} />
            ))}
          </ul>
          <form
            noValidate
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (filePath.trim()) setRestoring(filePath.trim());
            }}
          >
            <TextField id="backup-file-path" label={t('backups.fromFile')} value={filePath} maxLength={4096} error={undefined} onChange={setFilePath} />
            <button type="submit" className="button" disabled={filePath.trim() === ''}>
              {t('backups.fromFileButton')}
            </button>
          </form>
          <p className="hint">{t('backups.fileHint')}</p>
        </>
      )}
      {restoring && <RestoreDialog path={restoring} onClose={() => setRestoring(null)} onRestored={() => window.location.reload()} />}
      {undoing && (
        <Dialog title={t('backups.undoTitle')} confirmLabel={t('backups.undoConfirm')} onConfirm={undo} onClose={() => setUndoing(false)} danger>
          <p>{t('backups.undoConfirmText')}</p>
        </Dialog>
      )}
    </PanelSection>
  );
}
