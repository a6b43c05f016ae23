import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { BackupContents, BackupEntry } from '../../src-shared/domain/backups';
import { call } from '../api/client';
import { useSettings } from '../app/settings-context';
import { ErrorBanner } from '../components/bits';
import { formatDateTime } from '../lib/time';
import { BackupContentsView } from './BackupContentsView';
import { megabytes } from './backup-format';

/** One backup of the list: when, what kind, how big, whether it is good, where; its contents and Restaurar. */
export function BackupRow({ backup, onRestore }: { backup: BackupEntry; onRestore: (backup: BackupEntry) => void }) {
  const { t } = useTranslation();
  const { timeZone } = useSettings().settings;
  const [contents, setContents] = useState<BackupContents | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const date = formatDateTime(backup.at, timeZone);

  const toggle = async () => {
    if (contents) return setContents(null);
    const r = await call('backups.inspect', { path: backup.path });
    setError(r.ok ? undefined : r.error);
    setContents(r.ok ? r.value : null);
  };

  return (
    <li className="settings-row backup-row" aria-label={date}>
      <div className="settings-row-main">
        <strong>{date}</strong>
        <span>{t(`backups.kinds.${backup.kind}`)}</span>
        <span className="muted">{t('backups.size', { size: megabytes(backup.sizeBytes) })}</span>
        <span className={backup.state === 'ok' ? 'badge' : backup.state === 'damaged' ? 'badge badge-danger' : 'badge badge-muted'}>{t(`backups.states.${backup.state}`)}</span>
        <span className="muted">{t(`backups.where.${backup.where}`)}</span>
        {backup.problem && <span className="muted">{t(`backups.problems.${backup.problem}`)}</span>}
      </div>
      <div className="row-actions">
        <button type="button" className="button" aria-expanded={contents !== null} aria-label={contents ? t('backups.hide') : t('backups.showFor', { date })} onClick={() => void toggle()}>
          {contents ? t('backups.hide') : t('backups.show')}
        </button>
        <button type="button" className="button button-danger" aria-label={t('backups.restoreFor', { date })} disabled={backup.state === 'damaged'} onClick={() => onRestore(backup)}>
          {t('backups.restore')}
        </button>
      </div>
      {contents && <BackupContentsView contents={contents} />}
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
    </li>
  );
}
