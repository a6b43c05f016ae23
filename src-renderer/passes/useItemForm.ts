import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../src-shared/api/result';
import { useSettings } from '../app/settings-context';
import { currentLocale } from '../i18n';

/** How an item of a settings list becomes a form and the form becomes a call input. */
export interface ItemFormRules<T, F, I> {
  /** The item's values in the form, prices typed the local way. */
  formOf: (item: T, currency: string, locale: string) => F;
  /** The "New …" form. */
  blank: () => F;
  /** The call input of the form, or the refusal (`priceInvalid`) of a price that is not one. */
  inputOf: (form: F, currency: string, priceInvalid: string) => ApiResult<I>;
}

/**
 * The form of an item being changed (`item`) or created (null): its values, a change of some of
 * them, and `send`, which makes the call `save` makes with the input (and the item's id, to change it).
 */
export function useItemForm<T extends { id: string }, F, I>(item: T | null, rules: ItemFormRules<T, F, I>, save: (input: I, id: string | null) => Promise<ApiResult<unknown>>) {
  const { t } = useTranslation();
  const { currency } = useSettings().settings;
  const [form, setForm] = useState<F>(() => (item ? rules.formOf(item, currency, currentLocale()) : rules.blank()));
  const change = (patch: Partial<F>) => setForm((f) => ({ ...f, ...patch }));
  const send = async (): Promise<ApiResult<unknown>> => {
    const input = rules.inputOf(form, currency, t('catalogue.priceInvalid'));
    return input.ok ? save(input.value, item?.id ?? null) : input;
  };
  return { form, change, send, currency };
}
