import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeScope } from '../../../src-shared/api/series';
import type { ApiError } from '../../../src-shared/api/result';
import { ErrorBanner } from '../../components/bits';
import { Dialog } from '../../components/Dialog';

interface ScopeDialogProps {
  action: 'edit' | 'cancel';
  onConfirm: (scope: ChangeScope) => void | Promise<void>;
  onClose: () => void;
  busy?: boolean;
  error?: ApiError;
}

const scopes: ChangeScope[] = ['occurrence', 'following', 'all'];

/** "Solo esta sesión / Esta y las siguientes / Todas": what an edit or a cancellation of a recurring event applies to. */
export function ScopeDialog({ action, onConfirm, onClose, busy, error }: ScopeDialogProps) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<ChangeScope>('occurrence');
  return (
    <Dialog
      title={action === 'edit' ? t('scope.editTitle') : t('scope.cancelTitle')}
      confirmLabel={action === 'edit' ? t('scope.confirmEdit') : t('scope.confirmCancel')}
      danger={action === 'cancel'}
      busy={busy}
      onConfirm={() => onConfirm(scope)}
      onClose={onClose}
    >
      <fieldset className="field-group scope-options">
        <legend>{t('scope.question')}</legend>
        {scopes.map((s) => (
          <label key={s} className="checkbox">
            <input type="radio" name="change-scope" checked={scope === s} onChange={() => setScope(s)} />
            {t(`scope.${s}`)}
          </label>
        ))}
      </fieldset>
      <ErrorBanner error={error} />
    </Dialog>
  );
}
