import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/client';
import { ErrorBanner } from '../components/bits';
import { PanelSection } from '../components/PanelSection';
import { usePromoTexts } from './usePromoTexts';

/** "Promociones" on the client's card: the promotions attached to the client that they can still use. */
export function ClientPromotionsSection({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const promotions = useQuery('promos.ofClient', { clientId });
  const texts = usePromoTexts();
  return (
    <PanelSection id="section-promotions" title={t('passes.promos.cardTitle')} className="card-section">
      <ErrorBanner error={promotions.error} />
      {promotions.data && promotions.data.length === 0 && <p className="muted">{t('passes.promos.cardNone')}</p>}
      {promotions.data && promotions.data.length > 0 && (
        <ul className="settings-list" aria-label={t('passes.promos.cardTitle')}>
          {promotions.data.map(({ promo, usesLeft }) => (
            <li key={promo.id} className="settings-row">
              <span className="settings-row-main">
                <strong className="promo-code">{promo.code}</strong>
                {promo.description && <span>{promo.description}</span>}
                <span className="small muted">
                  {[texts.discount(promo), texts.dates(promo), usesLeft === null ? null : t('passes.promos.usesLeft', { count: usesLeft })].filter(Boolean).join(' · ')}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </PanelSection>
  );
}
