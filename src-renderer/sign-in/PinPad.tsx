import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../components/bits';
import { fieldAria } from '../components/TextField';

export const pinMaxLength = 8;
const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

interface PinPadProps {
  id: string;
  label: string;
  value: string;
  onChange: (pin: string) => void;
  /** The message beside the pad (a wrong PIN, a lockout). */
  error: string | undefined;
  /** OK and the keys are disabled (a call under way, a lockout). */
  disabled?: boolean;
  /** What OK says to assistive technology ("Entrar", "Autorizar"). */
  okLabel: string;
  /**
   * Digits and Backspace typed anywhere on the page go to the pad (the full-screen sign-in); in a
   * dialog only the keys typed inside it do.
   */
  captureWindowKeys?: boolean;
  autoFocus?: boolean;
  /** Under the pad: another action ("Otra persona"). */
  children?: ReactNode;
}

/**
 * A PIN typed on screen keys or the keyboard: digits, Backspace, Enter (the form's submit). The
 * PIN shows as dots. Put it inside the <form> whose submit sends it.
 */
export function PinPad({ id, label, value, onChange, error, disabled, okLabel, captureWindowKeys, autoFocus, children }: PinPadProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const valueRef = useRef(value);
  valueRef.current = value;

  const type = (digit: string) => {
    if (valueRef.current.length < pinMaxLength) onChange(valueRef.current + digit);
  };
  const erase = () => onChange(valueRef.current.slice(0, -1));
  const typeRef = useRef({ type, erase });
  typeRef.current = { type, erase };

  useEffect(() => {
    if (!captureWindowKeys) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || target?.closest('input, textarea, select')) return;
      if (/^\d$/.test(e.key)) typeRef.current.type(e.key);
      else if (e.key === 'Backspace') typeRef.current.erase();
      else return;
      e.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [captureWindowKeys]);

  // Keys typed while a pad button has the focus (the window listener does it on the sign-in screen).
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (captureWindowKeys || (e.target as HTMLElement).tagName === 'INPUT') return;
    if (/^\d$/.test(e.key)) type(e.key);
    else if (e.key === 'Backspace') erase();
    else return;
    e.preventDefault();
  };

  // A click on a key keeps the focus in the PIN field, so the keyboard goes on working.
  const key = (text: string, onClick: () => void, ariaLabel?: string, className = 'pin-key') => (
    <button key={text} type="button" className={className} aria-label={ariaLabel} disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={onClick}>
      {text}
    </button>
  );

  return (
    <div className="pin-pad" onKeyDown={onKeyDown}>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          ref={input}
          id={id}
          className="pin-dots"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={pinMaxLength}
          value={value}
          autoFocus={autoFocus}
          readOnly={disabled}
          {...fieldAria(id, error)}
          onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, pinMaxLength))}
        />
        <FieldError id={`${id}-error`} message={error} />
      </div>
      <div className="pin-keys" role="group" aria-label={t('signIn.keys')}>
        {digits.map((d) => key(d, () => type(d)))}
        {key('⌫', erase, t('signIn.backspace'), 'pin-key pin-key-muted')}
        {key('0', () => type('0'))}
        <button type="submit" className="pin-key pin-key-ok" aria-label={okLabel} disabled={disabled || value.length === 0} onMouseDown={(e) => e.preventDefault()}>
          {t('signIn.ok')}
        </button>
      </div>
      {children}
    </div>
  );
}
