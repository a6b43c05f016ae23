import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PromoCode } from '../../src-shared/domain/checkout';
import { call, useQuery } from '../api/client';
import { ActiveToggleList, ShowInactiveCheckbox } from '../catalogue/ActiveToggleList';
import { PanelSection } from '../components/PanelSection';
import { SectionHead } from '../passes/SectionHead';
import { useCoverableCatalogue, type CoverableCatalogue } from '../passes/useCoverableCatalogue';
import { PromoCodeEditor } from './PromoCodeEditor';
import { usePromoTexts } from './usePromoTexts';

/** Ajustes › Códigos promocionales: percent or amount off, dates, limits, services; the list shows their uses. */
export function PromoCodesSection() {
  const { t } = useTranslation();
  const [showInactive, setShowInactive] = useState(false);
  const [creating, setCreating] = useState(false);
  const promos = useQuery('promos.list', { includeInactive: showInactive });
  const catalogue = useCoverableCatalogue();

  return (
    <PanelSection id="settings-promos" title={t('passes.promos.title')} className="settings-section">
      <SectionHead hint={t('passes.promos.hint')} buttonText={t('passes.promos.new')} onNew={creating ? undefined : () => setCreating(true)} />
      <ShowInactiveCheckbox label={t('passes.promos.showInactive')} checked={showInactive} onChange={setShowInactive} />
      <ActiveToggleList
        label={t('passes.promos.title')}
        query={promos}
        emptyText={t('passes.promos.none')}
        row={(p) => <PromoCodeRow promo={p} catalogue={catalogue} />}
        editLabel={(p) => t('passes.editFor', { name: p.code })}
        toggle={(p) =>
          p.active
            ? { text: t('passes.promos.deactivate'), label: t('passes.promos.deactivateFor', { code: p.code }) }
            : { text: t('passes.promos.activate'), label: t('passes.promos.activateFor', { code: p.code }) }
        }
        onToggle={async (p) => {
          const r = await call('promos.update', { id: p.id, active: !p.active });
          return r.ok ? undefined : r.error;
        }}
        editor={(p, done) => <PromoCodeEditor promo={p} catalogue={catalogue} onDone={done} />}
      />
      {creating && <PromoCodeEditor promo={null} catalogue={catalogue} onDone={() => setCreating(false)} />}
    </PanelSection>
  );
}

function PromoCodeRow({ promo: p, catalogue }: { promo: PromoCode; catalogue: CoverableCatalogue }) {
  const { t } = useTranslation();
  const texts = usePromoTexts();
  const services = p.serviceIds.length === 0 ? t('passes.promos.allServices') : p.serviceIds.map(catalogue.serviceName).join(', ');
  return (
    <>
      <span className="settings-row-main">
        <strong className="promo-code">{p.code}</strong>
        {p.description && <span>{p.description}</span>}
        <span className="small muted">
          {[texts.discount(p), texts.dates(p), services, texts.perClient(p)].filter(Boolean).join(' · ')}
          {!p.active && ` · ${t('passes.promos.inactive')}`}
        </span>
      </span>
      <span className="promo-uses">{texts.uses(p)}</span>
    </>
  );
}
