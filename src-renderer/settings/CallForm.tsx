import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import type { ApiResult } from '../../src-shared/api/result';
import { ErrorBanner } from '../components/bits';
import { useFormErrors } from './useFormErrors';

interface CallFormProps {
  /** The inputs' names in the API, for errors that belong to one of them. */
  fields: readonly string[];
  /** The call Submit makes. */
  send: () => Promise<ApiResult<unknown>>;
  /** What follows a successful call; the errors are cleared by then. */
  onSuccess: () => void;
  /** One line with the buttons beside the inputs and the error banner after the form, or a stack with the banner and buttons under the inputs. */
  inline?: boolean;
  /** The stacked form's classes. */
  stackClassName?: string;
  /** The submit button and any other. */
  actions: ReactNode;
  onKeyDown?: (e: KeyboardEvent<HTMLFormElement>) => void;
  children: (fieldErrors: Record<string, string>) => ReactNode;
}

/** A settings form that makes one call: an error goes beside the input it names, or to a banner. */
export function CallForm({ fields, send, onSuccess, inline, stackClassName = 'stack', actions, onKeyDown, children }: CallFormProps) {
  const errors = useFormErrors(fields);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await send();
    errors.show(r.ok ? undefined : r.error);
    if (r.ok) onSuccess();
  };
  const banner = <ErrorBanner error={errors.banner} onClose={errors.clearBanner} />;
  return (
    <>
      <form noValidate className={inline ? 'inline-form' : stackClassName} onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}>
        {children(errors.fieldErrors)}
        {inline ? (
          actions
        ) : (
          <>
            {banner}
            <div className="form-actions">{actions}</div>
          </>
        )}
      </form>
      {inline && banner}
    </>
  );
}

/** The primary button that submits a form that adds something. */
export function SubmitButton({ text }: { text: string }) {
  return (
    <button type="submit" className="button button-primary">
      {text}
    </button>
  );
}
