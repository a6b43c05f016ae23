import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import { languages, type CentreSettings, type Language } from '../../src-shared/domain/centre';
import { customFieldKinds, type CustomField, type CustomFieldKind } from '../../src-shared/domain/custom-field';
import type { TagWithCount } from '../../src-shared/domain/tag';
import { call, useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { ErrorBanner, FieldError, PageHeader, TagChip, useErrorText } from '../components/bits';
import { Dialog } from '../components/Dialog';
import { countries, countryDefaults, displayName, timeZones } from '../lib/format';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <section className="page settings-page">
      <PageHeader title={t('settings.title')} />
      <div className="settings-grid">
        <div className="settings-column">
          <LanguageSection />
          <CentreSection />
        </div>
        <div className="settings-column">
          <TagsSection />
          <CustomFieldsSection />
        </div>
      </div>
    </section>
  );
}

/** Splits an API error into a field message (when the field is one of ours) or a banner. */
function useFormErrors(fields: readonly string[]) {
  const errorText = useErrorText();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<ApiError | undefined>();
  const show = (error: ApiError | undefined) => {
    // "options.2" belongs to the options field.
    const base = fields.find((f) => error?.field === f || error?.field?.startsWith(`${f}.`));
    if (!error) {
      setFieldErrors({});
      setBanner(undefined);
    } else if (base) {
      setFieldErrors({ [base]: errorText(error) });
      setBanner(undefined);
    } else {
      setFieldErrors({});
      setBanner(error);
    }
  };
  return { fieldErrors, banner, show, clearBanner: () => setBanner(undefined) };
}

function LanguageSection() {
  const { t } = useTranslation();
  const { settings, applied } = useSettings();
  const [error, setError] = useState<ApiError | undefined>();

  const change = async (language: Language) => {
    const r = await call('settings.update', { language });
    if (r.ok) {
      setError(undefined);
      applied(r.value);
    } else setError(r.error);
  };

  return (
    <section className="panel settings-section" aria-labelledby="settings-language">
      <h2 id="settings-language">{t('settings.language')}</h2>
      <div className="field">
        <label htmlFor="settings-language-select">{t('settings.language')}</label>
        <select
          id="settings-language-select"
          value={settings.language}
          aria-describedby="settings-language-hint"
          onChange={(e) => void change(e.target.value as Language)}
        >
          {languages.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`settings.languages.${l}`)}
            </option>
          ))}
        </select>
        <p id="settings-language-hint" className="hint">
          {t('settings.languageHint')}
        </p>
      </div>
      <ErrorBanner error={error} />
    </section>
  );
}

const centreFields = ['name', 'country', 'timeZone', 'currency'] as const;

