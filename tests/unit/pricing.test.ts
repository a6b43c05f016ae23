import { describe, expect, it } from 'vitest';
import type { LineToPrice } from '../../src-main/engine/checkout/pricing';
import { percentOf, priceSale, spreadByLargestRemainder } from '../../src-main/engine/checkout/pricing';
import { paymentProblem } from '../../src-main/engine/checkout/payments';

const line = (unitPriceMinor: number, over: Partial<LineToPrice> = {}): LineToPrice => ({ unitPriceMinor, quantity: 1, covered: false, promoApplies: false, ...over });

describe('percentOf', () => {
  it('rounds half up to the minor unit', () => {
    expect(percentOf(1000, 15)).toBe(150);
    expect(percentOf(1250, 10)).toBe(125);
    expect(percentOf(1, 50)).toBe(1); // 0.5 → 1
    expect(percentOf(3, 50)).toBe(2); // 1.5 → 2
    expect(percentOf(5, 10)).toBe(1); // 0.5 → 1
    expect(percentOf(4, 10)).toBe(0); // 0.4 → 0
    expect(percentOf(333, 33)).toBe(110); // 109.89 → 110
    expect(percentOf(999, 15)).toBe(150); // 149.85 → 150
    expect(percentOf(1005, 10)).toBe(101); // 100.5 → 101
  });
  it('takes all at 100 % and nothing of nothing', () => {
    expect(percentOf(4599, 100)).toBe(4599);
    expect(percentOf(0, 30)).toBe(0);
  });
  it('refuses negative or fractional amounts and percents beyond 0..100', () => {
    expect(() => percentOf(-1, 10)).toThrow(RangeError);
    expect(() => percentOf(10.5, 10)).toThrow(RangeError);
    expect(() => percentOf(100, 101)).toThrow(RangeError);
  });
});

