import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlacklistRules } from '../../src-shared/domain/client-stats';
import { call, useQuery } from '../api/client';
import { useToast } from '../app/toasts';
import { NumberField } from '../catalogue/NumberField';
import { ErrorBanner } from '../components/bits';
import { PanelSection } from '../components/PanelSection';
import { CallForm, SubmitButton } from '../settings/CallForm';

const ruleFields = ['noShowCount', 'noShowMonths', 'lateCancelCount', 'lateCancelMonths'] as const;

/** Ajustes › Sugerencias de lista negra: how many no-shows or late cancellations, within how many months. */
export function BlacklistRulesSection() {
  const { t } = useTranslation();
  const rules = useQuery('blacklistRules.get', {});
  const policy = useQuery('creditPolicy.get', {});
  return (
    <PanelSection id="settings-blacklist-rules" title={t('blacklistSuggestion.rulesTitle')} className="settings-section">
      <p className="hint">{t('blacklistSuggestion.rulesHint')}</p>
      {policy.data && <p className="hint">{t('blacklistSuggestion.lateHint', { hours: policy.data.cancelWindowHours })}</p>}
      <ErrorBanner error={rules.error} />
      {rules.data && <RulesForm key={JSON.stringify(rules.data)} rules={rules.data} />}
    </PanelSection>
  );
}

function RulesForm({ rules }: { rules: BlacklistRules }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [values, setValues] = useState<Record<(typeof ruleFields)[number], string>>({
    noShowCount: String(rules.noShowCount),
    noShowMonths: String(rules.noShowMonths),
    lateCancelCount: String(rules.lateCancelCount),
    lateCancelMonths: String(rules.lateCancelMonths),
  });
  // An empty or non-numeric box is sent as NaN → refused beside it by the contract, never guessed.
  const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.replace(',', '.')));
  return (
    <CallForm
      fields={ruleFields}
      send={() =>
        call('blacklistRules.update', {
          noShowCount: numberOf(values.noShowCount),
          noShowMonths: numberOf(values.noShowMonths),
          lateCancelCount: numberOf(values.lateCancelCount),
          lateCancelMonths: numberOf(values.lateCancelMonths),
        })
      }
      onSuccess={() => toast(t('blacklistSuggestion.saved'))}
      actions={<SubmitButton text={t('app.save')} />}
    >
      {(errors) => (
        <>
          {ruleFields.map((field) => (
            <NumberField
              key={field}
              id={`blacklist-rules-${field}`}
              label={t(`blacklistSuggestion.${field}`)}
              value={values[field]}
              error={errors[field]}
              onChange={(v) => setValues((s) => ({ ...s, [field]: v }))}
            />
          ))}
        </>
      )}
    </CallForm>
  );
}
