import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CentreFiscal } from '../../src-shared/domain/fiscal';
import { call, useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { taxIdKey } from '../checkout/fiscal-format';
import { PanelSection } from '../components/PanelSection';
import { TextField } from '../components/TextField';
import { CallForm, SubmitButton } from './CallForm';

const fields = ['legalName', 'taxId', 'address', 'postcode', 'city'] as const;
const blank: CentreFiscal = { legalName: '', taxId: '', address: '', postcode: '', city: '' };

/** Ajustes › Datos fiscales: who issues the documents; every field required, the tax id the country's. */
export function FiscalSettingsSection() {
  const { t } = useTranslation();
  const toast = useToast();
  const key = taxIdKey(useSettings().settings.country);
  const current = useQuery('fiscal.settings.get', {});
  const [draft, setDraft] = useState<CentreFiscal>(blank);
  const stored = current.data?.fiscal;
  useEffect(() => {
    if (stored) setDraft(stored);
  }, [stored]);
  const set = (patch: Partial<CentreFiscal>) => setDraft((d) => ({ ...d, ...patch }));
  const hint = t(`fiscalSettings.taxIdHint.${key}`);
  return (
    <PanelSection id="settings-fiscal" title={t('fiscalSettings.title')} className="settings-section">
      <p className="hint">{t('fiscalSettings.hint')}</p>
      {current.data && current.data.fiscal === null && (
        <p className="warning" role="status">
          {t('fiscalSettings.missing')}
        </p>
      )}
      <CallForm fields={fields} send={() => call('fiscal.settings.set', draft)} onSuccess={() => toast(t('fiscalSettings.saved'))} actions={<SubmitButton text={t('fiscalSettings.save')} />}>
        {(errors) => (
          <>
            <TextField id="fiscal-legalName" label={t('fiscalSettings.legalName')} value={draft.legalName} maxLength={200} error={errors.legalName} onChange={(legalName) => set({ legalName })} />
            <TextField id="fiscal-taxId" label={t(`fiscalSettings.taxId.${key}`)} value={draft.taxId} maxLength={30} error={errors.taxId} onChange={(taxId) => set({ taxId })} />
            {hint && <p className="hint">{hint}</p>}
            <TextField id="fiscal-address" label={t('fiscalSettings.address')} value={draft.address} maxLength={200} error={errors.address} onChange={(address) => set({ address })} />
            <div className="field-row">
              <TextField id="fiscal-postcode" label={t('fiscalSettings.postcode')} value={draft.postcode} maxLength={12} error={errors.postcode} onChange={(postcode) => set({ postcode })} />
              <TextField id="fiscal-city" label={t('fiscalSettings.city')} value={draft.city} maxLength={100} error={errors.city} onChange={(city) => set({ city })} />
            </div>
          </>
        )}
      </CallForm>
    </PanelSection>
  );
}
