const letters = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter), letter = number mod 23. */
export function normalizeDniNie(raw: string): string | null {
  const compact = raw.replace(/[\s.-]/g, '').toUpperCase();
  const match = /^([XYZ]?)(\d{7,8})([A-Z])$/.exec(compact);
  if (!match) return null;
  const [, prefix, digits, letter] = match as unknown as [string, string, string, string];
  if (prefix === '' && digits.length !== 8) return null;
  if (prefix !== '' && digits.length !== 7) return null;
  const number = Number(`${'XYZ'.indexOf(prefix) === -1 ? '' : 'XYZ'.indexOf(prefix)}${digits}`);
  return letters[number % 23] === letter ? `${prefix}${digits}${letter}` : null;
}
