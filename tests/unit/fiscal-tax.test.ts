import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakdown, negated, taxInside } from '../../src-main/engine/fiscal/tax';
import { defaultVatRate, isVatRateOf, vatRatesOf } from '../../src-main/engine/fiscal/vat-rates';
import { invoiceFullNumber, invoiceSeries } from '../../src-main/engine/fiscal/invoice-series';
import { verifactuQrUrl } from '../../src-main/engine/fiscal/qr-url';

describe('VAT inside a tax-included price, per line', () => {
  it('rounds the tax to the nearest cent, half away from zero', () => {
    // 18,00 € at 21 %: 3,1239… → 3,12; 12,10 € at 10 %: exactly 1,10; 0,05 € at 21 %: 0,0086… → 0,01.
    expect(taxInside(1800, 2100)).toEqual({ baseMinor: 1488, taxMinor: 312 });
    expect(taxInside(1210, 1000)).toEqual({ baseMinor: 1100, taxMinor: 110 });
    expect(taxInside(5, 2100)).toEqual({ baseMinor: 4, taxMinor: 1 });
    // 2,42 € at 10 %: 0,22 exactly; 1,05 € at 4 %: 0,0403… → 0,04; 0 % has no tax.
    expect(taxInside(242, 1000)).toEqual({ baseMinor: 220, taxMinor: 22 });
    expect(taxInside(105, 400)).toEqual({ baseMinor: 101, taxMinor: 4 });
    expect(taxInside(999, 0)).toEqual({ baseMinor: 999, taxMinor: 0 });
    // Exactly half a cent goes up: 0,13 € at 4 % holds 0,005 € of tax.
    expect(taxInside(13, 400)).toEqual({ baseMinor: 12, taxMinor: 1 });
    expect(taxInside(-13, 400)).toEqual({ baseMinor: -12, taxMinor: -1 });
    // A correction: the same amounts with the sign turned.
    expect(taxInside(-1800, 2100)).toEqual({ baseMinor: -1488, taxMinor: -312 });
  });

  it('base + tax is the price for any amount and rate, and the tax is the nearest cent to the exact one', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000 }), (total, rate) => {
        const { baseMinor, taxMinor } = taxInside(total, rate);
        expect(baseMinor + taxMinor).toBe(total);
        const exact = (total * rate) / (10_000 + rate);
        expect(Math.abs(taxMinor - exact)).toBeLessThanOrEqual(0.5 + 1e-9);
      }),
    );
  });

  it('the breakdown sums the lines per rate, highest first; a correction negates it', () => {
    const lines = [
      { rateBp: 1000, totalMinor: 2420, taxMinor: 220 },
      { rateBp: 2100, totalMinor: 1800, taxMinor: 312 },
      { rateBp: 2100, totalMinor: 4500, taxMinor: 781 },
    ];
    expect(breakdown(lines)).toEqual([
      { rateBp: 2100, baseMinor: 5207, taxMinor: 1093 },
      { rateBp: 1000, baseMinor: 2200, taxMinor: 220 },
    ]);
    expect(negated(breakdown(lines))[0]).toEqual({ rateBp: 2100, baseMinor: -5207, taxMinor: -1093 });
  });
});

describe('the country gives the rates', () => {
  it('Spain 21/10/4/0, Chile 19/0, Mexico 16/8/0; a rate the country does not have is refused', () => {
    expect(vatRatesOf('ES')).toEqual([2100, 1000, 400, 0]);
    expect(defaultVatRate('CL')).toBe(1900);
    expect(defaultVatRate('MX')).toBe(1600);
    expect(isVatRateOf('ES', 1900)).toBe(false);
    expect(isVatRateOf('CL', 1900)).toBe(true);
    expect(isVatRateOf('PT', 2300)).toBe(true);
  });
});

describe('numbering and the QR address', () => {
  it('a series per kind of document, desk and year', () => {
    expect(invoiceSeries('simplified', '7KQ2', '2027-03-01')).toBe('FS-7KQ2-2027');
    expect(invoiceSeries('corrective', '7KQ2', '2028-01-01')).toBe('R-7KQ2-2028');
    expect(invoiceFullNumber('F-7KQ2-2027', 12)).toBe('F-7KQ2-2027-12');
  });

  it('the AEAT validation address with the values encoded, the date dd-mm-yyyy and two decimals', () => {
    // As published examples of the AEAT's QR specification show it (a "/" in the number is encoded).
    expect(verifactuQrUrl({ issuerTaxId: 'B88752210', number: '1/25A-321', issuedOn: '2025-01-05', totalMinor: 56_700 })).toBe(
      'https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR?nif=B88752210&numserie=1%2F25A-321&fecha=05-01-2025&importe=567.00',
    );
    expect(verifactuQrUrl({ issuerTaxId: 'B43752210', number: 'E-12345', issuedOn: '2025-04-23', totalMinor: 12_345 }, 'test')).toBe(
      'https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR?nif=B43752210&numserie=E-12345&fecha=23-04-2025&importe=123.45',
    );
  });
});
