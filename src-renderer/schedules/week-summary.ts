import type { WeeklyRange } from '../../src-shared/domain/appointments';
import { formatRange } from './time-ranges';

/**
 * The week in one line: days with the same hours run together, days without hours are left out.
 * "lun–vie 09:00–13:00, 16:00–20:00 · sáb 10:00–14:00". Empty when no day has hours.
 * `dayNames` are the short names, Monday first.
 */
export function weekSummary(ranges: readonly WeeklyRange[], dayNames: readonly string[]): string {
  const hours = Array.from({ length: 7 }, (_, i) =>
    ranges
      .filter((r) => r.weekday === i + 1)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map(formatRange)
      .join(', '),
  );
  const parts: string[] = [];
  for (let day = 0; day < 7; day++) {
    const text = hours[day];
    if (!text) continue;
    let last = day;
    while (last + 1 < 7 && hours[last + 1] === text) last++;
    const first = dayNames[day] ?? '';
    const days = last === day ? first : `${first}${last === day + 1 ? ', ' : '–'}${dayNames[last] ?? ''}`;
    parts.push(`${days} ${text}`);
    day = last;
  }
  return parts.join(' · ');
}
