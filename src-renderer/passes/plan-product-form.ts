import type { CallInput } from '../../src-shared/api/contract';
import type { ApiResult } from '../../src-shared/api/result';
import type { PlanProduct } from '../../src-shared/domain/passes';
import { moneyInputText } from '../lib/money';
import { withPrice } from './form-values';

/** One line of a plan being edited; `key` keeps React's rows stable while lines come and go. */
export interface PlanItemDraft {
  key: number;
  serviceId: string;
  quantity: string;
}

/** The plan product form as its inputs hold it. */
export interface PlanForm {
  name: string;
  items: PlanItemDraft[];
  validityDays: string;
  price: string;
  /** null: the country's default. */
  vatRateBp: number | null;
}

export const planFields = ['name', 'items', 'validityDays', 'priceMinor', 'vatRateBp'] as const;

let nextKey = 1;

export function newPlanItem(serviceId = '', quantity = '1'): PlanItemDraft {
  return { key: nextKey++, serviceId, quantity };
}

export function newPlanForm(): PlanForm {
  return { name: '', items: [newPlanItem()], validityDays: '365', price: '', vatRateBp: null };
}

export function planFormOf(p: PlanProduct, currency: string, locale: string): PlanForm {
  return {
    name: p.name,
    items: p.items.map((i) => newPlanItem(i.serviceId, String(i.quantity))),
    validityDays: String(p.validityDays),
    price: moneyInputText(p.priceMinor, currency, locale),
    vatRateBp: p.vatRateBp,
  };
}

/** The create input of the form (lines with no service chosen are left out), or the refusal of a price that is not one. */
export function planInput(form: PlanForm, currency: string, priceInvalid: string): ApiResult<CallInput<'planProducts.create'>> {
  return withPrice(form.price, currency, 'priceMinor', priceInvalid, (priceMinor) => ({
    name: form.name,
    items: form.items.filter((i) => i.serviceId).map((i) => ({ serviceId: i.serviceId, quantity: Number(i.quantity) })),
    validityDays: Number(form.validityDays),
    priceMinor,
    ...(form.vatRateBp !== null ? { vatRateBp: form.vatRateBp } : {}),
  }));
}
