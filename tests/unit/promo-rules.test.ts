import { describe, expect, it } from 'vitest';
import type { PromoState } from '../../src-main/engine/checkout/promo-rules';
import { clientUsesLeft, decidePromo, promoCodeKey, promoIsCurrent, promoRefusal, promoTermsProblem } from '../../src-main/engine/checkout/promo-rules';

const promo = (over: Partial<PromoState> = {}): PromoState => ({
  active: true,
  validFrom: '2027-03-01',
  validTo: '2027-03-31',
  maxUses: null,
  maxUsesPerClient: null,
  serviceIds: [],
  uses: 0,
  clientUses: 0,
  ...over,
});

describe('promoCodeKey', () => {
  it('matches codes whatever their case and accents', () => {
    expect(promoCodeKey('verano25')).toBe('VERANO25');
    expect(promoCodeKey('Otoño-Ñ')).toBe(promoCodeKey('OTONO-n'));
    expect(promoCodeKey(' Café ')).toBe('CAFE');
  });
});

describe('promoIsCurrent', () => {
  it('is current from its first to its last day, inclusive, and only while active', () => {
    expect(promoIsCurrent(promo(), '2027-03-01')).toBe(true);
    expect(promoIsCurrent(promo(), '2027-03-31')).toBe(true);
    expect(promoIsCurrent(promo(), '2027-02-28')).toBe(false);
    expect(promoIsCurrent(promo(), '2027-04-01')).toBe(false);
    expect(promoIsCurrent(promo({ active: false }), '2027-03-10')).toBe(false);
  });
  it('open dates never expire on that side', () => {
    expect(promoIsCurrent(promo({ validFrom: null, validTo: null }), '1999-01-01')).toBe(true);
    expect(promoIsCurrent(promo({ validFrom: null }), '2000-01-01')).toBe(true);
    expect(promoIsCurrent(promo({ validTo: null }), '2099-01-01')).toBe(true);
  });
});

describe('promoRefusal', () => {
  const today = '2027-03-10';
  it('refuses a code not current as expired', () => {
    expect(promoRefusal(promo({ validTo: '2027-03-09' }), today, true)).toBe('promo_expired');
    expect(promoRefusal(promo({ active: false }), today, true)).toBe('promo_expired');
  });
  it('refuses a code used as many times as allowed', () => {
    expect(promoRefusal(promo({ maxUses: 10, uses: 9 }), today, true)).toBeNull();
    expect(promoRefusal(promo({ maxUses: 10, uses: 10 }), today, true)).toBe('promo_exhausted');
  });
  it('a per-client limit needs a client, and holds for each', () => {
    expect(promoRefusal(promo({ maxUsesPerClient: 2 }), today, false)).toBe('promo_needs_client');
    expect(promoRefusal(promo({ maxUsesPerClient: 2, clientUses: 1 }), today, true)).toBeNull();
    expect(promoRefusal(promo({ maxUsesPerClient: 2, clientUses: 2 }), today, true)).toBe('promo_client_limit');
  });
  it('a code with no per-client limit serves walk-in sales', () => {
    expect(promoRefusal(promo({ maxUses: 5, uses: 1 }), today, false)).toBeNull();
  });
});

describe('decidePromo', () => {
  const sale = { today: '2027-03-10', hasClient: true };
  it('applies to the service lines of its services, never to pass and plan lines', () => {
    expect(decidePromo(promo({ serviceIds: ['corte', 'tinte'] }), { ...sale, lineServiceIds: ['corte', 'manicura', null, 'tinte'] })).toEqual({
      ok: true,
      applies: [true, false, false, true],
    });
  });
  it('with no services applies to every service line', () => {
    expect(decidePromo(promo(), { ...sale, lineServiceIds: ['corte', null, 'manicura'] })).toEqual({ ok: true, applies: [true, false, true] });
  });
  it('refuses a code for none of the sale services', () => {
    expect(decidePromo(promo({ serviceIds: ['tinte'] }), { ...sale, lineServiceIds: ['corte', null] })).toEqual({ ok: false, code: 'promo_not_applicable' });
    expect(decidePromo(promo(), { ...sale, lineServiceIds: [null] })).toEqual({ ok: false, code: 'promo_not_applicable' });
  });
  it('checks validity and limits before the services', () => {
    expect(decidePromo(promo({ serviceIds: ['tinte'], maxUses: 1, uses: 1 }), { ...sale, lineServiceIds: ['corte'] })).toEqual({ ok: false, code: 'promo_exhausted' });
  });
});

describe('clientUsesLeft', () => {
  it('is the limit less the uses, never below 0, and null without a limit', () => {
    expect(clientUsesLeft(3, 1)).toBe(2);
    expect(clientUsesLeft(2, 5)).toBe(0);
    expect(clientUsesLeft(null, 7)).toBeNull();
  });
});

describe('promoTermsProblem', () => {
  it('a percent is at most 100; an amount has no such bound', () => {
    expect(promoTermsProblem({ kind: 'percent', value: 100, validFrom: null, validTo: null })).toBeNull();
    expect(promoTermsProblem({ kind: 'percent', value: 101, validFrom: null, validTo: null })).toEqual({ code: 'invalid_percent', field: 'value' });
    expect(promoTermsProblem({ kind: 'amount', value: 5000, validFrom: null, validTo: null })).toBeNull();
  });
  it('the last day may be the first, not before it', () => {
    expect(promoTermsProblem({ kind: 'amount', value: 5, validFrom: '2027-03-01', validTo: '2027-03-01' })).toBeNull();
    expect(promoTermsProblem({ kind: 'amount', value: 5, validFrom: '2027-03-02', validTo: '2027-03-01' })).toEqual({ code: 'end_before_start', field: 'validTo' });
  });
});
