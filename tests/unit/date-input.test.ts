import { describe, expect, it } from 'vitest';
import { formatDateInput, parseDateInput } from '../../src-renderer/lib/date-input';

describe('the date fields’ text', () => {
  it('is written day first: 7/12/2026 in Spanish, 07/12/2026 in British English', () => {
    expect(formatDateInput('2026-12-07', 'es-ES')).toBe('7/12/2026');
    expect(formatDateInput('2026-12-07', 'en-GB')).toBe('07/12/2026');
    expect(formatDateInput('', 'es-ES')).toBe('');
  });

  it('reads what the desk types in the locale’s order, or an ISO date', () => {
    expect(parseDateInput('7/12/2026', 'es-ES')).toBe('2026-12-07');
    expect(parseDateInput('07/12/2026', 'en-GB')).toBe('2026-12-07');
    expect(parseDateInput('7-12-2026', 'es-ES')).toBe('2026-12-07');
    expect(parseDateInput('7.12.2026', 'es-ES')).toBe('2026-12-07');
    expect(parseDateInput(' 2026-12-07 ', 'es-ES')).toBe('2026-12-07');
    // A US locale reads month first: the component follows whatever locale the app uses.
    expect(parseDateInput('12/7/2026', 'en-US')).toBe('2026-12-07');
  });

  it('takes a two-digit or missing year only when lenient (on leaving the field)', () => {
    const today = new Date(2026, 11, 7);
    expect(parseDateInput('7/12/26', 'es-ES', true, today)).toBe('2026-12-07');
    expect(parseDateInput('24/12', 'es-ES', true, today)).toBe('2026-12-24');
    expect(parseDateInput('7/12/26', 'es-ES', false, today)).toBeNull();
    expect(parseDateInput('24/12', 'es-ES', false, today)).toBeNull();
    expect(parseDateInput('7/12/202', 'es-ES', false, today)).toBeNull();
  });

  it('refuses what is no date, or outside 1900–2199', () => {
    for (const text of ['31/2/2027', '0/1/2026', '1/13/2026', 'mañana', '1/2/3/4', '', '7//2026', '1/1/1899', '1/1/2200']) expect(parseDateInput(text, 'es-ES')).toBeNull();
    expect(parseDateInput('29/2/2028', 'es-ES')).toBe('2028-02-29');
  });
});
