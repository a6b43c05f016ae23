import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
  /** The page it belongs to (the hash's path, without its query); settled once the raising handler has run. */
  page: string | null;
  action?: ToastAction;
}

/** A next step offered in the toast ("Ver en la agenda"): a button that closes it. */
export interface ToastAction {
  label: string;
  run: () => void;
}

/** The page of the current address: `#/clients/01J…?x` → `clients/01J…`. A panel opened by a query stays on its page. */
function currentPage(): string {
  return (window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '').replace(/\/+$/, '');
}

const ToastContext = createContext<(text: string, tone?: Toast['tone'], action?: ToastAction) => void>(() => {});

/** Shows a short confirmation ("Cambios guardados.") in a polite live region. */
export function useToast() {
  return useContext(ToastContext);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((x) => x.id !== id)), []);
  const show = useCallback(
    (text: string, tone: Toast['tone'] = 'info', action?: ToastAction) => {
      const id = next.current++;
      setToasts((all) => [...all.slice(-2), { id, text, tone, page: null, ...(action ? { action } : {}) }]);
      // A handler that says "Cobro registrado" and then opens the receipt raises it for the receipt: the page is the
      // one the address shows once the handler has run (location.hash changes at once, hashchange comes later).
      queueMicrotask(() => {
        const page = currentPage();
        setToasts((all) => all.map((x) => (x.id === id ? { ...x, page } : x)));
      });
      window.setTimeout(() => dismiss(id), tone === 'error' || action ? 8000 : 4000);
    },
    [dismiss],
  );
  // A toast belongs to the page that raised it: leaving the page clears it, and a language switch clears them all
  // (their text is in the old language).
  useEffect(() => {
    const onNavigate = () => {
      const page = currentPage();
      setToasts((all) => all.filter((x) => x.page === null || x.page === page));
    };
    const onLanguage = () => setToasts([]);
    window.addEventListener('hashchange', onNavigate);
    i18n.on('languageChanged', onLanguage);
    return () => {
      window.removeEventListener('hashchange', onNavigate);
      i18n.off('languageChanged', onLanguage);
    };
  }, [i18n]);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.tone}`}>
            <span>{toast.text}</span>
            {toast.action && (
              <button
                type="button"
                className="button button-small toast-action"
                onClick={() => {
                  dismiss(toast.id);
                  toast.action?.run();
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button type="button" className="icon-button" aria-label={t('app.close')} onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
