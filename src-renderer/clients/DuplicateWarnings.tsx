import { useTranslation } from 'react-i18next';
import type { DuplicateWarning } from '../../src-shared/domain/client';
import { href } from '../lib/router';

function DuplicateLead({ kind }: { kind: DuplicateWarning['kind'] }) {
  const { t } = useTranslation();
  return <>{kind === 'phone' ? t('card.duplicatePhone') : t('card.duplicateEmail')} </>;
}

function ClientLink({ warning }: { warning: DuplicateWarning }) {
  return <a href={href({ page: 'client', id: warning.clientId })}>{warning.clientName}</a>;
}

/** Under the phone or email input: other clients that already have this value. */
export function DuplicateNotice({ id, kind, warnings }: { id: string; kind: DuplicateWarning['kind']; warnings: DuplicateWarning[] }) {
  return (
    <p id={id} className="field-warning">
      <DuplicateLead kind={kind} />
      {warnings.map((w, i) => (
        <span key={w.clientId}>
          {i > 0 && ', '}
          <ClientLink warning={w} />
        </span>
      ))}
    </p>
  );
}

/** After a save: the clients that share the saved phone or email. */
export function SavedWarningsBanner({ warnings, onClose }: { warnings: DuplicateWarning[]; onClose: () => void }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <div className="banner banner-warning" role="status">
      {warnings.map((w) => (
        <p key={`${w.kind}-${w.clientId}`}>
          <DuplicateLead kind={w.kind} />
          <ClientLink warning={w} />
        </p>
      ))}
      <button type="button" className="icon-button" aria-label={t('app.close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
