import type { SeriesTiming, WeeklyRecurrence } from './types';
import { validateRecurrence } from './validate';
import { lastDateOf } from '../../../src-shared/recurrence/weekly-dates';

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** Keeps "for N weeks" distinguishable from "until" (both are an UNTIL in the RRULE). Not read by rrulestr. */
const WEEKS_LINE = 'X-MOSTRADOR-WEEKS';

export interface ParsedRRule {
  startDate: string;
  startTime: string;
  recurrence: WeeklyRecurrence;
}

const compactDate = (date: string): string => date.replaceAll('-', '');

/**
 * Floating-time RRULE text (no TZID, no Z): times are wall-clock in the series' zone, e.g.
 * 'DTSTART:20250106T090000\nRRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;UNTIL=20250331T235959'.
 * "For N weeks" adds the UNTIL lastDateOf gives plus an 'X-MOSTRADOR-WEEKS:N' line; parse with fromRRule.
 */
export function toRRule(timing: SeriesTiming, recurrence: WeeklyRecurrence): string {
  const problem = validateRecurrence(timing, recurrence);
  if (problem) throw new RangeError(`Invalid recurrence: ${problem.code} (${problem.field})`);
  const days = [...new Set(recurrence.weekdays)].sort((a, b) => a - b).map((d) => DAY_CODES[d - 1]);
  const parts = ['FREQ=WEEKLY', `INTERVAL=${recurrence.intervalWeeks}`, `BYDAY=${days.join(',')}`];
  const last = lastDateOf(timing.startDate, recurrence);
  if (last !== null) parts.push(`UNTIL=${compactDate(last)}T235959`);
  const lines = [`DTSTART:${compactDate(timing.startDate)}T${timing.startTime.replace(':', '')}00`, `RRULE:${parts.join(';')}`];
  if (recurrence.end.kind === 'weeks') lines.push(`${WEEKS_LINE}:${recurrence.end.weeks}`);
  return lines.join('\n');
}

function fail(text: string, why: string): never {
  throw new RangeError(`Unsupported RRULE (${why}): ${text}`);
}

/** Parses text written by toRRule back into its start and WeeklyRecurrence. */
export function fromRRule(text: string): ParsedRRule {
  const lines = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon < 0) fail(text, `bad line '${line}'`);
    lines.set(line.slice(0, colon).trim().toUpperCase(), line.slice(colon + 1).trim());
  }
  const start = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})00$/.exec(lines.get('DTSTART') ?? '');
  if (!start) fail(text, 'DTSTART must be floating YYYYMMDDTHHMM00');
  const rule = new Map<string, string>();
  for (const part of (lines.get('RRULE') ?? fail(text, 'no RRULE')).split(';')) {
    const [key = '', value = ''] = part.split('=');
    rule.set(key.toUpperCase(), value.toUpperCase());
  }
  if (rule.get('FREQ') !== 'WEEKLY') fail(text, 'FREQ must be WEEKLY');
  const weekdays = (rule.get('BYDAY') ?? fail(text, 'no BYDAY'))
    .split(',')
    .map((code) => DAY_CODES.indexOf(code as (typeof DAY_CODES)[number]) + 1)
    .sort((a, b) => a - b);
  if (weekdays.includes(0)) fail(text, 'bad BYDAY');
  const until = /^(\d{4})(\d{2})(\d{2})(T\d{6})?$/.exec(rule.get('UNTIL') ?? '');
  if (rule.has('UNTIL') && !until) fail(text, 'bad UNTIL');
  const startDate = `${start[1]}-${start[2]}-${start[3]}`;
  const untilDate = until ? `${until[1]}-${until[2]}-${until[3]}` : null;
  const weeks = lines.get(WEEKS_LINE);
  const recurrence: WeeklyRecurrence = { weekdays, intervalWeeks: Number(rule.get('INTERVAL') ?? '1'), end: { kind: 'never' } };
  if (weeks !== undefined) recurrence.end = { kind: 'weeks', weeks: Number(weeks) };
  // A series saved when "for N weeks" counted Monday-based weeks keeps the dates it was given: when its
  // UNTIL is not the one lastDateOf gives now, it reads as "until" that date.
  if (untilDate !== null && (weeks === undefined || lastDateOf(startDate, recurrence) !== untilDate)) recurrence.end = { kind: 'until', date: untilDate };
  return { startDate, startTime: `${start[4]}:${start[5]}`, recurrence };
}
