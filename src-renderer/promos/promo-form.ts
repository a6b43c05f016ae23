import type { CallInput } from '../../src-shared/api/contract';
import type { ApiResult } from '../../src-shared/api/result';
import type { PromoCode, PromoKind } from '../../src-shared/domain/checkout';
import { moneyInputText } from '../lib/money';
import { optionalCount, optionalDate, withPrice } from '../passes/form-values';

/** The promo code form as its inputs hold it. */
export interface PromoForm {
  code: string;
  description: string;
  kind: PromoKind;
  /** A whole percentage, or a price typed the local way. */
  value: string;
  validFrom: string;
  validTo: string;
  maxUses: string;
  maxUsesPerClient: string;
  serviceIds: string[];
}

export const promoFields = ['code', 'description', 'kind', 'value', 'validFrom', 'validTo', 'maxUses', 'maxUsesPerClient', 'serviceIds'] as const;

export function newPromoForm(): PromoForm {
  return { code: '', description: '', kind: 'percent', value: '', validFrom: '', validTo: '', maxUses: '', maxUsesPerClient: '', serviceIds: [] };
}

export function promoFormOf(p: PromoCode, currency: string, locale: string): PromoForm {
  return {
    code: p.code,
    description: p.description ?? '',
    kind: p.kind,
    value: p.kind === 'percent' ? String(p.value) : moneyInputText(p.value, currency, locale),
    validFrom: p.validFrom ?? '',
    validTo: p.validTo ?? '',
    maxUses: p.maxUses === null ? '' : String(p.maxUses),
    maxUsesPerClient: p.maxUsesPerClient === null ? '' : String(p.maxUsesPerClient),
    serviceIds: [...p.serviceIds],
  };
}

/** The create input of the form, or the refusal of an amount that is not a price. */
export function promoInput(form: PromoForm, currency: string, amountInvalid: string): ApiResult<CallInput<'promos.create'>> {
  const input = (value: number): CallInput<'promos.create'> => ({
    code: form.code,
    description: form.description,
    kind: form.kind,
    value,
    validFrom: optionalDate(form.validFrom),
    validTo: optionalDate(form.validTo),
    maxUses: optionalCount(form.maxUses),
    maxUsesPerClient: optionalCount(form.maxUsesPerClient),
    serviceIds: form.serviceIds,
  });
  if (form.kind === 'percent') return { ok: true, value: input(Number(form.value.trim().replace(/\s*%$/, '').replace(',', '.'))) };
  return withPrice(form.value, currency, 'value', amountInvalid, input);
}
