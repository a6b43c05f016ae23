import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientPass } from '../../src-shared/domain/passes';
import { formatDate } from '../lib/format';
import { PassLedger } from './PassLedger';

interface ClientPassRowProps {
  pass: ClientPass;
  /** What it covers, by name. */
  covers: string;
  onAdjust: () => void;
}

/** One pass or plan line of the client: name, balance of total, valid until (an expired one greyed), its movements on demand, "Ajustar". */
export function ClientPassRow({ pass, covers, onAdjust }: ClientPassRowProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const until = formatDate(pass.validUntil);
  return (
    <li className={`pass-row${pass.expired ? ' pass-row-expired' : ''}`} aria-labelledby={`${id}-name`}>
      <div className="pass-row-head">
        <span className="settings-row-main">
          <strong id={`${id}-name`}>{pass.name}</strong>
          <span className="small muted">
            {[pass.planName && t('passes.card.ofPlan', { plan: pass.planName }), covers, pass.expired ? t('passes.card.expiredOn', { date: until }) : t('passes.card.validUntil', { date: until })]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </span>
        {pass.expired && <span className="badge badge-muted">{t('passes.card.expired')}</span>}
        <span className="pass-balance">
          <span aria-hidden="true">
            {pass.balance}/{pass.creditsTotal}
          </span>
          <span className="visually-hidden">{t('passes.card.balance', { balance: pass.balance, total: pass.creditsTotal })}</span>
        </span>
        <span className="row-actions">
          <button
            type="button"
            className="button button-small"
            aria-expanded={open}
            aria-controls={`${id}-ledger`}
            aria-label={t('passes.card.movementsFor', { name: pass.name })}
            onClick={() => setOpen(!open)}
          >
            {t('passes.card.movements')}
          </button>
          <button type="button" className="button button-small" aria-label={t('passes.card.adjustFor', { name: pass.name })} onClick={onAdjust}>
            {t('passes.card.adjust')}
          </button>
        </span>
      </div>
      {open && <PassLedger id={`${id}-ledger`} passId={pass.id} label={t('passes.card.movementsFor', { name: pass.name })} />}
    </li>
  );
}
