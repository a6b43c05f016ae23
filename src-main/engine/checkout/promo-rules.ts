import { fold } from '../text/fold';

/** What the rules need to know of a promo code and its uses so far. */
export interface PromoState {
  active: boolean;
  /** Local dates, inclusive; null: open. */
  validFrom: string | null;
  validTo: string | null;
  maxUses: number | null;
  maxUsesPerClient: number | null;
  /** Empty: every service. */
  serviceIds: readonly string[];
  /** Redemptions on sales not voided, in all. */
  uses: number;
  /** The client's redemptions not voided (0 without a client). */
  clientUses: number;
}

export type PromoRefusal = 'promo_expired' | 'promo_exhausted' | 'promo_needs_client' | 'promo_client_limit' | 'promo_not_applicable';

/** The key codes are unique and matched by: upper case without accents ("verano-ñ" → "VERANO-N"). */
export function promoCodeKey(code: string): string {
  return fold(code.trim()).toUpperCase();
}

/** Active and `today` (local) within its dates. */
export function promoIsCurrent(promo: Pick<PromoState, 'active' | 'validFrom' | 'validTo'>, today: string): boolean {
  if (!promo.active) return false;
  if (promo.validFrom !== null && today < promo.validFrom) return false;
  if (promo.validTo !== null && today > promo.validTo) return false;
  return true;
}

/** Uses a client has left: null without a per-client limit, never below 0. */
export function clientUsesLeft(maxUsesPerClient: number | null, clientUses: number): number | null {
  return maxUsesPerClient === null ? null : Math.max(0, maxUsesPerClient - clientUses);
}

/**
 * Whether the code can be used now by this client (or by a walk-in when `hasClient` is false):
 * current, not exhausted, and within the client's limit. Answers the first refusal, or null.
 */
export function promoRefusal(promo: PromoState, today: string, hasClient: boolean): Exclude<PromoRefusal, 'promo_not_applicable'> | null {
  if (!promoIsCurrent(promo, today)) return 'promo_expired';
  if (promo.maxUses !== null && promo.uses >= promo.maxUses) return 'promo_exhausted';
  if (promo.maxUsesPerClient !== null) {
    if (!hasClient) return 'promo_needs_client';
    if (promo.clientUses >= promo.maxUsesPerClient) return 'promo_client_limit';
  }
  return null;
}

export type PromoDecision = { ok: true; applies: boolean[] } | { ok: false; code: PromoRefusal };

/**
 * The promo at checkout: usable now by the sale's client, and applying to at least one of its
 * service lines (`lineServiceIds`: the service of each line, null for pass and plan lines, which
 * promos never discount). `applies` says which lines it discounts.
 */
export function decidePromo(promo: PromoState, sale: { today: string; hasClient: boolean; lineServiceIds: readonly (string | null)[] }): PromoDecision {
  const refusal = promoRefusal(promo, sale.today, sale.hasClient);
  if (refusal) return { ok: false, code: refusal };
  const services = new Set(promo.serviceIds);
  const applies = sale.lineServiceIds.map((serviceId) => serviceId !== null && (services.size === 0 || services.has(serviceId)));
  if (!applies.includes(true)) return { ok: false, code: 'promo_not_applicable' };
  return { ok: true, applies };
}

export interface PromoTermsToCheck {
  kind: 'percent' | 'amount';
  value: number;
  validFrom: string | null;
  validTo: string | null;
}

/** A percent is at most 100; the end is not before the start. Answers the first problem, or null. */
export function promoTermsProblem(terms: PromoTermsToCheck): { code: 'invalid_percent' | 'end_before_start'; field: 'value' | 'validTo' } | null {
  if (terms.kind === 'percent' && terms.value > 100) return { code: 'invalid_percent', field: 'value' };
  if (terms.validFrom !== null && terms.validTo !== null && terms.validTo < terms.validFrom) return { code: 'end_before_start', field: 'validTo' };
  return null;
}
