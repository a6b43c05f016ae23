import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../src-shared/api/result';
import { cashPaid, lineFromChoice, newKey, parsePayments, parseQuantity, serviceLine, takesReference, tenderedChange, toLineInput, type PaymentRow } from '../../src-renderer/checkout/sale-draft';
import { placeOf, saleErrors } from '../../src-renderer/checkout/sale-errors';

const payment = (method: PaymentRow['method'], amount: string, reference = ''): PaymentRow => ({ key: newKey(), method, amount, auto: false, reference });
const error = (code: ApiError['code'], field?: string): ApiError => ({ code, message: `${code} message`, ...(field !== undefined ? { field } : {}) });

describe('the lines of a sale being prepared', () => {
  it('adds what the picker chose: a service (paid with a credit unless told), a product, a pass or a plan', () => {
    expect(lineFromChoice('service:S1')).toMatchObject({ kind: 'service', serviceId: 'S1', quantity: 1, useCredit: true });
    expect(lineFromChoice('product:R1')).toMatchObject({ kind: 'product', productId: 'R1', quantity: 1 });
    expect(lineFromChoice('pass:P1')).toMatchObject({ kind: 'pass', passProductId: 'P1' });
    expect(lineFromChoice('plan:L1')).toMatchObject({ kind: 'plan', planProductId: 'L1' });
  });

  it('adds nothing for an empty or unknown choice', () => {
    expect(lineFromChoice('')).toBeNull();
    expect(lineFromChoice('service:')).toBeNull();
    expect(lineFromChoice('gift:G1')).toBeNull();
  });

  it('gives every line a key of its own', () => {
    const keys = new Set([serviceLine('S1').key, serviceLine('S1').key, lineFromChoice('pass:P1')!.key, newKey()]);
    expect(keys.size).toBe(4);
  });

  it('keeps the appointment or booking a service line charges', () => {
    expect(serviceLine('S1', { appointmentId: 'A1' })).toMatchObject({ kind: 'service', serviceId: 'S1', appointmentId: 'A1' });
    expect(serviceLine('S1', { bookingId: 'B1' })).toMatchObject({ kind: 'service', serviceId: 'S1', bookingId: 'B1' });
  });
});

describe('the contract input of a line', () => {
  it('sends only what differs from the defaults: one unit, a credit used', () => {
    expect(toLineInput(serviceLine('S1'))).toEqual({ kind: 'service', serviceId: 'S1' });
    expect(toLineInput({ key: newKey(), kind: 'service', serviceId: 'S1', quantity: 3, useCredit: false })).toEqual({ kind: 'service', serviceId: 'S1', quantity: 3, useCredit: false });
  });

  it('sends the appointment or booking of a service line', () => {
    expect(toLineInput(serviceLine('S1', { appointmentId: 'A1' }))).toEqual({ kind: 'service', serviceId: 'S1', appointmentId: 'A1' });
    expect(toLineInput(serviceLine('S1', { bookingId: 'B1' }))).toEqual({ kind: 'service', serviceId: 'S1', bookingId: 'B1' });
  });

  it('sends a pass or plan by its product, without the key', () => {
    expect(toLineInput(lineFromChoice('pass:P1')!)).toEqual({ kind: 'pass', passProductId: 'P1' });
    expect(toLineInput(lineFromChoice('plan:L1')!)).toEqual({ kind: 'plan', planProductId: 'L1' });
  });

  it('sends a product by its id, with its quantity when more than one', () => {
    expect(toLineInput(lineFromChoice('product:R1')!)).toEqual({ kind: 'product', productId: 'R1' });
    expect(toLineInput({ key: newKey(), kind: 'product', productId: 'R1', quantity: 3 })).toEqual({ kind: 'product', productId: 'R1', quantity: 3 });
  });
});

describe('a quantity typed in a line', () => {
  it('takes a whole number from 1 to 100', () => {
    expect(parseQuantity('1', 4)).toBe(1);
    expect(parseQuantity('7', 4)).toBe(7);
    expect(parseQuantity('100', 4)).toBe(100);
  });

  it('keeps the previous one for anything else', () => {
    for (const text of ['', '0', '-2', '101', '2.5', 'dos']) expect(parseQuantity(text, 4)).toBe(4);
  });
});

