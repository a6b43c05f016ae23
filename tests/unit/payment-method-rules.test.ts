import { describe, expect, it } from 'vitest';
import { builtInMethodsOf, isPaymentMethodAllowed } from '../../src-main/engine/checkout/payment-methods';
import { defaultVatRate, isVatRateOf, vatRatesOf } from '../../src-main/engine/fiscal/vat-rates';

describe('the payment methods a country offers', () => {
  it('lists the built-in ones in the order the desk shows them', () => {
    expect(builtInMethodsOf('ES')).toEqual(['cash', 'card', 'bizum', 'transfer', 'voucher']);
    expect(builtInMethodsOf('CL')).toEqual(['cash', 'card', 'transfer', 'mercado_pago', 'voucher']);
    expect(builtInMethodsOf('MX')).toEqual(['cash', 'card', 'transfer', 'mercado_pago', 'voucher']);
    expect(builtInMethodsOf('PT')).toEqual(['cash', 'card', 'transfer', 'voucher']);
  });

  it('allows only what the country offers: Bizum is Spanish, Mercado Pago Latin American', () => {
    expect(isPaymentMethodAllowed('ES', 'bizum', [])).toBe(true);
    expect(isPaymentMethodAllowed('ES', 'mercado_pago', [])).toBe(false);
    expect(isPaymentMethodAllowed('MX', 'mercado_pago', [])).toBe(true);
    expect(isPaymentMethodAllowed('CL', 'bizum', [])).toBe(false);
    expect(isPaymentMethodAllowed('FR', 'bizum', [])).toBe(false);
    expect(isPaymentMethodAllowed('FR', 'voucher', [])).toBe(true);
    expect(isPaymentMethodAllowed('ES', 'cheque', [])).toBe(false);
  });

  it("keeps 'other' (older sales carry it) and takes the centre's active custom methods only", () => {
    expect(isPaymentMethodAllowed('ES', 'other', [])).toBe(true);
    expect(isPaymentMethodAllowed('ES', 'custom:01J0000000000000000000000A', ['01J0000000000000000000000A'])).toBe(true);
    expect(isPaymentMethodAllowed('ES', 'custom:01J0000000000000000000000A', new Set(['01J0000000000000000000000A']))).toBe(true);
    expect(isPaymentMethodAllowed('ES', 'custom:01J0000000000000000000000B', ['01J0000000000000000000000A'])).toBe(false);
    expect(isPaymentMethodAllowed('ES', 'custom:', [])).toBe(false);
  });
});

describe('the VAT rates a country has', () => {
  it('gives the choices with the general rate first, which is the default', () => {
    expect(vatRatesOf('ES')).toEqual([2100, 1000, 400, 0]);
    expect(defaultVatRate('ES')).toBe(2100);
    expect(defaultVatRate('CL')).toBe(1900);
    expect(defaultVatRate('MX')).toBe(1600);
  });

  it('refuses a rate the country does not have; elsewhere any whole rate from 0 to 100 %', () => {
    expect(isVatRateOf('ES', 1000)).toBe(true);
    expect(isVatRateOf('ES', 1600)).toBe(false);
    expect(isVatRateOf('CL', 1000)).toBe(false);
    expect(isVatRateOf('MX', 800)).toBe(true);
    expect(vatRatesOf('PT')).toBeNull();
    expect(isVatRateOf('PT', 2300)).toBe(true);
    expect(isVatRateOf('PT', 10_001)).toBe(false);
    expect(isVatRateOf('PT', 12.5)).toBe(false);
  });
});
