import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { Client, DuplicateWarning } from '../../src-shared/domain/client';
import type { CustomField } from '../../src-shared/domain/custom-field';
import { call } from '../api/client';
import { useToast } from '../app/toasts';
import { useErrorText } from '../components/bits';
import { fullName } from '../lib/format';
import { navigate } from '../lib/router';
import { emptyForm, formFromClient, inputFromForm, inputIdFor, otherKeys, personalKeys, type FormKey, type FormState } from './client-form';

/** Duplicate warnings of a card just created, shown once it opens. */
const pendingWarnings = new Map<string, DuplicateWarning[]>();

export type CheckedKey = 'phone' | 'email';
type LiveDuplicates = Record<CheckedKey, DuplicateWarning[]>;
const noDuplicates: LiveDuplicates = { phone: [], email: [] };

/** The card's form: edit mode, the values typed, their errors, duplicate checks, save and cancel. */
export function useClientForm(client: Client | null, customFields: CustomField[]) {
  const { t } = useTranslation();
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
  const [liveDuplicates, setLiveDuplicates] = useState<LiveDuplicates>(noDuplicates);

  // Outside edits (tags, blacklist) refresh the card; keep the form in step while not editing.
  useEffect(() => {
    if (client && !editing) setForm(formFromClient(client));
  }, [client, editing]);

  const clearFieldError = (path: string) => {
    if (fieldErrors[path]) setFieldErrors(({ [path]: _gone, ...rest }) => rest);
  };
  const setField = (key: FormKey, value: string) => {
    setForm((f) => ({ ...f, fields: { ...f.fields, [key]: value } }));
    clearFieldError(key);
  };
  const setCustom = (fieldId: string, value: string) => {
    setForm((f) => ({ ...f, custom: { ...f.custom, [fieldId]: value } }));
    clearFieldError(`customFields.${fieldId}`);
  };

  const knownFields = useMemo(
    () => new Set<string>([...personalKeys, ...otherKeys, ...customFields.map((f) => `customFields.${f.id}`)]),
    [customFields],
  );

  const showError = (error: ApiError) => {
    // Every bad field at once, each beside its field; the first one takes the focus.
    const entries = (error.fields ?? (error.field ? [{ field: error.field, code: error.code, message: error.message }] : [])).filter((f) =>
      knownFields.has(f.field),
    );
    const first = entries[0];
    if (first) {
      setFieldErrors(Object.fromEntries(entries.map((f) => [f.field, errorText(f)])));
      setBanner(undefined);
      window.requestAnimationFrame(() => document.getElementById(inputIdFor(first.field))?.focus());
    } else {
      setFieldErrors({});
      setBanner(error);
    }
  };

  const clearMessages = () => {
    setFieldErrors({});
    setBanner(undefined);
    setLiveDuplicates(noDuplicates);
  };

  const checkDuplicates = async (kind: CheckedKey) => {
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
    clearMessages();
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
    clearMessages();
    if (client) setForm(formFromClient(client));
  };

  return {
    isNew,
    editing,
    startEdit: () => setEditing(true),
    form,
    fieldErrors,
    liveDuplicates,
    setField,
    setCustom,
    checkDuplicates,
    newTagIds,
    setNewTagIds,
    banner,
    setBanner,
    savedWarnings,
    dismissWarnings: () => setSavedWarnings([]),
    saving,
    save,
    cancelEdit,
  };
}

export type ClientForm = ReturnType<typeof useClientForm>;
