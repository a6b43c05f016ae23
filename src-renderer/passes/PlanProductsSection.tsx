import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanProduct } from '../../src-shared/domain/passes';
import { call, useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { ActiveToggleList, ShowInactiveCheckbox } from '../catalogue/ActiveToggleList';
import { PanelSection } from '../components/PanelSection';
import { currentLocale } from '../i18n';
import { formatMoney } from '../lib/money';
import { vatRateText } from '../settings/FiscalVatRateField';
import { PlanProductEditor } from './PlanProductEditor';
import { SectionHead } from './SectionHead';
import { useCoverableCatalogue } from './useCoverableCatalogue';

/** Ajustes › Planes (seed 002): a bundle of services with quantities, a validity in days and a price. */
export function PlanProductsSection() {
  const { t } = useTranslation();
  const [showRetired, setShowRetired] = useState(false);
  const [creating, setCreating] = useState(false);
  const plans = useQuery('planProducts.list', { includeInactive: showRetired });
  const catalogue = useCoverableCatalogue();

  return (
    <PanelSection id="settings-plans" title={t('passes.plans.title')} className="settings-section">
      <SectionHead hint={t('passes.plans.hint')} buttonText={t('passes.plans.new')} onNew={creating ? undefined : () => setCreating(true)} />
      <ShowInactiveCheckbox label={t('passes.showRetired')} checked={showRetired} onChange={setShowRetired} />
      <ActiveToggleList
        label={t('passes.plans.title')}
        query={plans}
        emptyText={t('passes.plans.none')}
        row={(p) => <PlanProductRow plan={p} />}
        editLabel={(p) => t('passes.editFor', { name: p.name })}
        toggle={(p) =>
          p.active ? { text: t('passes.retire'), label: t('passes.retireFor', { name: p.name }) } : { text: t('passes.restore'), label: t('passes.restoreFor', { name: p.name }) }
        }
        onToggle={async (p) => {
          const r = await call('planProducts.update', { id: p.id, active: !p.active });
          return r.ok ? undefined : r.error;
        }}
        editor={(p, done) => <PlanProductEditor product={p} catalogue={catalogue} onDone={done} />}
      />
      {creating && <PlanProductEditor product={null} catalogue={catalogue} onDone={() => setCreating(false)} />}
    </PanelSection>
  );
}

function PlanProductRow({ plan: p }: { plan: PlanProduct }) {
  const { t } = useTranslation();
  const { currency } = useSettings().settings;
  const items = p.items.map((i) => t('passes.plans.itemSummary', { quantity: i.quantity, name: i.serviceName })).join(', ');
  return (
    <>
      <span className="settings-row-main">
        <strong>{p.name}</strong>
        <span className="small muted">
          {[items, t('passes.products.lastsDays', { count: p.validityDays })].join(' · ')}
          {!p.active && ` · ${t('passes.retired')}`}
        </span>
      </span>
      <span className="price">
        {formatMoney(p.priceMinor, currency, currentLocale())} <span className="small muted">{t('fiscalSettings.vatShort', { rate: vatRateText(p.vatRateBp) })}</span>
      </span>
    </>
  );
}
