import { useEffect, useState } from 'react';
import type { BackupProgress } from '../../src-shared/domain/backups';
import { call } from '../api/client';

/**
 * While `active`, asks the host every 300 ms how far the backup or restore has come (it keeps that
 * in memory): null once it says none runs, undefined before its first answer.
 */
export function useBackupProgress(active: boolean): BackupProgress | null | undefined {
  const [progress, setProgress] = useState<BackupProgress | null | undefined>(undefined);
  useEffect(() => {
    if (!active) {
      setProgress(undefined);
      return;
    }
    let live = true;
    const ask = () =>
      void call('backups.progress', {}).then((r) => {
        if (live && r.ok) setProgress(r.value);
      });
    ask();
    const timer = setInterval(ask, 300);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [active]);
  return progress;
}
