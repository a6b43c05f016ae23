import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/errors/app-error';
import { normalizeDniNie } from '../../src-main/engine/clients/dni';
import { normalizeRut, rutCheckDigit } from '../../src-main/engine/clients/rut';
import { normalizeTaxId } from '../../src-main/engine/clients/tax-id';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('Chilean RUT', () => {
  it('computes the modulo-11 check digit, including K and 0', () => {
    expect(rutCheckDigit('12345678')).toBe('5');
    expect(rutCheckDigit('1039595')).toBe('K');
    expect(rutCheckDigit('1055433')).toBe('0');
  });

  it.each([
    ['12.345.678-5', '12345678-5'],
    ['12345678-5', '12345678-5'],
    ['123456785', '12345678-5'],
    [' 12 345 678 - 5 ', '12345678-5'],
    ['1.039.595-k', '1039595-K'],
    ['1039595K', '1039595-K'],
    ['1.055.433-0', '1055433-0'],
    ['01.055.433-0', '1055433-0'],
  ])('accepts %j as %s', (typed, stored) => {
    expect(normalizeRut(typed)).toBe(stored);
    expect(normalizeTaxId(typed, 'CL')).toBe(stored);
  });

  it.each(['12.345.678-4', '12.345.678-K', '1039595-0', '1055433-K', '', '-5', '0-0', 'abc', '123456789-5', '12.345.678-Z'])(
    'refuses %j',
    (typed) => {
      expect(normalizeRut(typed)).toBeNull();
      const error = refusal(() => normalizeTaxId(typed, 'CL'));
      expect(error.code).toBe('invalid_tax_id');
      expect(error.field).toBe('taxId');
    },
  );
});

describe('Spanish DNI and NIE', () => {
  it.each([
    ['12345678Z', '12345678Z'],
    ['12345678z', '12345678Z'],
    ['12.345.678-Z', '12345678Z'],
    ['12 345 678 Z', '12345678Z'],
    ['X1234567L', 'X1234567L'],
    ['x-1234567-l', 'X1234567L'],
    ['Y1234567X', 'Y1234567X'],
    ['Z1234567R', 'Z1234567R'],
  ])('accepts %j as %s', (typed, stored) => {
    expect(normalizeDniNie(typed)).toBe(stored);
    expect(normalizeTaxId(typed, 'ES')).toBe(stored);
  });

  it.each([
    ['12345678A', 'wrong DNI letter'],
    ['X1234567Z', 'wrong NIE letter'],
    ['Y1234567L', 'the X letter on a Y number'],
    ['1234567Z', 'seven-digit DNI'],
    ['X12345678Z', 'eight-digit NIE'],
    ['W1234567L', 'unknown NIE prefix'],
    ['12345678', 'no letter'],
    ['12345678-5', 'a Chilean RUT'],
  ])('refuses %j (%s)', (typed) => {
    expect(normalizeDniNie(typed)).toBeNull();
    expect(refusal(() => normalizeTaxId(typed, 'ES')).code).toBe('invalid_tax_id');
  });
});

describe('other countries', () => {
  it('stores the tax id as typed (trimmed) where we do not know the rules', () => {
    expect(normalizeTaxId('  AB-123.456 x ', 'FR')).toBe('AB-123.456 x');
    expect(normalizeTaxId('12345678A', 'PT')).toBe('12345678A');
    expect(normalizeTaxId('20-12345678-3', 'AR')).toBe('20-12345678-3');
  });
});
