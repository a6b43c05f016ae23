import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { BackupContents } from '../../src-shared/domain/backups';
import { call } from '../api/client';
import { ErrorBanner } from '../components/bits';
import { Dialog } from '../components/Dialog';
import { BackupContentsView } from './BackupContentsView';
import { percentOf } from './backup-format';
import { useBackupProgress } from './useBackupProgress';

/**
 * The confirmation of a restore: it first checks the file and shows what it holds; a damaged file,
 * one that is not Mostrador's or a newer one says so here and cannot be confirmed.
 */
export function RestoreDialog({ path, onClose, onRestored }: { path: string; onClose: () => void; onRestored: () => void }) {
  const { t } = useTranslation();
  const [contents, setContents] = useState<BackupContents | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const progress = useBackupProgress(busy);

  useEffect(() => {
    let live = true;
    void call('backups.inspect', { path }).then((r) => {
      if (!live) return;
      if (r.ok) setContents(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [path]);

  const confirm = async () => {
    if (!contents) return;
    setBusy(true);
    const r = await call('backups.restore', { path });
    setBusy(false);
    if (r.ok) onRestored();
    else setError(r.error);
  };

  return (
    <Dialog title={t('backups.restoreTitle')} confirmLabel={busy ? t('backups.restoring') : t('backups.restoreConfirm')} onConfirm={confirm} onClose={onClose} busy={busy || !contents} danger>
      <p className="backup-path">{path}</p>
      {contents && <BackupContentsView contents={contents} />}
      <p>{t('backups.restoreText')}</p>
      {progress && (
        <progress className="backup-progress" aria-label={t('backups.progress')} max={100} value={percentOf(progress)}>
          {percentOf(progress)} %
        </progress>
      )}
      <ErrorBanner error={error} />
    </Dialog>
  );
}
