import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aeatAmount, altaInput, anulacionInput, fingerprint, generationTimestamp } from '../../src-main/engine/fiscal/fingerprint';

// The AEAT's worked examples ("Detalle de las especificaciones técnicas para la generación de la huella", v0.1.2).
const first = {
  issuerTaxId: '89890001K',
  number: '12345678/G33',
  issuedOn: '2024-01-01',
  invoiceType: 'F1',
  taxMinor: 1235,
  totalMinor: 12345,
  previousFingerprint: null,
  generatedAt: '2024-01-01T19:20:30+01:00',
};

describe('the VERI*FACTU fingerprint of a registration record', () => {
  it('gives the AEAT example its published fingerprint, and the chained example its own', () => {
    expect(altaInput(first)).toBe(
      'IDEmisorFactura=89890001K&NumSerieFactura=12345678/G33&FechaExpedicionFactura=01-01-2024&TipoFactura=F1&CuotaTotal=12.35&ImporteTotal=123.45&Huella=&FechaHoraHusoGenRegistro=2024-01-01T19:20:30+01:00',
    );
    const one = fingerprint(altaInput(first));
    expect(one).toBe('3C464DAF61ACB827C65FDA19F352A4E3BDC2C640E9E9FC4CC058073F38F12F60');
    const two = fingerprint(altaInput({ ...first, number: '12345679/G34', previousFingerprint: one, generatedAt: '2024-01-01T19:20:35+01:00' }));
    expect(two).toBe('F7B94CFD8924EDFF273501B01EE5153E4CE8F259766F88CF6ACB8935802A2B97');
  });

  it('trims values and keeps an empty one as name=', () => {
    expect(fingerprint(altaInput({ ...first, issuerTaxId: ' 89890001K ', number: '12345678/G33  ' }))).toBe('3C464DAF61ACB827C65FDA19F352A4E3BDC2C640E9E9FC4CC058073F38F12F60');
    expect(anulacionInput({ issuerTaxId: '89890001K', number: 'A-1', issuedOn: '2024-02-29', previousFingerprint: null, generatedAt: '2024-03-01T10:00:00+01:00' })).toBe(
      'IDEmisorFacturaAnulada=89890001K&NumSerieFacturaAnulada=A-1&FechaExpedicionFacturaAnulada=29-02-2024&Huella=&FechaHoraHusoGenRegistro=2024-03-01T10:00:00+01:00',
    );
  });

  it('changes when any field changes (any amount, number or link of the chain)', () => {
    const base = fingerprint(altaInput(first));
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.string({ minLength: 1, maxLength: 20 }), (total, number) => {
        fc.pre(total !== first.totalMinor && number.trim() !== first.number && number.trim() !== '');
        expect(fingerprint(altaInput({ ...first, totalMinor: total }))).not.toBe(base);
        expect(fingerprint(altaInput({ ...first, number }))).not.toBe(base);
      }),
    );
    expect(fingerprint(altaInput({ ...first, previousFingerprint: base }))).not.toBe(base);
  });
});

describe('the record fields as the AEAT writes them', () => {
  it('writes amounts with a dot and two decimals, negatives for corrections', () => {
    expect([aeatAmount(0), aeatAmount(5), aeatAmount(1235), aeatAmount(-1235), aeatAmount(100_000_00)]).toEqual(['0.00', '0.05', '12.35', '-12.35', '100000.00']);
  });

  it("writes the generation time in the centre's zone with its offset then, across daylight saving", () => {
    expect(generationTimestamp(new Date('2024-01-01T18:20:30.700Z'), 'Europe/Madrid')).toBe('2024-01-01T19:20:30+01:00');
    expect(generationTimestamp(new Date('2024-07-01T18:20:30Z'), 'Europe/Madrid')).toBe('2024-07-01T20:20:30+02:00');
    expect(generationTimestamp(new Date('2024-03-31T00:59:59Z'), 'Europe/Madrid')).toBe('2024-03-31T01:59:59+01:00');
    expect(generationTimestamp(new Date('2024-03-31T01:00:00Z'), 'Europe/Madrid')).toBe('2024-03-31T03:00:00+02:00');
    expect(generationTimestamp(new Date('2024-07-01T18:20:30Z'), 'America/Santiago')).toBe('2024-07-01T14:20:30-04:00');
    expect(generationTimestamp(new Date('2024-01-01T12:00:00Z'), 'Atlantic/Canary')).toBe('2024-01-01T12:00:00+00:00');
  });
});
