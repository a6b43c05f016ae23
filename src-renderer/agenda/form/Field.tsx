import type { ReactNode } from 'react';
import { FieldError } from '../../components/bits';
import { fieldAria } from '../../components/TextField';

interface FieldProps {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: string;
  className?: string;
  children: (aria: ReturnType<typeof fieldAria> & { id: string }) => ReactNode;
}

/** A labelled control of the series form with its hint and its error under it. */
export function Field({ id, label, error, hint, className, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, ...fieldAria(id, error, hintId) })}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A group of radios or toggles with a legend, and its error. */
export function FieldGroup({ id, legend, error, className, children }: { id: string; legend: string; error?: string; className?: string; children: ReactNode }) {
  return (
    <fieldset className={`field-group ${className ?? ''}`} aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {children}
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

interface RadioOptionsProps<V extends string> {
  /** The radios' shared name. */
  name: string;
  className: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
}

/** One radio per option, each in its label, in a div that lays them out. */
export function RadioOptions<V extends string>({ name, className, value, options, onChange }: RadioOptionsProps<V>) {
  return (
    <div className={className}>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input type="radio" name={name} checked={value === o.value} onChange={() => onChange(o.value)} />
          {o.label}
        </label>
      ))}
    </div>
  );
}
