import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import { call } from '../api/client';

/** "Reiniciar e instalar": a backup, then the app restarts into the downloaded version (refused during a sale). */
export function InstallUpdateButton({ className, onError, onDone }: { className: string; onError: (error: ApiError | undefined) => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const install = async () => {
    setBusy(true);
    const r = await call('updates.install', {});
    setBusy(false);
    onError(r.ok ? undefined : r.error);
    onDone();
  };
  return (
    <button type="button" className={className} disabled={busy} onClick={() => void install()}>
      {busy ? t('updates.installing') : t('updates.installNow')}
    </button>
  );
}
