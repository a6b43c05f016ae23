import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientPass } from '../../src-shared/domain/passes';
import { useQuery } from '../api/client';
import { ErrorBanner } from '../components/bits';
import { PanelSection } from '../components/PanelSection';
import { href } from '../lib/router';
import { AdjustPassDialog } from './AdjustPassDialog';
import { ClientPassRow } from './ClientPassRow';
import { useCoverableCatalogue } from './useCoverableCatalogue';

/** Valid ones first (expiring first), then the expired ones, latest first. */
function byValidity(a: ClientPass, b: ClientPass): number {
  if (a.expired !== b.expired) return a.expired ? 1 : -1;
  return a.expired ? b.validUntil.localeCompare(a.validUntil) : a.validUntil.localeCompare(b.validUntil) || a.createdAt.localeCompare(b.createdAt);
}

/** "Bonos y planes" on the client's card: every pass and plan line with its balance and movements. */
export function ClientPassesSection({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const passes = useQuery('passes.ofClient', { clientId, includeExpired: true });
  const catalogue = useCoverableCatalogue();
  const [adjusting, setAdjusting] = useState<ClientPass | null>(null);
  const list = [...(passes.data ?? [])].sort(byValidity);
  const covers = (p: ClientPass) => (p.kind === 'plan' ? '' : catalogue.coversText(p));

  return (
    <PanelSection id="section-passes" title={t('passes.title')} className="card-section client-passes">
      <div className="section-head">
        <p className="hint">{t('passes.card.hint')}</p>
        <a className="button button-small" href={href({ page: 'checkout', clientId })}>
          {t('passes.card.sell')}
        </a>
      </div>
      <ErrorBanner error={passes.error} />
      {passes.data && list.length === 0 && <p className="muted">{t('passes.card.none')}</p>}
      {list.length > 0 && (
        <ul className="pass-list" aria-label={t('passes.title')}>
          {list.map((p) => (
            <ClientPassRow key={p.id} pass={p} covers={covers(p)} onAdjust={() => setAdjusting(p)} />
          ))}
        </ul>
      )}
      {adjusting && <AdjustPassDialog pass={adjusting} onClose={() => setAdjusting(null)} />}
    </PanelSection>
  );
}
