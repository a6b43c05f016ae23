/** The SAT's alphabet for the RFC's check digit: each character's value is its place. */
const alphabet = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';

/** The generic RFCs of CFDI: the general public (público en general) and foreign clients. */
export const genericRfcs: readonly string[] = ['XAXX010101000', 'XEXX010101000'];

/**
 * The RFC's last character, over the 11 (company) or 12 (person) before it: the company's are
 * right-aligned with a space in front, each value weighted 13 down to 2, modulo 11 (10 → A).
 */
export function rfcCheckDigit(body: string): string {
  const padded = body.padStart(12, ' ');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += alphabet.indexOf(padded[i]!) * (13 - i);
  return alphabet[(11 - (sum % 11)) % 11]!;
}

function isDate(yymmdd: string): boolean {
  const [yy, mm, dd] = [Number(yymmdd.slice(0, 2)), Number(yymmdd.slice(2, 4)), Number(yymmdd.slice(4, 6))];
  if (mm < 1 || mm > 12 || dd < 1) return false;
  // The century is not in the RFC: 29 February is allowed on any year divisible by 4 (2000 was leap).
  const days = [31, yy % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mm - 1]!;
  return dd <= days;
}

/**
 * A Mexican RFC: 3 letters (a company, 12 characters) or 4 (a person, 13), the date of
 * incorporation or birth (YYMMDD), a 2-character homoclave and the check digit. The generic RFCs
 * (público en general, foreigners) only where allowGeneric: a client, never the issuer.
 */
export function normalizeRfc(raw: string, allowGeneric: boolean): string | null {
  const compact = raw.replace(/[\s.-]/g, '').toUpperCase();
  if (genericRfcs.includes(compact)) return allowGeneric ? compact : null;
  const match = /^([A-ZÑ&]{3,4})(\d{6})([A-Z\d]{2})([A\d])$/.exec(compact);
  if (!match) return null;
  const [, , date, , check] = match as unknown as [string, string, string, string, string];
  if (!isDate(date)) return null;
  return rfcCheckDigit(compact.slice(0, -1)) === check ? compact : null;
}
