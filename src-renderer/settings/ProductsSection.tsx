import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../src-shared/domain/product';
import { call, useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { ActiveToggleList, ShowInactiveCheckbox } from '../catalogue/ActiveToggleList';
import { NumberField } from '../catalogue/NumberField';
import { PanelSection } from '../components/PanelSection';
import { TextField } from '../components/TextField';
import { currentLocale } from '../i18n';
import { formatMoney, moneyInputText } from '../lib/money';
import { withPrice } from '../passes/form-values';
import { CallForm, SubmitButton } from './CallForm';
import { FiscalVatRateField, vatRateText } from './FiscalVatRateField';
import { RowEditor } from './RowEditor';

const fields = ['name', 'priceMinor', 'vatRateBp'] as const;

/** Ajustes › Productos: retail products with their tax-included price and VAT; retired, not deleted. */
export function ProductsSection() {
  const { t } = useTranslation();
  const { currency } = useSettings().settings;
  const [showRetired, setShowRetired] = useState(false);
  const products = useQuery('products.list', { includeInactive: showRetired });
  const [name, setName] = useState('');
  const [price, setPrice] = useState('');
  const [vatRateBp, setVatRateBp] = useState<number | null>(null);
  const create = async () => {
    const input = withPrice(price, currency, 'priceMinor', t('catalogue.priceInvalid'), (priceMinor) => ({ name, priceMinor, ...(vatRateBp !== null ? { vatRateBp } : {}) }));
    return input.ok ? call('products.create', input.value) : input;
  };
  return (
    <PanelSection id="settings-products" title={t('retailProducts.title')} className="settings-section">
      <p className="hint">{t('retailProducts.hint')}</p>
      <ShowInactiveCheckbox label={t('retailProducts.showRetired')} checked={showRetired} onChange={setShowRetired} />
      <ActiveToggleList
        label={t('retailProducts.title')}
        query={products}
        emptyText={t('retailProducts.none')}
        row={(p) => (
          <>
            <span className="settings-row-main">
              <strong>{p.name}</strong>
              {!p.active && <span className="small muted">{t('retailProducts.retired')}</span>}
            </span>
            <span className="price">
              {formatMoney(p.priceMinor, currency, currentLocale())} <span className="small muted">{t('fiscalSettings.vatShort', { rate: vatRateText(p.vatRateBp) })}</span>
            </span>
          </>
        )}
        editLabel={(p) => t('retailProducts.edit', { name: p.name })}
        toggle={(p) =>
          p.active
            ? { text: t('retailProducts.retire'), label: t('retailProducts.retireFor', { name: p.name }) }
            : { text: t('retailProducts.restore'), label: t('retailProducts.restoreFor', { name: p.name }) }
        }
        onToggle={async (p) => {
          const r = await call('products.update', { id: p.id, active: !p.active });
          return r.ok ? undefined : r.error;
        }}
        editor={(p, done) => <ProductEditor product={p} currency={currency} onDone={done} />}
      />
      <CallForm
        fields={fields}
        send={create}
        onSuccess={() => {
          setName('');
          setPrice('');
        }}
        inline
        actions={<SubmitButton text={t('retailProducts.create')} />}
      >
        {(errors) => (
          <>
            <TextField id="product-new-name" label={t('retailProducts.name')} value={name} maxLength={80} error={errors.name} onChange={setName} />
            <NumberField id="product-new-price" decimal label={t('catalogue.price', { currency })} value={price} onChange={setPrice} error={errors.priceMinor} />
            <FiscalVatRateField id="product-new-vatRateBp" value={vatRateBp} onChange={setVatRateBp} error={errors.vatRateBp} />
          </>
        )}
      </CallForm>
    </PanelSection>
  );
}

function ProductEditor({ product, currency, onDone }: { product: Product; currency: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(product.name);
  const [price, setPrice] = useState(moneyInputText(product.priceMinor, currency, currentLocale()));
  const [vatRateBp, setVatRateBp] = useState(product.vatRateBp);
  const save = async () => {
    const input = withPrice(price, currency, 'priceMinor', t('catalogue.priceInvalid'), (priceMinor) => ({ id: product.id, name, priceMinor, vatRateBp }));
    return input.ok ? call('products.update', input.value) : input;
  };
  return (
    <RowEditor fields={fields} inline save={save} onDone={onDone}>
      {(errors) => (
        <>
          <TextField id={`product-${product.id}-name`} label={t('retailProducts.name')} value={name} maxLength={80} error={errors.name} autoFocus onChange={setName} />
          <NumberField id={`product-${product.id}-price`} decimal label={t('catalogue.price', { currency })} value={price} onChange={setPrice} error={errors.priceMinor} />
          <FiscalVatRateField id={`product-${product.id}-vatRateBp`} value={vatRateBp} onChange={setVatRateBp} error={errors.vatRateBp} />
        </>
      )}
    </RowEditor>
  );
}
