/** Chilean RUT: body and check digit (modulo 11, 10 → K, 11 → 0). Returns "12345678-5" or null. */
export function normalizeRut(raw: string): string | null {
  const compact = raw.replace(/[.\s-]/g, '').toUpperCase();
  const match = /^(\d{1,8})([\dK])$/.exec(compact);
  if (!match) return null;
  const body = match[1]!.replace(/^0+/, '');
  if (body === '') return null;
  return rutCheckDigit(body) === match[2] ? `${body}-${match[2]}` : null;
}

export function rutCheckDigit(body: string): string {
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    sum += Number(body[i]) * factor;
    factor = factor === 7 ? 2 : factor + 1;
  }
  const digit = 11 - (sum % 11);
  return digit === 11 ? '0' : digit === 10 ? 'K' : String(digit);
}
