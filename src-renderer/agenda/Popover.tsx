import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** A button that opens a small panel under it; Esc or a click elsewhere closes it. */
interface PopoverProps {
  /** The panel's accessible name. */
  label: string;
  buttonText: ReactNode;
  /** The button's accessible name, when its text alone is not enough. */
  buttonLabel?: string;
  className?: string;
  children: (close: () => void) => ReactNode;
}

export function Popover({ label, buttonText, buttonLabel, className, children }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className={`popover ${className ?? ''}`} ref={root}>
      <button type="button" className="button popover-button" aria-label={buttonLabel} aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {buttonText}
        <span aria-hidden="true" className="caret">
          ▾
        </span>
      </button>
      {open && (
        <div id={id} className="popover-panel" role="group" aria-label={label}>
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  );
}
