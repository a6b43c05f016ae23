import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface DialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  onClose: () => void;
  danger?: boolean;
  busy?: boolean;
}

/**
 * A modal confirmation built on <dialog>: focus stays inside, Esc closes it (the browser's cancel),
 * and it is reachable by role "dialog" with its title as its name. A danger confirmation's way back is "Volver".
 */
export function Dialog({ title, children, confirmLabel, onConfirm, onClose, danger, busy }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) void onConfirm();
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={submit}>
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <div id={textId} className="dialog-body">
          {children}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {/* Beside a destructive "Cancelar cita", a dismiss called "Cancelar" reads as doing it: the way back is "Volver". */}
            {danger ? t('app.back') : t('app.cancel')}
          </button>
          <button type="submit" className={danger ? 'button button-danger' : 'button button-primary'} disabled={busy}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
