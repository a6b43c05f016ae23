import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditPolicy } from '../../src-shared/domain/passes';
import { call, useQuery } from '../api/client';
import { useToast } from '../app/toasts';
import { NumberField } from '../catalogue/NumberField';
import { ErrorBanner } from '../components/bits';
import { PanelSection } from '../components/PanelSection';
import { CallForm, SubmitButton } from '../settings/CallForm';

const policyFields = ['cancelWindowHours', 'lateCancelForfeits', 'noShowForfeits'] as const;

/** Ajustes › Créditos y cancelaciones: the window that gives a credit back, and what late cancellations and no-shows do. */
export function CreditPolicySection() {
  const { t } = useTranslation();
  const policy = useQuery('creditPolicy.get', {});
  return (
    <PanelSection id="settings-credit-policy" title={t('passes.policy.title')} className="settings-section">
      <p className="hint">{t('passes.policy.hint')}</p>
      <ErrorBanner error={policy.error} />
      {policy.data && <CreditPolicyForm key={JSON.stringify(policy.data)} policy={policy.data} />}
    </PanelSection>
  );
}

function CreditPolicyForm({ policy }: { policy: CreditPolicy }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [hours, setHours] = useState(String(policy.cancelWindowHours));
  const [lateCancelForfeits, setLateCancelForfeits] = useState(policy.lateCancelForfeits);
  const [noShowForfeits, setNoShowForfeits] = useState(policy.noShowForfeits);

  return (
    <CallForm
      fields={policyFields}
      send={() => call('creditPolicy.update', { cancelWindowHours: Number(hours), lateCancelForfeits, noShowForfeits })}
      onSuccess={() => toast(t('passes.policy.saved'))}
      actions={<SubmitButton text={t('app.save')} />}
    >
      {(errors) => (
        <>
          <NumberField id="credit-policy-hours" label={t('passes.policy.window')} value={hours} error={errors.cancelWindowHours} onChange={setHours} />
          <p className="hint">{t('passes.policy.windowHint', { count: Number(hours) || 0 })}</p>
          <label className="checkbox">
            <input type="checkbox" checked={lateCancelForfeits} onChange={(e) => setLateCancelForfeits(e.target.checked)} />
            {t('passes.policy.lateCancelForfeits')}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={noShowForfeits} onChange={(e) => setNoShowForfeits(e.target.checked)} />
            {t('passes.policy.noShowForfeits')}
          </label>
        </>
      )}
    </CallForm>
  );
}
