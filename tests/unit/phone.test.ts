import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/errors/app-error';
import { normalizePhone, phoneSearchWords } from '../../src-main/engine/clients/phone';

describe('normalizePhone (E.164)', () => {
  it.each([
    ['612 34 56 78', 'ES', '+34612345678'],
    ['612345678', 'ES', '+34612345678'],
    ['612-34-56-78', 'ES', '+34612345678'],
    ['+34 612 34 56 78', 'ES', '+34612345678'],
    ['0034 612 34 56 78', 'ES', '+34612345678'],
    ['912 345 678', 'ES', '+34912345678'],
    ['9 8765 4321', 'CL', '+56987654321'],
    ['+56 9 8765 4321', 'CL', '+56987654321'],
    ['+56 9 8765 4321', 'ES', '+56987654321'],
    ['+34 612 34 56 78', 'CL', '+34612345678'],
  ])('%j with default country %s is %s', (typed, country, e164) => {
    expect(normalizePhone(typed, country)).toBe(e164);
  });

  it.each([
    ['123', 'ES'],
    ['abc', 'ES'],
    ['612 34 56 7', 'ES'],
    ['612 34 56 789', 'ES'],
    ['', 'ES'],
    ['+34', 'ES'],
    ['1234', 'CL'],
  ])('refuses %j (%s) with invalid_phone on the phone field', (typed, country) => {
    let caught: unknown;
    try {
      normalizePhone(typed, country);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('invalid_phone');
    expect((caught as AppError).field).toBe('phone');
  });
});

describe('phoneSearchWords', () => {
  it('indexes the international and the national digits', () => {
    expect(phoneSearchWords('+34612345678')).toEqual(['34612345678', '612345678']);
    expect(phoneSearchWords('+56987654321')).toEqual(['56987654321', '987654321']);
  });

  it('falls back to the bare digits of something it cannot parse', () => {
    expect(phoneSearchWords('+x1')).toEqual(['1']);
  });
});
