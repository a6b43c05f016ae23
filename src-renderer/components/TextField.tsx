import type { ReactNode } from 'react';
import { FieldError } from './bits';

/**
 * The aria attributes of a control whose error message has the id `${id}-error`;
 * `more` adds other ids that describe it (a hint, a warning).
 */
export function fieldAria(id: string, error: string | undefined, ...more: (string | false | null | undefined)[]) {
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [error ? `${id}-error` : null, ...more].filter(Boolean).join(' ') || undefined,
  } as const;
}

interface TextFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  /** A three-row textarea instead of a one-line input. */
  multiline?: boolean;
  maxLength?: number;
  autoFocus?: boolean;
}

/** A labelled text input with its error message under it. */
export function TextField({ id, label, value, onChange, error, multiline, maxLength, autoFocus }: TextFieldProps) {
  const control = { id, value, maxLength, autoFocus, ...fieldAria(id, error) };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...control} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...control} onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
