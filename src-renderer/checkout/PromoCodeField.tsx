import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import { FieldError, useErrorText } from '../components/bits';

interface PromoCodeFieldProps {
  id: string;
  /** The code applied to the sale, or null. */
  applied: string | null;
  /** The code as the centre wrote it, once the quote accepted it. */
  appliedAs: string | null;
  onApply: (code: string | null) => void;
  /** Why the code does not apply (unknown, expired, exhausted, another service…). */
  error: ApiError | undefined;
}

/** "Código promocional": typed, applied (the quote checks it), shown with its error beside it, or removed. */
export function PromoCodeField({ id, applied, appliedAs, onApply, error }: PromoCodeFieldProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [text, setText] = useState(applied ?? '');
  const message = error ? errorText(error) : undefined;
  const errorId = `${id}-error`;

  const apply = () => {
    const code = text.trim();
    onApply(code || null);
  };

  return (
    <div className="field sale-promo">
      <label htmlFor={id}>{t('checkout.promoCode')}</label>
      <div className="sale-promo-row">
        <input
          id={id}
          value={text}
          maxLength={30}
          autoComplete="off"
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? errorId : undefined}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              apply();
            }
          }}
        />
        <button type="button" className="button" disabled={!text.trim() || text.trim() === applied} onClick={apply}>
          {t('checkout.promoApply')}
        </button>
        {applied && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setText('');
              onApply(null);
            }}
          >
            {t('checkout.promoRemove')}
          </button>
        )}
      </div>
      {applied && appliedAs && !message && (
        <p className="hint" role="status">
          {t('checkout.promoApplied', { code: appliedAs })}
        </p>
      )}
      <FieldError id={errorId} message={message} />
    </div>
  );
}
