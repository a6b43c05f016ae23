import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import { useErrorText } from '../components/bits';
import { InstallUpdateButton } from './InstallUpdateButton';
import { useUpdates } from './useUpdates';

/** The top bar's "Actualización lista — Reiniciar e instalar", once an update is downloaded. */
export function UpdateReadyNotice() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const updates = useUpdates();
  const [error, setError] = useState<ApiError | undefined>();
  const state = updates.data?.state;
  if (state?.status !== 'ready' && state?.status !== 'installing') return null;
  return (
    <div className="update-notice" role="status" aria-label={t('updates.noticeLabel', { version: state.version })}>
      <span className="update-notice-text">{t('updates.notice')}</span>
      {state.status === 'ready' ? (
        <InstallUpdateButton className="button button-small button-primary" onError={setError} onDone={updates.reload} />
      ) : (
        <span className="update-notice-text">{t('updates.installing')}</span>
      )}
      {error && (
        <span className="update-notice-error" role="alert">
          {errorText(error)}
        </span>
      )}
    </div>
  );
}
