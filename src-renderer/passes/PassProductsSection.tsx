import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PassProduct } from '../../src-shared/domain/passes';
import { call, useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { ActiveToggleList, ShowInactiveCheckbox } from '../catalogue/ActiveToggleList';
import { PanelSection } from '../components/PanelSection';
import { currentLocale } from '../i18n';
import { formatDate } from '../lib/format';
import { formatMoney } from '../lib/money';
import { vatRateText } from '../settings/FiscalVatRateField';
import { PassProductEditor } from './PassProductEditor';
import { SectionHead } from './SectionHead';
import { useCoverableCatalogue, type CoverableCatalogue } from './useCoverableCatalogue';

/** Ajustes › Bonos: N credits for some session types and services, a validity, a price; retired, not deleted. */
export function PassProductsSection() {
  const { t } = useTranslation();
  const [showRetired, setShowRetired] = useState(false);
  const [creating, setCreating] = useState(false);
  const products = useQuery('passProducts.list', { includeInactive: showRetired });
  const catalogue = useCoverableCatalogue();

  return (
    <PanelSection id="settings-passes" title={t('passes.products.title')} className="settings-section">
      <SectionHead hint={t('passes.products.hint')} buttonText={t('passes.products.new')} onNew={creating ? undefined : () => setCreating(true)} />
      <ShowInactiveCheckbox label={t('passes.showRetired')} checked={showRetired} onChange={setShowRetired} />
      <ActiveToggleList
        label={t('passes.products.title')}
        query={products}
        emptyText={t('passes.products.none')}
        row={(p) => <PassProductRow product={p} catalogue={catalogue} />}
        editLabel={(p) => t('passes.editFor', { name: p.name })}
        toggle={(p) =>
          p.active ? { text: t('passes.retire'), label: t('passes.retireFor', { name: p.name }) } : { text: t('passes.restore'), label: t('passes.restoreFor', { name: p.name }) }
        }
        onToggle={async (p) => {
          const r = await call('passProducts.update', { id: p.id, active: !p.active });
          return r.ok ? undefined : r.error;
        }}
        editor={(p, done) => <PassProductEditor product={p} catalogue={catalogue} onDone={done} />}
      />
      {creating && <PassProductEditor product={null} catalogue={catalogue} onDone={() => setCreating(false)} />}
    </PanelSection>
  );
}

function PassProductRow({ product: p, catalogue }: { product: PassProduct; catalogue: CoverableCatalogue }) {
  const { t } = useTranslation();
  const { currency } = useSettings().settings;
  const covers = catalogue.coversText(p);
  const validity = p.validity.kind === 'days' ? t('passes.products.lastsDays', { count: p.validity.days }) : t('passes.products.lastsUntil', { date: formatDate(p.validity.date) });
  return (
    <>
      <span className="settings-row-main">
        <strong>{p.name}</strong>
        <span className="small muted">
          {[t('passes.credits', { count: p.credits }), covers, validity].filter(Boolean).join(' · ')}
          {!p.active && ` · ${t('passes.retired')}`}
        </span>
      </span>
      <span className="price">
        {formatMoney(p.priceMinor, currency, currentLocale())} <span className="small muted">{t('fiscalSettings.vatShort', { rate: vatRateText(p.vatRateBp) })}</span>
      </span>
    </>
  );
}
