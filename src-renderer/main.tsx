import './lib/temporal';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { CentreSettings } from '../src-shared/domain/centre';
import { call, hasBridge } from './api/client';
import { App } from './app/App';
import { SettingsProvider } from './app/settings-context';
import { ToastProvider } from './app/toasts';
import { i18n, initI18n, setUiLanguage } from './i18n';
import { ApprovalProvider } from './sign-in/approval';
import { SessionGate } from './sign-in/session-context';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/pages.css';
import './styles/card.css';
import './styles/agenda.css';
import './styles/schedules.css';
import './styles/appointments.css';
import './styles/passes.css';
import './styles/checkout.css';
import './styles/sign-in.css';
import './styles/backups.css';
import './styles/sync.css';
import './print/print.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('#root is missing from index.html');
const root = createRoot(rootElement);

async function start(): Promise<void> {
  await initI18n('es');
  if (!hasBridge()) {
    renderFailure(i18n.t('app.noBridge'));
    return;
  }
  const result = await call('settings.get', {});
  if (!result.ok) {
    renderFailure(result.error.message || i18n.t('errors.offline'));
    return;
  }
  const settings: CentreSettings = result.value;
  await setUiLanguage(settings.language);
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <SettingsProvider initial={settings}>
          <ToastProvider>
            <SessionGate>
              <ApprovalProvider>
                <App />
              </ApprovalProvider>
            </SessionGate>
          </ToastProvider>
        </SettingsProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

function renderFailure(message: string): void {
  root.render(
    <div className="startup-failure" role="alert">
      <p>{message}</p>
      <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
        {i18n.t('app.retry')}
      </button>
    </div>,
  );
}

void start();
