/** Money in integer minor units of the centre's currency; the locale is the UI's (currentLocale()). */

/** The number of minor units in one major unit of a currency (EUR 2, CLP 0). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** 1250 (cents) in EUR → "12,50 €" in es-ES. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** digits);
  } catch {
    return (minor / 10 ** digits).toFixed(digits);
  }
}

/** What the desk typed ("12,50", "12.5", "1.200") as minor units; null when it is not a price. */
export function parseMoney(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  let s = text.trim().replace(/[^\d.,-]/g, '');
  if (!s) return null;
  const lastSep = Math.max(s.lastIndexOf(','), s.lastIndexOf('.'));
  // A separator followed by exactly 3 digits in a currency with decimals is a thousands separator when it is the only one.
  if (lastSep >= 0) {
    const decimals = s.length - lastSep - 1;
    const isDecimal = digits > 0 && decimals > 0 && decimals <= digits;
    const whole = s.slice(0, lastSep).replace(/[.,]/g, '');
    const fraction = s.slice(lastSep + 1);
    s = isDecimal ? `${whole}.${fraction}` : `${whole}${fraction}`;
  }
  const value = Number(s);
  if (!Number.isFinite(value) || value < 0) return null;
  return Math.round(value * 10 ** digits);
}

/** Minor units as the text a price input starts with ("12,50"). */
export function moneyInputText(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(minor / 10 ** digits);
}