describe('spreadByLargestRemainder', () => {
  it('splits in proportion with whole shares adding up exactly', () => {
    expect(spreadByLargestRemainder(100, [1000, 1000, 1000])).toEqual([34, 33, 33]);
    expect(spreadByLargestRemainder(10, [3000, 1000])).toEqual([8, 2]); // 7.5 / 2.5: equal remainders go to the first
    expect(spreadByLargestRemainder(500, [1500, 2000, 1000])).toEqual([167, 222, 111]);
    expect(spreadByLargestRemainder(7, [10, 20, 30, 40])).toEqual([1, 1, 2, 3]); // 0.7 1.4 2.1 2.8
  });
  it('never gives a share beyond its weight, nor anything to a zero weight', () => {
    expect(spreadByLargestRemainder(5, [0, 5, 0])).toEqual([0, 5, 0]);
    expect(spreadByLargestRemainder(3, [1, 1, 1, 0])).toEqual([1, 1, 1, 0]);
    const weights = [1, 2, 3, 5, 8, 13, 21];
    for (let amount = 0; amount <= 53; amount++) {
      const shares = spreadByLargestRemainder(amount, weights);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
      shares.forEach((share, i) => expect(share).toBeLessThanOrEqual(weights[i]!));
    }
  });
  it('stays exact where amount × weight passes 2^53', () => {
    const shares = spreadByLargestRemainder(99_999_999, [10_000_000_000, 3, 7_777_777_777]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(99_999_999);
    expect(shares[1]).toBe(0);
  });
  it('spreads nothing over nothing and refuses more than the weights', () => {
    expect(spreadByLargestRemainder(0, [])).toEqual([]);
    expect(spreadByLargestRemainder(0, [0, 0])).toEqual([0, 0]);
    expect(() => spreadByLargestRemainder(11, [5, 5])).toThrow(RangeError);
  });
});

describe('priceSale', () => {
  it('adds unit price × quantity with no discounts', () => {
    const sale = priceSale([line(1500, { quantity: 2 }), line(4000)], null);
    expect(sale).toMatchObject({ subtotalMinor: 7000, coverageDiscountMinor: 0, promoDiscountMinor: 0, totalMinor: 7000 });
    expect(sale.lines.map((l) => l.totalMinor)).toEqual([3000, 4000]);
  });

  it('a credit pays one unit of a covered line', () => {
    const sale = priceSale([line(1500, { quantity: 3, covered: true }), line(4000, { covered: true })], null);
    expect(sale.lines).toEqual([
      { subtotalMinor: 4500, coverageDiscountMinor: 1500, promoDiscountMinor: 0, totalMinor: 3000 },
      { subtotalMinor: 4000, coverageDiscountMinor: 4000, promoDiscountMinor: 0, totalMinor: 0 },
    ]);
    expect(sale.totalMinor).toBe(3000);
  });

  it('a percent promo is taken per line off what coverage left, rounded half up, only where it applies', () => {
    const sale = priceSale(
      [line(1999, { promoApplies: true }), line(1505, { quantity: 3, covered: true, promoApplies: true }), line(5000), line(999, { promoApplies: true })],
      { kind: 'percent', value: 15 },
    );
    // 1999 × 15 % = 299.85 → 300; (4515 − 1505) × 15 % = 451.5 → 452; not applicable → 0; 999 × 15 % = 149.85 → 150.
    expect(sale.lines.map((l) => l.promoDiscountMinor)).toEqual([300, 452, 0, 150]);
    expect(sale.lines.map((l) => l.totalMinor)).toEqual([1699, 2558, 5000, 849]);
    expect(sale).toMatchObject({ subtotalMinor: 1999 + 4515 + 5000 + 999, coverageDiscountMinor: 1505, promoDiscountMinor: 902 });
  });

  it('an amount promo is spread over the lines it applies to, by largest remainder', () => {
    const sale = priceSale([line(1000, { promoApplies: true }), line(2000, { promoApplies: true }), line(3000), line(3000, { promoApplies: true })], {
      kind: 'amount',
      value: 1000,
    });
    // 1000 over 1000 / 2000 / 3000: 166.67 / 333.33 / 500 → 167 / 333 / 500.
    expect(sale.lines.map((l) => l.promoDiscountMinor)).toEqual([167, 333, 0, 500]);
    expect(sale.promoDiscountMinor).toBe(1000);
    expect(sale.totalMinor).toBe(9000 - 1000);
  });

  it('an amount promo never takes more than the lines it applies to cost, after coverage', () => {
    const sale = priceSale([line(1200, { quantity: 2, covered: true, promoApplies: true }), line(300, { promoApplies: true }), line(5000)], { kind: 'amount', value: 5000 });
    expect(sale.lines.map((l) => l.promoDiscountMinor)).toEqual([1200, 300, 0]);
    expect(sale.lines.map((l) => l.totalMinor)).toEqual([0, 0, 5000]);
    expect(sale).toMatchObject({ subtotalMinor: 7700, coverageDiscountMinor: 1200, promoDiscountMinor: 1500, totalMinor: 5000 });
  });

  it('coverage and a promo together: covered lines leave nothing for the promo', () => {
    const sale = priceSale([line(2500, { covered: true, promoApplies: true }), line(2500, { promoApplies: true })], { kind: 'percent', value: 20 });
    expect(sale.lines.map((l) => [l.coverageDiscountMinor, l.promoDiscountMinor, l.totalMinor])).toEqual([
      [2500, 0, 0],
      [0, 500, 2000],
    ]);
    const amount = priceSale([line(2500, { covered: true, promoApplies: true }), line(2500, { promoApplies: true })], { kind: 'amount', value: 600 });
    expect(amount.lines.map((l) => l.promoDiscountMinor)).toEqual([0, 600]);
  });

  it('prices zero totals: free services, everything covered, a 100 % promo', () => {
    expect(priceSale([line(0), line(0, { quantity: 5 })], null).totalMinor).toBe(0);
    expect(priceSale([line(1800, { covered: true })], null)).toMatchObject({ subtotalMinor: 1800, coverageDiscountMinor: 1800, totalMinor: 0 });
    expect(priceSale([line(1800, { promoApplies: true }), line(2300, { quantity: 2, promoApplies: true })], { kind: 'percent', value: 100 })).toMatchObject({
      promoDiscountMinor: 6400,
      totalMinor: 0,
    });
    expect(priceSale([line(0, { promoApplies: true })], { kind: 'amount', value: 500 })).toMatchObject({ promoDiscountMinor: 0, totalMinor: 0 });
  });

  it('always adds up: total = subtotal − coverage − promo, per line and in all', () => {
    const lines = [line(1234, { quantity: 3, covered: true, promoApplies: true }), line(999, { promoApplies: true }), line(1), line(50_000, { quantity: 2, promoApplies: true })];
    for (const promo of [null, { kind: 'percent' as const, value: 33 }, { kind: 'amount' as const, value: 777 }, { kind: 'amount' as const, value: 1_000_000 }]) {
      const sale = priceSale(lines, promo);
      for (const l of sale.lines) expect(l.totalMinor).toBe(l.subtotalMinor - l.coverageDiscountMinor - l.promoDiscountMinor);
      for (const l of sale.lines) expect(l.totalMinor).toBeGreaterThanOrEqual(0);
      expect(sale.totalMinor).toBe(sale.subtotalMinor - sale.coverageDiscountMinor - sale.promoDiscountMinor);
      expect(sale.totalMinor).toBe(sale.lines.reduce((s, l) => s + l.totalMinor, 0));
    }
  });

  it('refuses negative or fractional prices and quantities below 1', () => {
    expect(() => priceSale([line(-100)], null)).toThrow(RangeError);
    expect(() => priceSale([line(10.5)], null)).toThrow(RangeError);
    expect(() => priceSale([line(100, { quantity: 0 })], null)).toThrow(RangeError);
    expect(() => priceSale([line(100, { promoApplies: true })], { kind: 'amount', value: -5 })).toThrow(RangeError);
  });
});

describe('paymentProblem', () => {
  it('accepts payments adding up to the total exactly, in one or several methods', () => {
    expect(paymentProblem(4500, [{ amountMinor: 4500 }])).toBeNull();
    expect(paymentProblem(4500, [{ amountMinor: 2000 }, { amountMinor: 2500 }])).toBeNull();
  });
  it('a total of 0 needs no payment', () => {
    expect(paymentProblem(0, [])).toBeNull();
  });
  it('refuses a payment over or under the total, or missing', () => {
    expect(paymentProblem(4500, [{ amountMinor: 4501 }])).toEqual({ code: 'payment_mismatch', field: 'payments' });
    expect(paymentProblem(4500, [{ amountMinor: 2000 }, { amountMinor: 2499 }])).toEqual({ code: 'payment_mismatch', field: 'payments' });
    expect(paymentProblem(4500, [])).toEqual({ code: 'payment_mismatch', field: 'payments' });
    expect(paymentProblem(0, [{ amountMinor: 100 }])).toEqual({ code: 'payment_mismatch', field: 'payments' });
  });
  it('refuses a payment of nothing, naming it', () => {
    expect(paymentProblem(100, [{ amountMinor: 100 }, { amountMinor: 0 }])).toEqual({ code: 'out_of_range', field: 'payments.1.amountMinor' });
  });
});
