import { describe, expect, it } from 'vitest';
import type { CreditCandidate } from '../../src-main/engine/passes/choose-credit';
import { canPay, chooseCredit, covers, usableCredits } from '../../src-main/engine/passes/choose-credit';
import type { CoverageCredit } from '../../src-main/engine/passes/coverage';
import { coverageOf } from '../../src-main/engine/passes/coverage';
import {
  attendanceCreditStep,
  creditOnBook,
  creditOnCancel,
  creditOnNoShow,
  creditOnNoShowUndone,
  defaultCreditPolicy,
} from '../../src-main/engine/passes/credit-rules';
import { isExpired, isValidOn, validUntilOf } from '../../src-main/engine/passes/validity';

function credit(over: Partial<CreditCandidate> & { id: string }): CreditCandidate {
  return {
    kind: 'pass',
    balance: 5,
    validFrom: '2027-01-01',
    validUntil: '2027-03-31',
    createdAt: '2027-01-01T10:00:00.000Z',
    sessionTypeIds: ['yoga'],
    serviceIds: [],
    ...over,
  };
}

describe('validity dates', () => {
  it('counts the sale day as the first of N days, inclusive', () => {
    expect(validUntilOf({ kind: 'days', days: 1 }, '2027-01-10')).toBe('2027-01-10');
    expect(validUntilOf({ kind: 'days', days: 30 }, '2027-01-10')).toBe('2027-02-08');
    // Across a leap day.
    expect(validUntilOf({ kind: 'days', days: 2 }, '2028-02-28')).toBe('2028-02-29');
    expect(validUntilOf({ kind: 'until', date: '2027-06-30' }, '2027-01-10')).toBe('2027-06-30');
  });
  it('is valid from its first to its last day, both inclusive, and expired the day after', () => {
    const pass = { validFrom: '2027-01-10', validUntil: '2027-01-20' };
    expect(isValidOn(pass, '2027-01-09')).toBe(false);
    expect(isValidOn(pass, '2027-01-10')).toBe(true);
    expect(isValidOn(pass, '2027-01-20')).toBe(true);
    expect(isValidOn(pass, '2027-01-21')).toBe(false);
    expect(isExpired(pass, '2027-01-20')).toBe(false);
    expect(isExpired(pass, '2027-01-21')).toBe(true);
  });
});

describe('which credit pays', () => {
  it('covers a session type or a service, as sold', () => {
    const both = credit({ id: 'a', sessionTypeIds: ['yoga'], serviceIds: ['massage'] });
    expect(covers(both, { sessionTypeId: 'yoga' })).toBe(true);
    expect(covers(both, { serviceId: 'massage' })).toBe(true);
    expect(covers(both, { sessionTypeId: 'pilates' })).toBe(false);
    // A service id is not a session type id, even when equal.
    expect(covers(credit({ id: 'b', sessionTypeIds: [], serviceIds: ['x'] }), { sessionTypeId: 'x' })).toBe(false);
  });
  it('needs a credit left, validity on the date and the kind asked', () => {
    const use = { sessionTypeId: 'yoga' };
    expect(canPay(credit({ id: 'a', balance: 0 }), use, '2027-02-01')).toBe(false);
    expect(canPay(credit({ id: 'a' }), use, '2026-12-31')).toBe(false);
    expect(canPay(credit({ id: 'a' }), use, '2027-04-01')).toBe(false);
    expect(canPay(credit({ id: 'a' }), use, '2027-03-31')).toBe(true);
    expect(canPay(credit({ id: 'a' }), use, '2027-03-31', 'plan')).toBe(false);
  });
  it('spends plan lines first, then the pass expiring first, then the oldest', () => {
    const use = { serviceId: 'nails' };
    const late = credit({ id: 'late', serviceIds: ['nails'], validUntil: '2027-06-30' });
    const soon = credit({ id: 'soon', serviceIds: ['nails'], validUntil: '2027-02-28' });
    const soonNewer = credit({ id: 'soon-newer', serviceIds: ['nails'], validUntil: '2027-02-28', createdAt: '2027-01-05T10:00:00.000Z' });
    const plan = credit({ id: 'plan', kind: 'plan', serviceIds: ['nails'], validUntil: '2027-12-31' });
    expect(chooseCredit([late, soonNewer, soon], use, '2027-02-01')?.id).toBe('soon');
    expect(usableCredits([late, soonNewer, plan, soon], use, '2027-02-01').map((c) => c.id)).toEqual(['plan', 'soon', 'soon-newer', 'late']);
    // After the soon ones expire, the later one pays.
    expect(chooseCredit([late, soon], use, '2027-03-01')?.id).toBe('late');
    expect(chooseCredit([late, soon], { serviceId: 'hair' }, '2027-02-01')).toBeNull();
    expect(chooseCredit([late, plan], use, '2027-02-01', 'pass')?.id).toBe('late');
  });
});

