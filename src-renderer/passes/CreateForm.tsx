import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../src-shared/api/result';
import { CallForm, SubmitButton } from '../settings/CallForm';

interface CreateFormProps {
  /** The form's heading, which names it ("Nuevo bono"). */
  title: string;
  fields: readonly string[];
  send: () => Promise<ApiResult<unknown>>;
  submitText: string;
  onCreated: () => void;
  onClose: () => void;
  children: (fieldErrors: Record<string, string>) => ReactNode;
}

/** A stacked form that creates one thing, opened by its "New …" button: Cancel or Esc closes it, and so does success. */
export function CreateForm({ title, fields, send, submitText, onCreated, onClose, children }: CreateFormProps) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="create-form" aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      <CallForm
        fields={fields}
        send={send}
        onSuccess={() => {
          onCreated();
          onClose();
        }}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
        actions={
          <>
            <button type="button" className="button" onClick={onClose}>
              {t('app.cancel')}
            </button>
            <SubmitButton text={submitText} />
          </>
        }
      >
        {children}
      </CallForm>
    </section>
  );
}
