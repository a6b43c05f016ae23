import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditPolicy } from '../../src-shared/domain/passes';
import { call, useQuery } from '../api/client';
import { useToast } from '../app/toasts';
import { NumberField } from '../catalogue/NumberField';
import { ErrorBanner } from '../components/bits';
import { PanelSection } from '../components/PanelSection';
import { useFormErrors } from '../settings/useFormErrors';

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
  const errors = useFormErrors(policyFields);
  const [hours, setHours] = useState(String(policy.cancelWindowHours));
  const [lateCancelForfeits, setLateCancelForfeits] = useState(policy.lateCancelForfeits);
  const [noShowForfeits, setNoShowForfeits] = useState(policy.noShowForfeits);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const r = await call('creditPolicy.update', { cancelWindowHours: Number(hours), lateCancelForfeits, noShowForfeits });
    setSaving(false);
    errors.show(r.ok ? undefined : r.error);
    if (r.ok) toast(t('passes.policy.saved'));
  };

  return (
    <form noValidate className="stack" onSubmit={(e) => void submit(e)}>
      <NumberField
        id="credit-policy-hours"
        label={t('passes.policy.window')}
        value={hours}
        error={errors.fieldErrors.cancelWindowHours}
        onChange={setHours}
      />
      <p className="hint">{t('passes.policy.windowHint', { count: Number(hours) || 0 })}</p>
      <label className="checkbox">
        <input type="checkbox" checked={lateCancelForfeits} onChange={(e) => setLateCancelForfeits(e.target.checked)} />
        {t('passes.policy.lateCancelForfeits')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={noShowForfeits} onChange={(e) => setNoShowForfeits(e.target.checked)} />
        {t('passes.policy.noShowForfeits')}
      </label>
      <ErrorBanner error={errors.banner} onClose={errors.clearBanner} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('app.saving') : t('app.save')}
        </button>
      </div>
    </form>
  );
}