describe('plan coverage (seed 002: all, some, none)', () => {
  const plan = (id: string, serviceId: string, balance: number, over: Partial<CoverageCredit> = {}): CoverageCredit => ({
    ...credit({ id, kind: 'plan', serviceIds: [serviceId], sessionTypeIds: [], balance }),
    name: 'Plan Novia',
    ...over,
  });
  const prices = { nails: 2000, hair: 3500, massage: 5000 } as const;
  const chosen = (...ids: (keyof typeof prices)[]) => ids.map((serviceId) => ({ serviceId, priceMinor: prices[serviceId] }));

  it('all covered: nothing left to pay', () => {
    expect(coverageOf(chosen('nails', 'hair'), [plan('p1', 'nails', 2), plan('p2', 'hair', 1)], '2027-02-01')).toEqual({
      case: 'all',
      covered: [
        { serviceId: 'nails', passId: 'p1', name: 'Plan Novia' },
        { serviceId: 'hair', passId: 'p2', name: 'Plan Novia' },
      ],
      uncovered: [],
      leftToPayMinor: 0,
    });
  });
  it('some covered: which ones, and the rest to pay', () => {
    const result = coverageOf(chosen('nails', 'massage', 'hair'), [plan('p1', 'nails', 2)], '2027-02-01');
    expect(result.case).toBe('some');
    expect(result.covered.map((c) => c.serviceId)).toEqual(['nails']);
    expect(result.uncovered).toEqual([
      { serviceId: 'massage', priceMinor: 5000 },
      { serviceId: 'hair', priceMinor: 3500 },
    ]);
    expect(result.leftToPayMinor).toBe(8500);
  });
  it('none covered: no plan, an expired one, or one used up', () => {
    expect(coverageOf(chosen('nails'), [], '2027-02-01')).toMatchObject({ case: 'none', leftToPayMinor: 2000 });
    expect(coverageOf(chosen('nails'), [plan('p1', 'nails', 3, { validUntil: '2027-01-31' })], '2027-02-01')).toMatchObject({ case: 'none' });
    expect(coverageOf(chosen('nails'), [plan('p1', 'nails', 0)], '2027-02-01')).toMatchObject({ case: 'none' });
  });
  it('counts units: the same service twice needs two credits', () => {
    const one = coverageOf(chosen('nails', 'nails'), [plan('p1', 'nails', 1)], '2027-02-01');
    expect(one).toMatchObject({ case: 'some', leftToPayMinor: 2000 });
    // A second credit from a pass when the plan line is used up.
    const pass: CoverageCredit = { ...credit({ id: 'bono', serviceIds: ['nails'], sessionTypeIds: [], balance: 3 }), name: 'Bono uñas' };
    const two = coverageOf(chosen('nails', 'nails', 'nails'), [pass, plan('p1', 'nails', 1)], '2027-02-01');
    expect(two.case).toBe('all');
    expect(two.covered.map((c) => c.passId)).toEqual(['p1', 'bono', 'bono']);
  });
});

