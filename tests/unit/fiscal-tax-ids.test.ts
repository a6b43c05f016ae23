import { describe, expect, it } from 'vitest';
import { cifControlDigit, normalizeCif } from '../../src-main/engine/clients/cif';
import { normalizeRfc, rfcCheckDigit } from '../../src-main/engine/clients/rfc';
import { normalizeTaxId } from '../../src-main/engine/clients/tax-id';
import { AppError } from '../../src-main/errors/app-error';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe("a Spanish company's NIF (CIF)", () => {
  it('computes the control over the seven digits: odd places doubled and their digits added', () => {
    // 1234567: 2+6+(1+0)+(1+4) = 14 for the odd places, 2+4+6 = 12 for the even ones; 26 → 4.
    expect(cifControlDigit('1234567')).toBe(4);
    expect(cifControlDigit('2815906')).toBe(9);
    expect(cifControlDigit('8765432')).toBe(3);
    expect(cifControlDigit('5800000')).toBe(1);
  });

  it.each([
    ['B12345674', 'B12345674', 'a limitada: a digit'],
    ['b-12345674', 'B12345674', 'typed in lower case with a dash'],
    ['A 28159069', 'A28159069', 'a sociedad anónima'],
    ['Q5800000A', 'Q5800000A', 'a public body: the letter (1 → A)'],
    ['S2800000H', 'S2800000H', 'a state body: the letter (8 → H)'],
    ['G87654323', 'G87654323', 'an association: a digit…'],
    ['G8765432C', 'G8765432C', '…or the letter (3 → C)'],
  ])('accepts %j as %s (%s)', (typed, stored) => {
    expect(normalizeCif(typed)).toBe(stored);
    expect(normalizeTaxId(typed, 'ES')).toBe(stored);
  });

  it.each([
    ['B12345670', 'wrong control digit'],
    ['B1234567D', 'a limitada with a letter control'],
    ['Q58000001', 'a public body with a digit control'],
    ['I12345674', 'no entity has the letter I'],
    ['B1234567', 'six digits and a control'],
    ['B123456745', 'eight digits'],
  ])('refuses %j (%s)', (typed) => {
    expect(normalizeCif(typed)).toBeNull();
    expect(refusal(() => normalizeTaxId(typed, 'ES'))).toMatchObject({ code: 'invalid_tax_id', field: 'taxId' });
  });

  it('still takes a self-employed centre’s DNI or NIE', () => {
    expect(normalizeTaxId('12345678z', 'ES', { issuer: true })).toBe('12345678Z');
    expect(normalizeTaxId('X1234567L', 'ES', { issuer: true })).toBe('X1234567L');
  });
});

describe('a Mexican RFC', () => {
  it('computes the check digit over the 11 or 12 characters before it (weights 13…2, modulo 11, 10 → A)', () => {
    expect(rfcCheckDigit('SAT970701NN')).toBe('3'); // the SAT's own RFC
    expect(rfcCheckDigit('GODE561231GR')).toBe('8');
    expect(rfcCheckDigit('MAB9307148T')).toBe('4');
    expect(rfcCheckDigit('CEM0101011A')).toBe('5');
    expect(rfcCheckDigit('AÑO010101AB')).toBe('3');
  });

  it.each([
    ['SAT970701NN3', 'SAT970701NN3', 'a company: 12 characters'],
    ['MAB-930714-8T4', 'MAB9307148T4', 'typed with dashes'],
    ['gode 561231 gr8', 'GODE561231GR8', 'a person: 13 characters, lower case'],
    ['PEMJ800229AB2', 'PEMJ800229AB2', 'born on 29 February'],
    ['B&M0702154K1', 'B&M0702154K1', 'a company with & in its name'],
    ['AÑO010101AB3', 'AÑO010101AB3', 'a company with Ñ'],
  ])('accepts %j as %s (%s)', (typed, stored) => {
    expect(normalizeRfc(typed, false)).toBe(stored);
    expect(normalizeTaxId(typed, 'MX', { issuer: true })).toBe(stored);
  });

  it.each([
    ['SAT970701NN4', 'wrong check digit'],
    ['VACE460910SX6', 'wrong check digit (a real-looking person)'],
    ['SAT971301NN3', 'month 13'],
    ['PEMJ810229AB2', '29 February of a year that is not leap'],
    ['SA970701NN3', 'two letters'],
    ['COMG600703', 'no homoclave'],
    ['12345678Z', 'a Spanish DNI'],
  ])('refuses %j (%s)', (typed) => {
    expect(normalizeRfc(typed, true)).toBeNull();
    expect(refusal(() => normalizeTaxId(typed, 'MX'))).toMatchObject({ code: 'invalid_tax_id', field: 'taxId' });
  });

  it('takes the generic RFCs (público en general, foreign client) for a client, never for the centre itself', () => {
    for (const generic of ['XAXX010101000', 'XEXX010101000']) {
      expect(normalizeTaxId(generic.toLowerCase(), 'MX')).toBe(generic);
      expect(refusal(() => normalizeTaxId(generic, 'MX', { issuer: true })).code).toBe('invalid_tax_id');
    }
  });
});

describe('a Chilean RUT for the centre', () => {
  it('is checked by the same rule as a client’s', () => {
    expect(normalizeTaxId('76.086.428-5', 'CL', { issuer: true })).toBe('76086428-5');
    expect(refusal(() => normalizeTaxId('76.086.428-4', 'CL', { issuer: true })).code).toBe('invalid_tax_id');
  });
});
