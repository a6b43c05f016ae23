import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits, moneyInputText, parseMoney } from '../../src-renderer/lib/money';

/** Intl puts a no-break space before "€": compared with a plain one. */
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('minor units of a currency', () => {
  it('knows how many digits a currency has, and assumes 2 for one it does not know', () => {
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('CLP')).toBe(0);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('not-a-currency')).toBe(2);
  });
});

describe('a price as the desk types it', () => {
  it('reads a comma or a point as the decimal separator', () => {
    expect(parseMoney('12,50', 'EUR')).toBe(1250);
    expect(parseMoney('12.5', 'EUR')).toBe(1250);
    expect(parseMoney('12', 'EUR')).toBe(1200);
    expect(parseMoney('0,05', 'EUR')).toBe(5);
    expect(parseMoney('0', 'EUR')).toBe(0);
  });

  it('leaves out spaces and the currency sign', () => {
    expect(parseMoney(' 12,50 € ', 'EUR')).toBe(1250);
    expect(parseMoney('€12.50', 'EUR')).toBe(1250);
  });

  it('reads a lone separator followed by three digits as thousands', () => {
    expect(parseMoney('1.200', 'EUR')).toBe(120_000);
    expect(parseMoney('1,200', 'EUR')).toBe(120_000);
  });

  it('reads thousands and decimals together, either way round', () => {
    expect(parseMoney('1.234,56', 'EUR')).toBe(123_456);
    expect(parseMoney('1,234.56', 'EUR')).toBe(123_456);
    expect(parseMoney('1.234.567,8', 'EUR')).toBe(123_456_780);
  });

  it('has no decimals in a currency without minor units', () => {
    expect(parseMoney('1.500', 'CLP')).toBe(1500);
    expect(parseMoney('1500', 'CLP')).toBe(1500);
    expect(parseMoney('1,000', 'JPY')).toBe(1000);
  });

  it('refuses what is not a price: empty, words, a negative amount', () => {
    expect(parseMoney('', 'EUR')).toBeNull();
    expect(parseMoney('   ', 'EUR')).toBeNull();
    expect(parseMoney('gratis', 'EUR')).toBeNull();
    expect(parseMoney('-5', 'EUR')).toBeNull();
  });
});

describe('a price shown', () => {
  it('formats minor units the locale way', () => {
    expect(plain(formatMoney(1250, 'EUR', 'es-ES'))).toBe('12,50 €');
    expect(formatMoney(1250, 'EUR', 'en-GB')).toBe('€12.50');
    expect(plain(formatMoney(150_000, 'CLP', 'es-CL'))).toBe('$150.000');
  });

  it('starts a price input with the amount, no grouping, that reads back the same', () => {
    expect(moneyInputText(1250, 'EUR', 'es-ES')).toBe('12,50');
    expect(moneyInputText(123_456, 'EUR', 'en')).toBe('1234.56');
    expect(moneyInputText(1500, 'CLP', 'es-CL')).toBe('1500');
    for (const [minor, currency, locale] of [
      [1250, 'EUR', 'es-ES'],
      [5, 'EUR', 'es-ES'],
      [123_456, 'EUR', 'en'],
      [99_999_900, 'EUR', 'de-DE'],
      [1500, 'CLP', 'es-CL'],
    ] as const) {
      expect(parseMoney(moneyInputText(minor, currency, locale), currency)).toBe(minor);
    }
  });
});