describe('the payments of a sale', () => {
  it('reads each amount the local way and adds them up', () => {
    expect(parsePayments([payment('card', '50'), payment('cash', '40,50')], 'EUR')).toEqual({
      ok: true,
      payments: [
        { method: 'card', amountMinor: 5000 },
        { method: 'cash', amountMinor: 4050 },
      ],
      paidMinor: 9050,
    });
  });

  it('leaves out rows left empty or at zero', () => {
    expect(parsePayments([payment('card', ''), payment('cash', '0,00'), payment('transfer', ' 12 ')], 'EUR')).toEqual({
      ok: true,
      payments: [{ method: 'transfer', amountMinor: 1200 }],
      paidMinor: 1200,
    });
    expect(parsePayments([], 'EUR')).toEqual({ ok: true, payments: [], paidMinor: 0 });
  });

  it('sends the voucher or operation number of card, Bizum, transfer and Mercado Pago payments, trimmed, and none for cash', () => {
    expect(parsePayments([payment('card', '10', ' V-1 '), payment('cash', '5', 'ignored'), payment('bizum', '2', ''), payment('mercado_pago', '1', 'MP9')], 'EUR')).toEqual({
      ok: true,
      payments: [
        { method: 'card', amountMinor: 1000, reference: 'V-1' },
        { method: 'cash', amountMinor: 500 },
        { method: 'bizum', amountMinor: 200 },
        { method: 'mercado_pago', amountMinor: 100, reference: 'MP9' },
      ],
      paidMinor: 1800,
    });
    expect(['card', 'bizum', 'transfer', 'mercado_pago'].every((m) => takesReference(m as PaymentRow['method']))).toBe(true);
    expect(['cash', 'voucher', 'other', 'custom:01J0000000000000000000000A'].some((m) => takesReference(m as PaymentRow['method']))).toBe(false);
  });

  it('works out the change against the cash payments only', () => {
    const paid = [
      { method: 'cash' as const, amountMinor: 2000 },
      { method: 'card' as const, amountMinor: 2210 },
      { method: 'cash' as const, amountMinor: 500 },
    ];
    expect(cashPaid(paid)).toBe(2500);
    expect(tenderedChange('50', 2500, 'EUR')).toBe(2500);
    expect(tenderedChange('25,00', 2500, 'EUR')).toBe(0);
    expect(tenderedChange('', 2500, 'EUR')).toBeNull();
    expect(tenderedChange('20', 2500, 'EUR')).toBe('short');
    expect(tenderedChange('veinte', 2500, 'EUR')).toBe('invalid');
    // Chilean pesos have no decimals.
    expect(tenderedChange('10.000', 8500, 'CLP')).toBe(1500);
  });

  it('names the first row whose amount is not money', () => {
    expect(parsePayments([payment('card', '10'), payment('cash', 'diez'), payment('cash', '-1')], 'EUR')).toEqual({ ok: false, index: 1 });
  });
});

describe('where a refused quote or sale is shown', () => {
  it('puts the client’s refusals beside the client, blacklisted included', () => {
    expect(placeOf(error('not_found', 'clientId'))).toEqual({ at: 'client' });
    expect(placeOf(error('client_required', 'clientId'))).toEqual({ at: 'client' });
    expect(placeOf(error('client_blacklisted'))).toEqual({ at: 'client' });
    expect(placeOf(error('invalid_input', 'acceptBlacklisted'))).toEqual({ at: 'client' });
  });

  it('puts a line’s refusal on its line, and one of the list on the list', () => {
    expect(placeOf(error('not_found', 'lines.2.serviceId'))).toEqual({ at: 'line', index: 2 });
    expect(placeOf(error('invalid_input', 'lines.0'))).toEqual({ at: 'line', index: 0 });
    expect(placeOf(error('too_short', 'lines'))).toEqual({ at: 'lines' });
    expect(placeOf(error('invalid_input', 'lines.x'))).toEqual({ at: 'lines' });
  });

  it('puts the promo code’s refusals beside it, whatever field they name', () => {
    expect(placeOf(error('promo_unknown', 'promoCode'))).toEqual({ at: 'promo' });
    expect(placeOf(error('promo_not_applicable'))).toEqual({ at: 'promo' });
  });

  it('puts the payments’ refusals beside them', () => {
    expect(placeOf(error('payment_mismatch'))).toEqual({ at: 'payments' });
    expect(placeOf(error('invalid_input', 'payments.1.amountMinor'))).toEqual({ at: 'payments' });
  });

  it('puts the cash handed over, the full invoice’s customer and Chile’s folio beside their fields', () => {
    expect(placeOf(error('invalid_input', 'cashTenderedMinor'))).toEqual({ at: 'tendered' });
    expect(placeOf(error('invalid_input', 'invoiceTo.taxId'))).toEqual({ at: 'invoiceTo' });
    expect(placeOf(error('invalid_input', 'boletaFolio'))).toEqual({ at: 'folio' });
    expect(placeOf(error('invalid_input', 'payments.1.reference'))).toEqual({ at: 'payments' });
  });

  it('puts anything else in a banner', () => {
    expect(placeOf(error('internal'))).toEqual({ at: 'banner' });
    expect(placeOf(error('invalid_input', 'currency'))).toEqual({ at: 'banner' });
  });

  it('keeps the error in its place, and nothing without one', () => {
    expect(saleErrors(undefined)).toEqual({});
    const onLine = error('not_found', 'lines.1.passProductId');
    expect(saleErrors(onLine)).toEqual({ line: { index: 1, error: onLine } });
    for (const [e, place] of [
      [error('client_blacklisted', 'clientId'), 'client'],
      [error('too_short', 'lines'), 'lines'],
      [error('promo_expired', 'promoCode'), 'promo'],
      [error('payment_mismatch', 'payments'), 'payments'],
      [error('internal'), 'banner'],
    ] as const) {
      expect(saleErrors(e)).toEqual({ [place]: e });
    }
  });
});
