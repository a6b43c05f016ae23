import { FieldError } from '../components/bits';
import { fieldAria } from '../components/TextField';

interface NumberFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  placeholder?: string;
  /** A price: decimals typed the local way ("12,50"), so a text input with a decimal keypad. */
  decimal?: boolean;
}

/** A short labelled number input with its error under it. */
export function NumberField({ id, label, value, onChange, error, placeholder, decimal }: NumberFieldProps) {
  return (
    <div className="field field-number">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={decimal ? 'text' : 'number'}
        inputMode={decimal ? 'decimal' : 'numeric'}
        min={decimal ? undefined : 0}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        {...fieldAria(id, error)}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
