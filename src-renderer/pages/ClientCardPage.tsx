import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { Client, DuplicateWarning } from '../../src-shared/domain/client';
import type { CustomField } from '../../src-shared/domain/custom-field';
import type { Tag } from '../../src-shared/domain/tag';
import { call, openExternal, useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { BlacklistBadge, ErrorBanner, FieldError, TagChip, useErrorText } from '../components/bits';
import { Dialog } from '../components/Dialog';
import { ageOn, formatDate, formatInstantDate, formatNumber, formatPhone, fullName, whatsappUrl } from '../lib/format';
import { href, navigate } from '../lib/router';
import {
  emptyForm,
  fieldKinds,
  formFromClient,
  inputFromForm,
  inputIdFor,
  otherKeys,
  personalKeys,
  type FormKey,
  type FormState,
} from './client-form';

/** Duplicate warnings of a card just created, shown once it opens. */
const pendingWarnings = new Map<string, DuplicateWarning[]>();

export function ClientCardPage({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const client = useQuery('clients.get', id ? { id } : null);
  const customFields = useQuery('customFields.list', {});

  if (id && client.error) {
    return (
      <section className="page">
        <a className="back-link" href={href({ page: 'clients' })}>
          ← {t('card.back')}
        </a>
        <div className="banner banner-error" role="alert">
          {client.error.code === 'not_found' ? t('card.notFound') : client.error.message || t('errors.generic')}
        </div>
      </section>
    );
  }
  if ((id && !client.data) || !customFields.data) {
    return (
      <section className="page" aria-busy="true">
        <p className="muted">{t('app.loading')}</p>
      </section>
    );
  }
  return <ClientCard client={id ? (client.data ?? null) : null} customFields={customFields.data} />;
}

function ClientCard({ client, customFields }: { client: Client | null; customFields: CustomField[] }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const toast = useToast();
  const errorText = useErrorText();
  const isNew = client === null;

  const [editing, setEditing] = useState(isNew);
  const [form, setForm] = useState<FormState>(() => (client ? formFromClient(client) : emptyForm()));
  const [newTagIds, setNewTagIds] = useState<string[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<ApiError | undefined>();
  const [saving, setSaving] = useState(false);
  const [savedWarnings, setSavedWarnings] = useState<DuplicateWarning[]>(() => {
    if (!client) return [];
    const pending = pendingWarnings.get(client.id) ?? [];
    pendingWarnings.delete(client.id);
    return pending;
  });
  const [liveDuplicates, setLiveDuplicates] = useState<{ phone: DuplicateWarning[]; email: DuplicateWarning[] }>({ phone: [], email: [] });
  const [dialog, setDialog] = useState<'blacklist' | 'delete' | null>(null);

  // Outside edits (tags, blacklist) refresh the card; keep the form in step while not editing.
  useEffect(() => {
    if (client && !editing) setForm(formFromClient(client));
  }, [client, editing]);

  const name = client ? fullName(client) : '';

  const setField = (key: FormKey, value: string) => {
    setForm((f) => ({ ...f, fields: { ...f.fields, [key]: value } }));
    if (fieldErrors[key]) setFieldErrors(({ [key]: _gone, ...rest }) => rest);
  };
  const setCustom = (fieldId: string, value: string) => {
    setForm((f) => ({ ...f, custom: { ...f.custom, [fieldId]: value } }));
    const path = `customFields.${fieldId}`;
    if (fieldErrors[path]) setFieldErrors(({ [path]: _gone, ...rest }) => rest);
  };

  const knownFields = useMemo(
    () => new Set<string>([...personalKeys, ...otherKeys, ...customFields.map((f) => `customFields.${f.id}`)]),
    [customFields],
  );

  const showError = (error: ApiError) => {
    if (error.field && knownFields.has(error.field)) {
      setFieldErrors({ [error.field]: errorText(error) });
      setBanner(undefined);
      window.requestAnimationFrame(() => document.getElementById(inputIdFor(error.field ?? ''))?.focus());
    } else {
      setFieldErrors({});
      setBanner(error);
    }
  };

  const checkDuplicates = async (kind: 'phone' | 'email') => {
    const value = form.fields[kind].trim();
    if (!value) {
      setLiveDuplicates((d) => ({ ...d, [kind]: [] }));
      return;
    }
    const r = await call('clients.checkDuplicates', { [kind]: value, excludeId: client?.id });
    if (r.ok) setLiveDuplicates((d) => ({ ...d, [kind]: r.value.filter((w) => w.kind === kind) }));
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    const input = inputFromForm(form, customFields);
    const r = client ? await call('clients.update', { ...input, id: client.id }) : await call('clients.create', { ...input, tagIds: newTagIds });
    setSaving(false);
    if (!r.ok) {
      showError(r.error);
      return;
    }
    setFieldErrors({});
    setBanner(undefined);
    setLiveDuplicates({ phone: [], email: [] });
    if (client) {
      setSavedWarnings(r.value.warnings);
      setEditing(false);
      toast(t('app.saved'));
    } else {
      pendingWarnings.set(r.value.client.id, r.value.warnings);
      toast(t('card.created', { name: fullName(r.value.client) }));
      navigate({ page: 'client', id: r.value.client.id });
    }
  };

  const cancelEdit = () => {
    if (isNew) {
      navigate({ page: 'clients' });
      return;
    }
    setEditing(false);
    setFieldErrors({});
    setBanner(undefined);
    setLiveDuplicates({ phone: [], email: [] });
    if (client) setForm(formFromClient(client));
  };

  const unblacklist = async () => {
    if (!client) return;
    const r = await call('clients.setBlacklist', { id: client.id, blacklisted: false });
    if (r.ok) toast(t('card.blacklistRemoved', { name }));
    else setBanner(r.error);
  };

  const taxLabel = settings.country === 'CL' ? t('field.taxIdCL') : settings.country === 'ES' ? t('field.taxIdES') : t('field.taxIdOther');
  const labelOf = (key: FormKey) => (key === 'taxId' ? taxLabel : t(`field.${key}`));

  const renderField = (key: FormKey) => {
    const kind = fieldKinds[key] ?? 'text';
    const inputId = inputIdFor(key);
    const errorId = `${inputId}-error`;
    const dupId = `${inputId}-duplicates`;
    const error = fieldErrors[key];
    const duplicates = key === 'phone' || key === 'email' ? liveDuplicates[key] : [];
    const describedBy = [error ? errorId : null, duplicates.length ? dupId : null].filter(Boolean).join(' ') || undefined;
    const wide = kind === 'textarea' || key === 'address';

    if (!editing) {
      return (
        <div key={key} className={wide ? 'field field-wide' : 'field'}>
          <dt>{labelOf(key)}</dt>
          <dd>{displayValue(key, client)}</dd>
        </div>
      );
    }

    const common = {
      id: inputId,
      value: form.fields[key],
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy,
      'aria-required': key === 'firstName' ? true : undefined,
    } as const;
    let control: ReactNode;
    if (kind === 'textarea') {
      control = <textarea {...common} rows={3} onChange={(e) => setField(key, e.target.value)} />;
    } else if (kind === 'sex') {
      control = (
        <select {...common} onChange={(e) => setField(key, e.target.value)}>
          <option value="">{t('sex.unset')}</option>
          <option value="female">{t('sex.female')}</option>
          <option value="male">{t('sex.male')}</option>
          <option value="other">{t('sex.other')}</option>
        </select>
      );
    } else {
      control = (
        <input
          {...common}
          type={kind === 'number' ? 'number' : kind}
          step={kind === 'number' ? '0.1' : undefined}
          min={kind === 'number' ? '0' : undefined}
          inputMode={kind === 'number' ? 'decimal' : undefined}
          autoComplete="off"
          autoFocus={isNew && key === 'firstName'}
          onChange={(e) => setField(key, e.target.value)}
          onBlur={key === 'phone' || key === 'email' ? () => void checkDuplicates(key) : undefined}
        />
      );
    }
    return (
      <div key={key} className={wide ? 'field field-wide' : 'field'}>
        <span className="label-row">
          <label htmlFor={inputId}>{labelOf(key)}</label>
          {key === 'firstName' && (
            <span className="required-mark" aria-hidden="true" title={t('card.required')}>
              *
            </span>
          )}
        </span>
        {control}
        <FieldError id={errorId} message={error} />
        {duplicates.length > 0 && <DuplicateNotice id={dupId} kind={key as 'phone' | 'email'} warnings={duplicates} />}
      </div>
    );
  };

  const renderCustomField = (field: CustomField) => {
    const path = `customFields.${field.id}`;
    const inputId = inputIdFor(path);
    const errorId = `${inputId}-error`;
    const error = fieldErrors[path];
    const value = form.custom[field.id] ?? '';
    if (!editing) {
      return (
        <div key={field.id} className="field">
          <dt>{field.label}</dt>
          <dd>{displayCustom(field, client?.customFields[field.id])}</dd>
        </div>
      );
    }
    const common = {
      id: inputId,
      value,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? errorId : undefined,
    } as const;
    return (
      <div key={field.id} className="field">
        <label htmlFor={inputId}>{field.label}</label>
        {field.kind === 'choice' ? (
          <select {...common} onChange={(e) => setCustom(field.id, e.target.value)}>
            <option value="">{t('app.none')}</option>
            {field.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
            {value && !field.options.includes(value) && <option value={value}>{value}</option>}
          </select>
        ) : (
          <input
            {...common}
            type={field.kind === 'number' ? 'number' : field.kind === 'date' ? 'date' : 'text'}
            step={field.kind === 'number' ? 'any' : undefined}
            autoComplete="off"
            onChange={(e) => setCustom(field.id, e.target.value)}
          />
        )}
        <FieldError id={errorId} message={error} />
      </div>
    );
  };

  const displayValue = (key: FormKey, c: Client | null): ReactNode => {
    if (!c) return null;
    const none = <span className="muted">{t('app.none')}</span>;
    switch (key) {
      case 'phone':
        return c.phone ? <span className="nowrap">{formatPhone(c.phone)}</span> : none;
      case 'email':
        return c.email ? <span>{c.email}</span> : none;
      case 'birthDate': {
        if (!c.birthDate) return none;
        const age = ageOn(c.birthDate);
        return age === null ? formatDate(c.birthDate) : `${formatDate(c.birthDate)} (${t('field.age', { count: age })})`;
      }
      case 'sex':
        return c.sex ? t(`sex.${c.sex}`) : none;
      case 'weightKg':
      case 'heightCm':
        return c[key] === null ? none : formatNumber(c[key], 1);
      default: {
        const value = c[key];
        return value ? <span className="pre-line">{value}</span> : none;
      }
    }
  };

  const displayCustom = (field: CustomField, value: string | number | undefined): ReactNode => {
    if (value === undefined || value === '') return <span className="muted">{t('app.none')}</span>;
    if (field.kind === 'date') return formatDate(String(value));
    if (field.kind === 'number') return formatNumber(Number(value));
    return String(value);
  };

  const Fields = editing ? 'div' : 'dl';

  return (
    <section className="page client-card">
      <a className="back-link" href={href({ page: 'clients' })}>
        ← {t('card.back')}
      </a>

      <header className="card-header panel">
        <div className="avatar" aria-hidden="true">
          {initials(client ? fullName(client) : form.fields.firstName)}
        </div>
        <div className="card-title">
          <h1>{client ? name : t('card.newTitle')}</h1>
          {client && <p className="muted">{t('card.since', { date: formatDate(client.registeredOn, 'long') })}</p>}
          {client?.blacklisted && (
            <div className="blacklist-note" role="note">
              <BlacklistBadge />
              <span>
                {client.blacklistReason ? t('card.blacklistReason', { reason: client.blacklistReason }) : t('card.blacklistNoReason')}
              </span>
              {client.blacklistedAt && (
                <span className="muted">{t('card.blacklistSince', { date: formatInstantDate(client.blacklistedAt, settings.timeZone) })}</span>
              )}
            </div>
          )}
        </div>
        {client && (
          <div className="card-actions" role="toolbar" aria-label={t('card.actions')}>
            {!editing && (
              <button type="button" className="button button-primary" onClick={() => setEditing(true)}>
                {t('app.edit')}
              </button>
            )}
            {client.phone && (
              <button
                type="button"
                className="button button-whatsapp"
                aria-label={t('card.whatsappLabel', { name })}
                onClick={() => openExternal(whatsappUrl(client.phone ?? ''))}
              >
                {t('card.whatsapp')}
              </button>
            )}
            {client.blacklisted ? (
              <button type="button" className="button" onClick={() => void unblacklist()}>
                {t('card.blacklistOff')}
              </button>
            ) : (
              <button type="button" className="button button-warning" onClick={() => setDialog('blacklist')}>
                {t('card.blacklistOn')}
              </button>
            )}
            <button type="button" className="button button-danger-outline" onClick={() => setDialog('delete')}>
              {t('app.delete')}
            </button>
          </div>
        )}
      </header>

      <ErrorBanner error={banner} onClose={() => setBanner(undefined)} />
      {savedWarnings.length > 0 && (
        <div className="banner banner-warning" role="status">
          {savedWarnings.map((w) => (
            <p key={`${w.kind}-${w.clientId}`}>
              {w.kind === 'phone' ? t('card.duplicatePhone') : t('card.duplicateEmail')}{' '}
              <a href={href({ page: 'client', id: w.clientId })}>{w.clientName}</a>
            </p>
          ))}
          <button type="button" className="icon-button" aria-label={t('app.close')} onClick={() => setSavedWarnings([])}>
            ×
          </button>
        </div>
      )}

      <form className="card-form" noValidate onSubmit={(e) => void save(e)}>
        <div className="card-columns">
          <section className="panel card-section" aria-labelledby="section-personal">
            <h2 id="section-personal">{t('card.personal')}</h2>
            <Fields className="field-grid">{personalKeys.map(renderField)}</Fields>
          </section>

          <div className="card-side">
            <TagsSection client={client} newTagIds={newTagIds} setNewTagIds={setNewTagIds} onError={setBanner} />

            <section className="panel card-section" aria-labelledby="section-other">
              <h2 id="section-other">{t('card.other')}</h2>
              <Fields className="field-grid field-grid-single">{otherKeys.map(renderField)}</Fields>
            </section>

            {customFields.length > 0 && (
              <section className="panel card-section" aria-labelledby="section-custom">
                <h2 id="section-custom">{t('card.custom')}</h2>
                <Fields className="field-grid field-grid-single">{customFields.map(renderCustomField)}</Fields>
              </section>
            )}
          </div>
        </div>

        {editing && (
          <div className="form-actions sticky-actions">
            <button type="button" className="button" onClick={cancelEdit}>
              {t('app.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={saving}>
              {saving ? t('app.saving') : t('app.save')}
            </button>
          </div>
        )}
      </form>

      {client && dialog === 'blacklist' && <BlacklistDialog client={client} onClose={() => setDialog(null)} />}
      {client && dialog === 'delete' && <DeleteDialog client={client} onClose={() => setDialog(null)} />}
    </section>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}

function DuplicateNotice({ id, kind, warnings }: { id: string; kind: 'phone' | 'email'; warnings: DuplicateWarning[] }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="field-warning">
      {kind === 'phone' ? t('card.duplicatePhone') : t('card.duplicateEmail')}{' '}
      {warnings.map((w, i) => (
        <span key={w.clientId}>
          {i > 0 && ', '}
          <a href={href({ page: 'client', id: w.clientId })}>{w.clientName}</a>
        </span>
      ))}
    </p>
  );
}

function TagsSection({
  client,
  newTagIds,
  setNewTagIds,
  onError,
}: {
  client: Client | null;
  newTagIds: string[];
  setNewTagIds: (ids: string[]) => void;
  onError: (error: ApiError) => void;
}) {
  const { t } = useTranslation();
  const tags = useQuery('tags.list', {});
  const all = tags.data ?? [];
  const assigned: Tag[] = client ? client.tags : all.filter((tag) => newTagIds.includes(tag.id));
  const available = all.filter((tag) => !assigned.some((a) => a.id === tag.id));

  const add = async (tagId: string) => {
    if (!tagId) return;
    if (!client) {
      setNewTagIds([...newTagIds, tagId]);
      return;
    }
    const r = await call('clients.addTag', { clientId: client.id, tagId });
    if (!r.ok) onError(r.error);
  };
  const remove = async (tagId: string) => {
    if (!client) {
      setNewTagIds(newTagIds.filter((x) => x !== tagId));
      return;
    }
    const r = await call('clients.removeTag', { clientId: client.id, tagId });
    if (!r.ok) onError(r.error);
  };

  return (
    <section className="panel card-section" aria-labelledby="section-tags">
      <h2 id="section-tags">{t('card.tags')}</h2>
      {assigned.length === 0 ? (
        <p className="muted">{t('card.noTags')}</p>
      ) : (
        <ul className="chips" aria-label={t('card.tags')}>
          {assigned.map((tag) => (
            <li key={tag.id}>
              <TagChip tag={tag}>
                <button type="button" className="chip-remove" aria-label={t('card.removeTag', { tag: tag.name })} onClick={() => void remove(tag.id)}>
                  ×
                </button>
              </TagChip>
            </li>
          ))}
        </ul>
      )}
      {all.length === 0 && !tags.loading ? (
        <p className="muted small">
          <a href={href({ page: 'settings' })}>{t('card.noTagsDefined')}</a>
        </p>
      ) : (
        available.length > 0 && (
          <div className="field field-inline">
            <label htmlFor="client-add-tag">{t('card.addTag')}</label>
            <select id="client-add-tag" value="" onChange={(e) => void add(e.target.value)}>
              <option value="">{t('card.chooseTag')}</option>
              {available.map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {tag.name}
                </option>
              ))}
            </select>
          </div>
        )
      )}
    </section>
  );
}

function BlacklistDialog({ client, onClose }: { client: Client; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const name = fullName(client);

  const confirm = async () => {
    setBusy(true);
    const r = await call('clients.setBlacklist', { id: client.id, blacklisted: true, reason });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    toast(t('card.blacklistAdded', { name }));
    onClose();
  };

  const reasonError = error?.field === 'reason' ? errorText(error) : undefined;
  return (
    <Dialog title={t('card.blacklistDialogTitle', { name })} confirmLabel={t('card.blacklistConfirm')} onConfirm={confirm} onClose={onClose} busy={busy} danger>
      <p>{t('card.blacklistDialogText')}</p>
      <div className="field">
        <label htmlFor="blacklist-reason">{t('card.blacklistReasonLabel')}</label>
        <textarea
          id="blacklist-reason"
          rows={3}
          value={reason}
          autoFocus
          maxLength={500}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? 'blacklist-reason-error' : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        <FieldError id="blacklist-reason-error" message={reasonError} />
      </div>
      {error && !reasonError && <ErrorBanner error={error} />}
    </Dialog>
  );
}

function DeleteDialog({ client, onClose }: { client: Client; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const name = fullName(client);

  const confirm = async () => {
    setBusy(true);
    const r = await call('clients.delete', { id: client.id });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    onClose();
    toast(t('clients.deleted', { name }));
    navigate({ page: 'clients' });
  };

  return (
    <Dialog title={t('card.deleteDialogTitle', { name })} confirmLabel={t('card.deleteConfirm')} onConfirm={confirm} onClose={onClose} busy={busy} danger>
      <p>{t('card.deleteDialogText', { name })}</p>
      <ErrorBanner error={error} />
    </Dialog>
  );
}
