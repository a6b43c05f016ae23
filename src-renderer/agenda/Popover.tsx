import { useId, type ReactNode } from 'react';
import { useDismiss } from '../components/useDismiss';

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
  const { open, setOpen, root } = useDismiss<HTMLDivElement>();
  const id = useId();
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
