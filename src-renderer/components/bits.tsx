import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { Tag } from '../../src-shared/domain/tag';
import { readableInk } from '../lib/colour';

/** The translated message of a failed call (the API already translated it). */
export function useErrorText(): (error: ApiError | undefined) => string {
  const { t } = useTranslation();
  return (error) => (error ? error.message || t('errors.generic') : '');
}

/** A banner for an error that belongs to no field. */
export function ErrorBanner({ error, onClose }: { error: ApiError | undefined; onClose?: () => void }) {
  const { t } = useTranslation();
  const text = useErrorText();
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      <span>{text(error)}</span>
      {onClose && (
        <button type="button" className="icon-button" aria-label={t('app.close')} onClick={onClose}>
          ×
        </button>
      )}
    </div>
  );
}

/** The message shown right under a field; linked to the input through aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" role="alert">
      <span aria-hidden="true" className="field-error-icon">
        ⚠
      </span>
      <span id={id}>{message}</span>
    </p>
  );
}

export function BlacklistBadge() {
  const { t } = useTranslation();
  return <span className="badge badge-danger">{t('card.blacklistBadge')}</span>;
}

export function TagChip({ tag, children }: { tag: Tag; children?: ReactNode }) {
  return (
    <span className="tag-chip" style={{ background: tag.colour, color: readableInk(tag.colour) }}>
      {tag.name}
      {children}
    </span>
  );
}

export function PageHeader({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {children && <div className="page-header-actions">{children}</div>}
    </header>
  );
}