describe('the credit of a new booking', () => {
  const base = { passesAllowed: true, plansApply: false, usable: null, source: 'desk' as const, redeemPass: undefined, placed: true };
  it('a client booking a redeemable session pays with a credit, or cannot book', () => {
    expect(creditOnBook({ ...base, source: 'client', usable: { kind: 'pass' } })).toEqual({ state: 'redeemed', payWithPass: true });
    expect(creditOnBook({ ...base, source: 'client' })).toEqual({ refuse: 'no_valid_pass' });
  });
  it('the desk leaves it pending unless it redeems now (then it needs one)', () => {
    expect(creditOnBook(base)).toEqual({ state: 'pending', payWithPass: false });
    expect(creditOnBook({ ...base, redeemPass: true, usable: { kind: 'pass' } })).toEqual({ state: 'redeemed', payWithPass: true });
    expect(creditOnBook({ ...base, redeemPass: true })).toEqual({ refuse: 'no_valid_pass' });
  });
  it('joining a waitlist spends nothing but remembers the intent (and needs a credit held now)', () => {
    expect(creditOnBook({ ...base, source: 'client', usable: { kind: 'pass' }, placed: false })).toEqual({ state: 'pending', payWithPass: true });
    expect(creditOnBook({ ...base, source: 'client', placed: false })).toEqual({ refuse: 'no_valid_pass' });
  });
  it('nothing redeemable: no credit involved', () => {
    const off = { ...base, passesAllowed: false };
    expect(creditOnBook(off)).toEqual({ state: 'none', payWithPass: false });
    expect(creditOnBook({ ...off, source: 'client' })).toEqual({ state: 'none', payWithPass: false });
    expect(creditOnBook({ ...off, redeemPass: true })).toEqual({ refuse: 'credit_not_needed' });
  });
  it('an appointment a plan covers uses it whatever the schedule says; a pass needs a redeemable schedule', () => {
    const appointment = { ...base, passesAllowed: false, plansApply: true };
    expect(creditOnBook({ ...appointment, source: 'client', usable: { kind: 'plan' } })).toEqual({ state: 'redeemed', payWithPass: true });
    expect(creditOnBook({ ...appointment, usable: { kind: 'plan' } })).toEqual({ state: 'pending', payWithPass: false });
    expect(creditOnBook({ ...appointment, source: 'client' })).toEqual({ state: 'none', payWithPass: false });
    expect(creditOnBook({ ...appointment, redeemPass: true })).toEqual({ refuse: 'no_valid_pass' });
  });
});

describe('refund or forfeit', () => {
  const start = '2027-02-10T18:00:00.000Z';
  const policy = defaultCreditPolicy;
  it('defaults: 12 hours, late cancellations and no-shows forfeit', () => {
    expect(policy).toEqual({ cancelWindowHours: 12, lateCancelForfeits: true, noShowForfeits: true });
  });
  it('gives the credit back for a cancellation at least the window before the start', () => {
    expect(creditOnCancel('redeemed', policy, start, '2027-02-10T06:00:00.000Z')).toEqual({ state: 'refunded', refund: true });
    expect(creditOnCancel('redeemed', policy, start, '2027-02-09T06:00:00.000Z')).toEqual({ state: 'refunded', refund: true });
  });
  it('forfeits it later, unless the centre does not forfeit late cancellations', () => {
    expect(creditOnCancel('redeemed', policy, start, '2027-02-10T06:00:00.001Z')).toEqual({ state: 'forfeited', refund: false });
    expect(creditOnCancel('redeemed', { ...policy, lateCancelForfeits: false }, start, '2027-02-10T17:59:00.000Z')).toEqual({ state: 'refunded', refund: true });
    // A window of 0: any cancellation before the start is in time.
    expect(creditOnCancel('redeemed', { ...policy, cancelWindowHours: 0 }, start, '2027-02-10T17:59:00.000Z')).toEqual({ state: 'refunded', refund: true });
  });
  it('a pending credit is no longer owed; nothing else changes', () => {
    expect(creditOnCancel('pending', policy, start, '2027-02-10T17:00:00.000Z')).toEqual({ state: 'none', refund: false });
    expect(creditOnCancel('none', policy, start, '2027-02-10T17:00:00.000Z')).toBeNull();
  });
  it('no-show: forfeited, or given back when the centre says so; pending stays pending', () => {
    expect(creditOnNoShow('redeemed', policy)).toEqual({ state: 'forfeited', refund: false });
    expect(creditOnNoShow('redeemed', { ...policy, noShowForfeits: false })).toEqual({ state: 'refunded', refund: true });
    expect(creditOnNoShow('pending', policy)).toBeNull();
  });
  it('undoing a no-show restores the credit: redeemed again, or spent again after a refund', () => {
    expect(creditOnNoShowUndone('forfeited')).toBe('redeemed');
    expect(creditOnNoShowUndone('refunded')).toBe('respend');
    expect(creditOnNoShowUndone('pending')).toBeNull();
    expect(attendanceCreditStep('booked', 'no_show')).toBe('no_show');
    expect(attendanceCreditStep('attended', 'no_show')).toBe('no_show');
    expect(attendanceCreditStep('no_show', 'booked')).toBe('undo_no_show');
    expect(attendanceCreditStep('no_show', 'attended')).toBe('undo_no_show');
    expect(attendanceCreditStep('booked', 'attended')).toBeNull();
    expect(attendanceCreditStep('no_show', 'no_show')).toBeNull();
  });
});
