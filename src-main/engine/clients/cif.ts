/** Letters of a company's NIF (formerly CIF): the kind of entity (A sociedad anónima, B limitada…). */
const entityLetters = 'ABCDEFGHJNPQRSUVW';
/** The control as a letter: J for 0, A for 1 … I for 9. */
const controlLetters = 'JABCDEFGHI';
/** Entities whose control is always a letter (public bodies, non-residents, religious orders…). */
const letterControl = 'NPQRSW';
/** Entities whose control is always a digit (companies, co-owners). */
const digitControl = 'ABEH';

/** The control digit of a company NIF's seven digits (Orden EHA/451/2008): odd places doubled, digits summed. */
export function cifControlDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const n = Number(digits[i]);
    // Places 1, 3, 5, 7 (index 0, 2, 4, 6) count doubled, each digit of the double added.
    sum += i % 2 === 0 ? Math.floor((2 * n) / 10) + ((2 * n) % 10) : n;
  }
  return (10 - (sum % 10)) % 10;
}

/** A Spanish company's NIF (CIF): entity letter, 7 digits, control digit or letter. Returns "B12345674" or null. */
export function normalizeCif(raw: string): string | null {
  const compact = raw.replace(/[\s.-]/g, '').toUpperCase();
  const match = /^([A-Z])(\d{7})([A-Z\d])$/.exec(compact);
  if (!match) return null;
  const [, entity, digits, control] = match as unknown as [string, string, string, string];
  if (!entityLetters.includes(entity)) return null;
  const digit = cifControlDigit(digits);
  const asDigit = control === String(digit);
  const asLetter = control === controlLetters[digit];
  const ok = letterControl.includes(entity) ? asLetter : digitControl.includes(entity) ? asDigit : asDigit || asLetter;
  return ok ? compact : null;
}