function CentreSection() {
  const { t, i18n } = useTranslation();
  const { settings, applied } = useSettings();
  const toast = useToast();
  const [draft, setDraft] = useState<Omit<CentreSettings, 'language'>>(() => ({
    name: settings.name,
    country: settings.country,
    timeZone: settings.timeZone,
    currency: settings.currency,
  }));
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
    setSaving(true);
    const r = await call('settings.update', draft);
    setSaving(false);
    if (!r.ok) {
      errors.show(r.error);
      return;
    }
    errors.show(undefined);
    applied(r.value);
    toast(t('settings.saved'));
  };

  const fieldProps = (field: (typeof centreFields)[number], hint?: string) => ({
    id: `settings-${field}`,
    'aria-invalid': errors.fieldErrors[field] ? true : undefined,
    'aria-describedby': [errors.fieldErrors[field] ? `settings-${field}-error` : null, hint ?? null].filter(Boolean).join(' ') || undefined,
  });

  return (
    <section className="panel settings-section" aria-labelledby="settings-centre">
      <h2 id="settings-centre">{t('settings.centre')}</h2>
      <form noValidate onSubmit={(e) => void submit(e)} className="stack">
        <div className="field">
          <label htmlFor="settings-name">{t('settings.centreName')}</label>
          <input {...fieldProps('name')} value={draft.name} maxLength={120} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          <FieldError id="settings-name-error" message={errors.fieldErrors.name} />
        </div>
        <div className="field">
          <label htmlFor="settings-country">{t('settings.country')}</label>
          <select {...fieldProps('country', 'settings-country-hint')} value={draft.country} onChange={(e) => changeCountry(e.target.value)}>
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
            <select {...fieldProps('timeZone')} value={draft.timeZone} onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })}>
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
            <select {...fieldProps('currency')} value={draft.currency} onChange={(e) => setDraft({ ...draft, currency: e.target.value })}>
              {currencyOptions.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({c.code})
                </option>
              ))}
            </select>
            <FieldError id="settings-currency-error" message={errors.fieldErrors.currency} />
          </div>
        </div>
        <ErrorBanner error={errors.banner} onClose={errors.clearBanner} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? t('app.saving') : t('app.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

const defaultColours = ['#2a9d8f', '#e76f51', '#264653', '#e9c46a', '#8e6bbf', '#d1495b', '#3d85c6', '#6a994e'];

function TagsSection() {
  const { t } = useTranslation();
  const tags = useQuery('tags.list', {});
  const [name, setName] = useState('');
  const [colour, setColour] = useState(defaultColours[0] ?? '#2a9d8f');
  const errors = useFormErrors(['name', 'colour']);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<TagWithCount | null>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const r = await call('tags.create', { name, colour });
    if (!r.ok) {
      errors.show(r.error);
      return;
    }
    errors.show(undefined);
    setName('');
    const used = new Set((tags.data ?? []).map((x) => x.colour).concat(colour));
    setColour(defaultColours.find((c) => !used.has(c)) ?? defaultColours[0] ?? colour);
  };

  return (
    <section className="panel settings-section" aria-labelledby="settings-tags">
      <h2 id="settings-tags">{t('settings.tags')}</h2>
      <p className="hint">{t('settings.tagsHint')}</p>
      <ErrorBanner error={tags.error} />
      {tags.data && tags.data.length === 0 && <p className="muted">{t('settings.tagNone')}</p>}
      <ul className="settings-list" aria-label={t('settings.tags')}>
        {tags.data?.map((tag) =>
          editing === tag.id ? (
            <TagEditor key={tag.id} tag={tag} onDone={() => setEditing(null)} />
          ) : (
            <li key={tag.id} className="settings-row">
              <TagChip tag={tag} />
              <span className="muted">{t('settings.tagClients', { count: tag.clientCount })}</span>
              <span className="row-actions">
                <button type="button" className="button button-small" aria-label={t('settings.tagEdit', { name: tag.name })} onClick={() => setEditing(tag.id)}>
                  {t('app.edit')}
                </button>
                <button
                  type="button"
                  className="button button-small button-danger-outline"
                  aria-label={t('settings.tagDelete', { name: tag.name })}
                  onClick={() => setDeleting(tag)}
                >
                  {t('app.delete')}
                </button>
              </span>
            </li>
          ),
        )}
      </ul>
      <form noValidate className="inline-form" onSubmit={(e) => void create(e)}>
        <div className="field">
          <label htmlFor="tag-new-name">{t('settings.tagName')}</label>
          <input
            id="tag-new-name"
            value={name}
            maxLength={50}
            aria-invalid={errors.fieldErrors.name ? true : undefined}
            aria-describedby={errors.fieldErrors.name ? 'tag-new-name-error' : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          <FieldError id="tag-new-name-error" message={errors.fieldErrors.name} />
        </div>
        <div className="field field-colour">
          <label htmlFor="tag-new-colour">{t('settings.tagColour')}</label>
          <input id="tag-new-colour" type="color" value={colour} onChange={(e) => setColour(e.target.value)} />
        </div>
        <button type="submit" className="button button-primary">
          {t('settings.tagCreate')}
        </button>
      </form>
      <ErrorBanner error={errors.banner} onClose={errors.clearBanner} />
      {deleting && <DeleteTagDialog tag={deleting} onClose={() => setDeleting(null)} />}
    </section>
  );
}

function TagEditor({ tag, onDone }: { tag: TagWithCount; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(tag.name);
  const [colour, setColour] = useState(tag.colour);
  const errors = useFormErrors(['name', 'colour']);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const r = await call('tags.update', { id: tag.id, name, colour });
    if (!r.ok) errors.show(r.error);
    else onDone();
  };
  return (
    <li className="settings-row settings-row-editing">
      <form noValidate className="inline-form" onSubmit={(e) => void save(e)} onKeyDown={(e) => e.key === 'Escape' && onDone()}>
        <div className="field">
          <label htmlFor={`tag-${tag.id}-name`}>{t('settings.tagRenameLabel', { name: tag.name })}</label>
          <input
            id={`tag-${tag.id}-name`}
            value={name}
            maxLength={50}
            autoFocus
            aria-invalid={errors.fieldErrors.name ? true : undefined}
            aria-describedby={errors.fieldErrors.name ? `tag-${tag.id}-name-error` : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          <FieldError id={`tag-${tag.id}-name-error`} message={errors.fieldErrors.name} />
        </div>
        <div className="field field-colour">
          <label htmlFor={`tag-${tag.id}-colour`}>{t('settings.tagColourOf', { name: tag.name })}</label>
          <input id={`tag-${tag.id}-colour`} type="color" value={colour} onChange={(e) => setColour(e.target.value)} />
        </div>
        <button type="button" className="button" onClick={onDone}>
          {t('app.cancel')}
        </button>
        <button type="submit" className="button button-primary">
          {t('app.save')}
        </button>
      </form>
      <ErrorBanner error={errors.banner} onClose={errors.clearBanner} />
    </li>
  );
}

function DeleteTagDialog({ tag, onClose }: { tag: TagWithCount; onClose: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | undefined>();
  const confirm = async () => {
    const r = await call('tags.delete', { id: tag.id });
    if (r.ok) onClose();
    else setError(r.error);
  };
  return (
    <Dialog title={t('settings.tagDeleteTitle', { name: tag.name })} confirmLabel={t('settings.tagDeleteConfirm')} onConfirm={confirm} onClose={onClose} danger>
      <p>{t('settings.tagDeleteText', { count: tag.clientCount })}</p>
      <ErrorBanner error={error} />
    </Dialog>
  );
}

function parseOptions(text: string): string[] {
  return text
    .split('\n')
    .map((o) => o.trim())
    .filter((o, i, all) => o !== '' && all.indexOf(o) === i);
}

function CustomFieldsSection() {
  const { t } = useTranslation();
  const fields = useQuery('customFields.list', {});
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<CustomFieldKind>('text');
  const [options, setOptions] = useState('');
  const errors = useFormErrors(['label', 'kind', 'options']);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<CustomField | null>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const r = await call('customFields.create', { label, kind, options: kind === 'choice' ? parseOptions(options) : undefined });
    if (!r.ok) {
      errors.show(r.error);
      return;
    }
    errors.show(undefined);
    setLabel('');
    setOptions('');
  };

  const optionsError = errors.fieldErrors.options;

  return (
    <section className="panel settings-section" aria-labelledby="settings-fields">
      <h2 id="settings-fields">{t('settings.fields')}</h2>
      <p className="hint">{t('settings.fieldsHint')}</p>
      <ErrorBanner error={fields.error} />
      {fields.data && fields.data.length === 0 && <p className="muted">{t('settings.fieldNone')}</p>}
      <ul className="settings-list" aria-label={t('settings.fields')}>
        {fields.data?.map((field) =>
          editing === field.id ? (
            <FieldEditor key={field.id} field={field} onDone={() => setEditing(null)} />
          ) : (
            <li key={field.id} className="settings-row">
              <span className="settings-row-main">
                <strong>{field.label}</strong>
                <span className="muted">
                  {t(`settings.kinds.${field.kind}`)}
                  {field.kind === 'choice' && field.options.length > 0 && ` · ${t('settings.fieldOptionsList', { options: field.options.join(', ') })}`}
                </span>
              </span>
              <span className="row-actions">
                <button type="button" className="button button-small" aria-label={t('settings.fieldEdit', { name: field.label })} onClick={() => setEditing(field.id)}>
                  {t('app.edit')}
                </button>
                <button
                  type="button"
                  className="button button-small button-danger-outline"
                  aria-label={t('settings.fieldDelete', { name: field.label })}
                  onClick={() => setDeleting(field)}
                >
                  {t('app.delete')}
                </button>
              </span>
            </li>
          ),
        )}
      </ul>
      <form noValidate className="stack" onSubmit={(e) => void create(e)}>
        <div className="field-row">
          <div className="field">
            <label htmlFor="field-new-label">{t('settings.fieldLabel')}</label>
            <input
              id="field-new-label"
              value={label}
              maxLength={60}
              aria-invalid={errors.fieldErrors.label ? true : undefined}
              aria-describedby={errors.fieldErrors.label ? 'field-new-label-error' : undefined}
              onChange={(e) => setLabel(e.target.value)}
            />
            <FieldError id="field-new-label-error" message={errors.fieldErrors.label} />
          </div>
          <div className="field">
            <label htmlFor="field-new-kind">{t('settings.fieldKind')}</label>
            <select id="field-new-kind" value={kind} onChange={(e) => setKind(e.target.value as CustomFieldKind)}>
              {customFieldKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`settings.kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {kind === 'choice' && (
          <div className="field">
            <label htmlFor="field-new-options">{t('settings.fieldOptions')}</label>
            <textarea
              id="field-new-options"
              rows={3}
              value={options}
              aria-invalid={optionsError ? true : undefined}
              aria-describedby={optionsError ? 'field-new-options-error' : undefined}
              onChange={(e) => setOptions(e.target.value)}
            />
            <FieldError id="field-new-options-error" message={optionsError} />
          </div>
        )}
        <ErrorBanner error={errors.banner} onClose={errors.clearBanner} />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('settings.fieldCreate')}
          </button>
        </div>
      </form>
      {deleting && <DeleteFieldDialog field={deleting} onClose={() => setDeleting(null)} />}
    </section>
  );
}

function FieldEditor({ field, onDone }: { field: CustomField; onDone: () => void }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(field.label);
  const [options, setOptions] = useState(field.options.join('\n'));
  const errors = useFormErrors(['label', 'options']);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const r = await call('customFields.update', {
      id: field.id,
      label,
      options: field.kind === 'choice' ? parseOptions(options) : undefined,
    });
    if (!r.ok) errors.show(r.error);
    else onDone();
  };
  const optionsError = errors.fieldErrors.options;
  return (
    <li className="settings-row settings-row-editing">
      <form noValidate className="stack grow" onSubmit={(e) => void save(e)} onKeyDown={(e) => e.key === 'Escape' && onDone()}>
        <div className="field">
          <label htmlFor={`field-${field.id}-label`}>{t('settings.fieldRenameLabel', { name: field.label })}</label>
          <input
            id={`field-${field.id}-label`}
            value={label}
            maxLength={60}
            autoFocus
            aria-invalid={errors.fieldErrors.label ? true : undefined}
            aria-describedby={errors.fieldErrors.label ? `field-${field.id}-label-error` : undefined}
            onChange={(e) => setLabel(e.target.value)}
          />
          <FieldError id={`field-${field.id}-label-error`} message={errors.fieldErrors.label} />
        </div>
        {field.kind === 'choice' && (
          <div className="field">
            <label htmlFor={`field-${field.id}-options`}>{t('settings.fieldOptions')}</label>
            <textarea id={`field-${field.id}-options`} rows={3} value={options} onChange={(e) => setOptions(e.target.value)} />
            <FieldError id={`field-${field.id}-options-error`} message={optionsError} />
          </div>
        )}
        <ErrorBanner error={errors.banner} onClose={errors.clearBanner} />
        <div className="form-actions">
          <button type="button" className="button" onClick={onDone}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="button button-primary">
            {t('app.save')}
          </button>
        </div>
      </form>
    </li>
  );
}

function DeleteFieldDialog({ field, onClose }: { field: CustomField; onClose: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | undefined>();
  const confirm = async () => {
    const r = await call('customFields.delete', { id: field.id });
    if (r.ok) onClose();
    else setError(r.error);
  };
  return (
    <Dialog title={t('settings.fieldDeleteTitle', { name: field.label })} confirmLabel={t('settings.fieldDeleteConfirm')} onConfirm={confirm} onClose={onClose} danger>
      <p>{t('settings.fieldDeleteText')}</p>
      <ErrorBanner error={error} />
    </Dialog>
  );
}
