const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Per zone: UTC day number → offset (ms) at that day's 00:00Z. */
const dayOffsets = new Map<string, Map<number, number>>();
const MAX_CACHED_DAYS = 100_000;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function exactOffset(timeZone: string, ms: number): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  return wall - Math.floor(ms / 1000) * 1000;
}

function offsetAtDayStart(timeZone: string, day: number): number {
  let days = dayOffsets.get(timeZone);
  if (!days) {
    days = new Map();
    dayOffsets.set(timeZone, days);
  }
  let offset = days.get(day);
  if (offset === undefined) {
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    offset = exactOffset(timeZone, day * DAY_MS);
    days.set(day, offset);
  }
  return offset;
}

interface Transition {
  at: number;
  before: number;
  after: number;
}
/** Per zone: UTC day number → the offset change inside that day, found once by bisection. */
const transitions = new Map<string, Map<number, Transition>>();

function transitionIn(timeZone: string, day: number, before: number, after: number): Transition {
  let days = transitions.get(timeZone);
  if (!days) {
    days = new Map();
    transitions.set(timeZone, days);
  }
  let found = days.get(day);
  if (!found) {
    let lo = day * DAY_MS;
    let hi = lo + DAY_MS;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (exactOffset(timeZone, mid) === before) lo = mid;
      else hi = mid;
    }
    found = { at: hi, before, after };
    days.set(day, found);
  }
  return found;
}

/**
 * The zone's UTC offset (ms, east positive) at an instant, from cached day starts and transitions —
 * Intl formatting is the slow part. Assumes a zone changes its offset at most once per UTC day.
 */
export function offsetAt(timeZone: string, ms: number): number {
  const day = Math.floor(ms / DAY_MS);
  const before = offsetAtDayStart(timeZone, day);
  const after = offsetAtDayStart(timeZone, day + 1);
  if (before === after) return before;
  return ms < transitionIn(timeZone, day, before, after).at ? before : after;
}
