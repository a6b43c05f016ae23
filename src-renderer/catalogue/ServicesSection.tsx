import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../src-shared/domain/catalogue';
import { call, useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { PanelSection } from '../components/PanelSection';
import { TextField } from '../components/TextField';
import { currentLocale } from '../i18n';
import { formatMoney, moneyInputText } from '../lib/money';
import { withPrice } from '../passes/form-values';
import { CallForm, SubmitButton } from '../settings/CallForm';
import { FiscalVatRateField, vatRateText } from '../settings/FiscalVatRateField';
import { RowEditor } from '../settings/RowEditor';
import { ActiveToggleList, ShowInactiveCheckbox } from './ActiveToggleList';
import { NumberField } from './NumberField';

const fields = ['name', 'durationMin', 'priceMinor', 'vatRateBp'] as const;

/** Ajustes › Servicios: name, duration and price in the centre's currency; retired, not deleted. */
export function ServicesSection() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const currency = settings.currency;
  const [showRetired, setShowRetired] = useState(false);
  const services = useQuery('services.list', { includeInactive: showRetired });
  const [name, setName] = useState('');
  const [duration, setDuration] = useState('60');
  const [price, setPrice] = useState('');
  const [vatRateBp, setVatRateBp] = useState<number | null>(null);

  const create = async () => {
    const input = withPrice(price, currency, 'priceMinor', t('catalogue.priceInvalid'), (priceMinor) => ({
      name,
      durationMin: Number(duration),
      priceMinor,
      ...(vatRateBp !== null ? { vatRateBp } : {}),
    }));
    return input.ok ? call('services.create', input.value) : input;
  };
  const created = () => {
    setName('');
    setPrice('');
  };

  return (
    <PanelSection id="settings-services" title={t('catalogue.servicesTitle')} className="settings-section">
      <p className="hint">{t('catalogue.servicesHint')}</p>
      <ShowInactiveCheckbox label={t('catalogue.showRetired')} checked={showRetired} onChange={setShowRetired} />
      <ActiveToggleList
        label={t('catalogue.servicesTitle')}
        query={services}
        emptyText={t('catalogue.serviceNone')}
        row={(s) => (
          <>
            <span className="settings-row-main">
              <strong>{s.name}</strong>
              <span className="small muted">
                {t('catalogue.minutes', { count: s.durationMin })}
                {!s.active && ` · ${t('catalogue.retired')}`}
              </span>
            </span>
            <span className="price">
              {formatMoney(s.priceMinor, currency, currentLocale())} <span className="small muted">{t('fiscalSettings.vatShort', { rate: vatRateText(s.vatRateBp) })}</span>
            </span>
          </>
        )}
        editLabel={(s) => t('catalogue.serviceEdit', { name: s.name })}
        toggle={(s) =>
          s.active
            ? { text: t('catalogue.serviceRetire'), label: t('catalogue.serviceRetireFor', { name: s.name }) }
            : { text: t('catalogue.serviceRestore'), label: t('catalogue.serviceRestoreFor', { name: s.name }) }
        }
        onToggle={async (s) => {
          const r = await call('services.update', { id: s.id, active: !s.active });
          return r.ok ? undefined : r.error;
        }}
        editor={(s, done) => <ServiceEditor service={s} currency={currency} onDone={done} />}
      />
      <CallForm fields={fields} send={create} onSuccess={created} inline actions={<SubmitButton text={t('catalogue.serviceCreate')} />}>
        {(fieldErrors) => (
          <>
            <TextField id="service-new-name" label={t('catalogue.serviceName')} value={name} maxLength={80} error={fieldErrors.name} onChange={setName} />
            <NumberField id="service-new-duration" label={t('catalogue.duration')} value={duration} onChange={setDuration} error={fieldErrors.durationMin} />
            <NumberField id="service-new-price" decimal label={t('catalogue.price', { currency })} value={price} onChange={setPrice} error={fieldErrors.priceMinor} />
            <FiscalVatRateField id="service-new-vatRateBp" value={vatRateBp} onChange={setVatRateBp} error={fieldErrors.vatRateBp} />
          </>
        )}
      </CallForm>
    </PanelSection>
  );
}

function ServiceEditor({ service, currency, onDone }: { service: Service; currency: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(service.name);
  const [duration, setDuration] = useState(String(service.durationMin));
  const [price, setPrice] = useState(moneyInputText(service.priceMinor, currency, currentLocale()));
  const [vatRateBp, setVatRateBp] = useState(service.vatRateBp);
  const save = async () => {
    const input = withPrice(price, currency, 'priceMinor', t('catalogue.priceInvalid'), (priceMinor) => ({ id: service.id, name, durationMin: Number(duration), priceMinor, vatRateBp }));
    return input.ok ? call('services.update', input.value) : input;
  };
  return (
    <RowEditor fields={fields} inline save={save} onDone={onDone}>
      {(fieldErrors) => (
        <>
          <TextField id={`service-${service.id}-name`} label={t('catalogue.serviceName')} value={name} maxLength={80} error={fieldErrors.name} autoFocus onChange={setName} />
          <NumberField id={`service-${service.id}-duration`} label={t('catalogue.duration')} value={duration} onChange={setDuration} error={fieldErrors.durationMin} />
          <NumberField id={`service-${service.id}-price`} decimal label={t('catalogue.price', { currency })} value={price} onChange={setPrice} error={fieldErrors.priceMinor} />
          <FiscalVatRateField id={`service-${service.id}-vatRateBp`} value={vatRateBp} onChange={setVatRateBp} error={fieldErrors.vatRateBp} />
        </>
      )}
    </RowEditor>
  );
}
