import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../app/settings-context';
import { useDismiss } from '../components/useDismiss';
import { formatDateTime } from '../lib/time';
import { href } from '../lib/router';
import { RejectionsList } from './RejectionsList';
import { useFiscalStatus } from './useFiscalStatus';
import '../styles/verifactu.css';

/**
 * The top bar's VERI*FACTU status beside the sync one: how many records wait for the tax agency and
 * how many it rejected; a click opens the details. Shown once submission is on or records wait, and
 * only to the front desk (a professional is not asked to act on it).
 */
export function VerifactuIndicator() {
  const { t } = useTranslation();
  const { timeZone } = useSettings().settings;
  const { data: status } = useFiscalStatus();
  const { open, setOpen, root } = useDismiss<HTMLDivElement>();
  const panelId = useId();
  if (!status || (!status.enabled && status.waiting === 0)) return null;
  const rejected = status.rejections.filter((r) => r.status === 'rejected').length;
  const state = rejected > 0 || status.retry ? 'error' : status.waiting > 0 ? 'waiting' : 'synced';
  const text = !status.enabled ? t('verifactu.indicatorOff') : status.waiting > 0 ? t('verifactu.indicatorWaiting', { count: status.waiting }) : t('verifactu.indicatorSent');
  const label = rejected > 0 ? `${text} · ${t('verifactu.indicatorRejected', { count: rejected })}` : text;
  return (
    <div className="sync-indicator verifactu-indicator" ref={root}>
      <button type="button" className={`sync-indicator-button sync-state-${state}`} aria-label={label} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        <span className="sync-dot" aria-hidden="true" />
        <span className="sync-indicator-text">{text}</span>
        {rejected > 0 && (
          <span className="bell-count verifactu-rejected-count" aria-hidden="true">
            {rejected}
          </span>
        )}
      </button>
      {open && (
        <section id={panelId} className="bell-panel sync-panel verifactu-panel" aria-label={t('verifactu.panelTitle')}>
          <h2>{t('verifactu.panelTitle')}</h2>
          <p role="status" className="sync-panel-state">
            {status.waiting > 0 ? t('verifactu.waiting', { count: status.waiting }) : t('verifactu.waitingNone')}
          </p>
          {!status.enabled && <p className="small">{t('verifactu.off')}</p>}
          {status.retry?.reason && <p className="verifactu-retry">{t('verifactu.retry', { attempts: status.retry.attempts, reason: status.retry.reason })}</p>}
          <p className="small">
            {status.lastSubmission ? t('verifactu.lastSubmission', { when: formatDateTime(status.lastSubmission.at, timeZone), csv: status.lastSubmission.csv ?? '—' }) : t('verifactu.neverSubmitted')}
          </p>
          <h3 className="verifactu-subtitle">{t('verifactu.rejections')}</h3>
          <RejectionsList rejections={status.rejections} limit={5} />
          <p>
            <a
              href={href({ page: 'settings' })}
              onClick={() => {
                setOpen(false);
                scrollToSection();
              }}
            >
              {t('verifactu.openSettings')}
            </a>
          </p>
        </section>
      )}
    </div>
  );
}

/** Ajustes is a long page: once it has rendered, its VERI*FACTU section comes into view. */
function scrollToSection(tries = 40): void {
  const section = document.getElementById('settings-verifactu');
  if (section) section.scrollIntoView({ block: 'start' });
  else if (tries > 0) window.setTimeout(() => scrollToSection(tries - 1), 50);
}
