import type { CallInput } from '../../src-shared/api/contract';
import type { ApiResult } from '../../src-shared/api/result';
import type { PassProduct } from '../../src-shared/domain/passes';
import { moneyInputText } from '../lib/money';
import { withPrice } from './form-values';

/** The pass product form as its inputs hold it. */
export interface PassForm {
  name: string;
  credits: string;
  sessionTypeIds: string[];
  serviceIds: string[];
  validityKind: 'days' | 'until';
  days: string;
  until: string;
  price: string;
  /** null: the country's default. */
  vatRateBp: number | null;
}

/** The form's error slots, named as the API names its inputs. */
export const passFields = ['name', 'credits', 'sessionTypeIds', 'serviceIds', 'validity', 'priceMinor', 'vatRateBp'] as const;

export function newPassForm(): PassForm {
  return { name: '', credits: '10', sessionTypeIds: [], serviceIds: [], validityKind: 'days', days: '90', until: '', price: '', vatRateBp: null };
}

export function passFormOf(p: PassProduct, currency: string, locale: string): PassForm {
  return {
    name: p.name,
    credits: String(p.credits),
    sessionTypeIds: [...p.sessionTypeIds],
    serviceIds: [...p.serviceIds],
    validityKind: p.validity.kind,
    days: p.validity.kind === 'days' ? String(p.validity.days) : '90',
    until: p.validity.kind === 'until' ? p.validity.date : '',
    price: moneyInputText(p.priceMinor, currency, locale),
    vatRateBp: p.vatRateBp,
  };
}

/** The create input of the form, or the refusal of a price that is not one. */
export function passInput(form: PassForm, currency: string, priceInvalid: string): ApiResult<CallInput<'passProducts.create'>> {
  return withPrice(form.price, currency, 'priceMinor', priceInvalid, (priceMinor) => ({
    name: form.name,
    credits: Number(form.credits),
    sessionTypeIds: form.sessionTypeIds,
    serviceIds: form.serviceIds,
    validity: form.validityKind === 'days' ? { kind: 'days', days: Number(form.days) } : { kind: 'until', date: form.until },
    priceMinor,
    ...(form.vatRateBp !== null ? { vatRateBp: form.vatRateBp } : {}),
  }));
}
