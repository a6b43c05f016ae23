import type { FormEvent, ReactNode } from 'react';
import type { ApiResult } from '../../src-shared/api/result';
import { ErrorBanner } from '../components/bits';
import { CancelSaveButtons } from '../components/CancelSaveButtons';
import { useFormErrors } from './useFormErrors';

interface RowEditorProps {
  /** The inputs' names in the API, for errors that belong to one of them. */
  fields: readonly string[];
  save: () => Promise<ApiResult<unknown>>;
  onDone: () => void;
  /** One line with the buttons beside the inputs, or a stack with the buttons under them. */
  inline?: boolean;
  children: (fieldErrors: Record<string, string>) => ReactNode;
}

/** A list row turned into a form: Save closes it once the call succeeds; Cancel or Esc closes it unsaved. */
export function RowEditor({ fields, save, onDone, inline, children }: RowEditorProps) {
  const errors = useFormErrors(fields);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await save();
    if (!r.ok) errors.show(r.error);
    else onDone();
  };
  const banner = <ErrorBanner error={errors.banner} onClose={errors.clearBanner} />;
  return (
    <li className="settings-row settings-row-editing">
      <form noValidate className={inline ? 'inline-form' : 'stack grow'} onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onDone()}>
        {children(errors.fieldErrors)}
        {inline ? (
          <CancelSaveButtons onCancel={onDone} />
        ) : (
          <>
            {banner}
            <div className="form-actions">
              <CancelSaveButtons onCancel={onDone} />
            </div>
          </>
        )}
      </form>
      {inline && banner}
    </li>
  );
}
