import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CentreSettings } from '../../src-shared/domain/centre';
import { call } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { ErrorBanner, FieldError } from '../components/bits';
import { Field } from '../agenda/form/Field';
import { PanelSection } from '../components/PanelSection';
import { fieldAria, TextField } from '../components/TextField';
import { countries, countryDefaults, displayName, timeZones } from '../lib/format';
import { useFormErrors } from './useFormErrors';

const centreFields = ['name', 'country', 'timeZone', 'currency', 'lockAfterMinutes', 'checkInMinutesBefore'] as const;

/** The centre's name, country, time zone and currency, and how soon an unused desk locks. */
export function CentreSettingsSection() {
  const { t, i18n } = useTranslation();
  const { settings, applied } = useSettings();
  const toast = useToast();
  const [draft, setDraft] = useState<Omit<CentreSettings, 'language'>>(() => ({
    name: settings.name,
    country: settings.country,
    timeZone: settings.timeZone,
    currency: settings.currency,
    lockAfterMinutes: settings.lockAfterMinutes,
    checkInMinutesBefore: settings.checkInMinutesBefore,
  }));
  const [lockAfter, setLockAfter] = useState(String(settings.lockAfterMinutes));
  const [checkInBefore, setCheckInBefore] = useState(String(settings.checkInMinutesBefore));
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors(centreFields);

  const zones = useMemo(() => {
    const all = timeZones();
    return all.includes(draft.timeZone) ? all : [draft.timeZone, ...all];
  }, [draft.timeZone]);
  // Country and currency names follow the UI language.
  const countryOptions = useMemo(() => {
    const codes: string[] = countries.includes(draft.country as (typeof countries)[number]) ? [...countries] : [draft.country, ...countries];
    return codes.map((code) => ({ code, name: displayName('region', code) })).sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  }, [draft.country, i18n.language]);
  const currencyOptions = useMemo(() => {
    const codes = new Set(Object.values(countryDefaults).map((d) => d.currency));
    codes.add(draft.currency);
    return [...codes].map((code) => ({ code, name: displayName('currency', code) })).sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  }, [draft.currency, i18n.language]);

  const changeCountry = (country: string) => {
    const previous = countryDefaults[draft.country];
    const next = countryDefaults[country];
    setDraft((d) => ({
      ...d,
      country,
      // Follow the new country where the old value was just the old country's default.
      currency: next && (!previous || previous.currency === d.currency) ? next.currency : d.currency,
      timeZone: next && (!previous || previous.timeZone === d.timeZone) ? next.timeZone : d.timeZone,
    }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const lockAfterMinutes = lockAfter.trim() === '' ? Number.NaN : Number(lockAfter);
    if (!Number.isInteger(lockAfterMinutes)) return errors.show({ code: 'out_of_range', message: t('settings.lockAfterInvalid'), field: 'lockAfterMinutes' });
    const checkInMinutesBefore = checkInBefore.trim() === '' ? Number.NaN : Number(checkInBefore);
    if (!Number.isInteger(checkInMinutesBefore)) {
      return errors.show({ code: 'out_of_range', message: t('restrictions.checkInBeforeInvalid'), field: 'checkInMinutesBefore' });
    }
    setSaving(true);
    const r = await call('settings.update', { ...draft, lockAfterMinutes, checkInMinutesBefore });
    setSaving(false);
    if (!r.ok) {
      errors.show(r.error);
      return;
    }
    errors.show(undefined);
    applied(r.value);
    toast(t('settings.saved'));
  };

  const selectProps = (field: 'country' | 'timeZone' | 'currency', hint?: string) => ({
    id: `settings-${field}`,
    ...fieldAria(`settings-${field}`, errors.fieldErrors[field], hint),
  });

  return (
    <PanelSection id="settings-centre" title={t('settings.centre')} className="settings-section">
      <form noValidate onSubmit={(e) => void submit(e)} className="stack">
        <TextField
          id="settings-name"
          label={t('settings.centreName')}
          value={draft.name}
          maxLength={120}
          error={errors.fieldErrors.name}
          onChange={(name) => setDraft({ ...draft, name })}
        />
        <div className="field">
          <label htmlFor="settings-country">{t('settings.country')}</label>
          <select {...selectProps('country', 'settings-country-hint')} value={draft.country} onChange={(e) => changeCountry(e.target.value)}>
            {countryOptions.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
          <p id="settings-country-hint" className="hint">
            {t('settings.countryHint')}
          </p>
          <FieldError id="settings-country-error" message={errors.fieldErrors.country} />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="settings-timeZone">{t('settings.timeZone')}</label>
            <select {...selectProps('timeZone')} value={draft.timeZone} onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
            <FieldError id="settings-timeZone-error" message={errors.fieldErrors.timeZone} />
          </div>
          <div className="field">
            <label htmlFor="settings-currency">{t('settings.currency')}</label>
            <select {...selectProps('currency')} value={draft.currency} onChange={(e) => setDraft({ ...draft, currency: e.target.value })}>
              {currencyOptions.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({c.code})
                </option>
              ))}
            </select>
            <FieldError id="settings-currency-error" message={errors.fieldErrors.currency} />
          </div>
        </div>
        <Field id="settings-lockAfterMinutes" className="field-number" label={t('settings.lockAfter')} hint={t('settings.lockAfterHint')} error={errors.fieldErrors.lockAfterMinutes}>
          {(aria) => <input {...aria} type="number" inputMode="numeric" min={0} max={240} step={1} value={lockAfter} onChange={(e) => setLockAfter(e.target.value)} />}
        </Field>
        <Field
          id="settings-checkInMinutesBefore"
          className="field-number"
          label={t('restrictions.checkInBefore')}
          hint={t('restrictions.checkInBeforeHint')}
          error={errors.fieldErrors.checkInMinutesBefore}
        >
          {(aria) => (
            <input {...aria} type="number" inputMode="numeric" min={0} max={1440} step={1} value={checkInBefore} onChange={(e) => setCheckInBefore(e.target.value)} />
          )}
        </Field>
        <ErrorBanner error={errors.banner} onClose={errors.clearBanner} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? t('app.saving') : t('app.save')}
          </button>
        </div>
      </form>
    </PanelSection>
  );
}
