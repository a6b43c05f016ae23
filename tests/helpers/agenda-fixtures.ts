import type { SeriesCreateInput } from '../../src-shared/api/series';
import { addDays, weekdayOf } from '../../src-main/engine/time/local-time';
import type { TempApi } from './temp-api';

/** A 1×1 transparent PNG: a real image the cover check accepts. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const tinyPngDataUrl = `data:image/png;base64,${tinyPng.toString('base64')}`;
/** A 1×1 GIF: a real image of a type covers do not take. */
export const tinyGifDataUrl = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

export const unknownId = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

/** The calendar date of an instant in a zone. */
export function localDateOf(instant: Date | string, timeZone = 'Europe/Madrid'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** The wall-clock HH:MM of an instant in a zone. */
export function localTimeOf(instant: Date | string, timeZone = 'Europe/Madrid'): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

// Plain calendar arithmetic is the engine's own; the zone conversions above stay an independent check.
export { addDays, weekdayOf };

/** Today's local date in the centre's zone, shifted by n days. */
export function dayFromToday(n: number, timeZone = 'Europe/Madrid'): string {
  return addDays(localDateOf(new Date(), timeZone), n);
}

/** The first date on or after `from` that falls on `weekday` (1 = Monday). */
export function nextWeekday(from: string, weekday: number): string {
  return addDays(from, (weekday - weekdayOf(from) + 7) % 7);
}

export interface AgendaWorld {
  ana: string;
  bea: string;
  clients: string[];
}

/** `count` clients, Cliente 01… with phones 612345001…, in order. */
export async function numberedClients(api: TempApi, count: number): Promise<string[]> {
  const clients: string[] = [];
  for (let i = 1; i <= count; i++) {
    const suffix = String(i).padStart(2, '0');
    clients.push((await api.call('clients.create', { firstName: 'Cliente', lastName: suffix, phone: `6123450${suffix}` })).client.id);
  }
  return clients;
}

/** Two professionals and `clientCount` clients (Cliente 01…). */
export async function agendaWorld(api: TempApi, clientCount = 6): Promise<AgendaWorld> {
  const ana = (await api.call('staff.create', { name: 'Ana Profe', role: 'professional' })).id;
  const bea = (await api.call('staff.create', { name: 'Bea Profe', role: 'professional' })).id;
  return { ana, bea, clients: await numberedClients(api, clientCount) };
}

/** A session in the future (a one-off a week from today unless told otherwise). */
export async function createSeries(api: TempApi, organizerId: string, over: Partial<SeriesCreateInput> = {}) {
  return api.call('series.create', {
    title: 'Pilates',
    organizerId,
    startDate: dayFromToday(7),
    startTime: '09:00',
    durationMin: 60,
    places: 2,
    ...over,
  });
}

/** The occurrences of a series, in order, straight from the file. */
export function occurrencesOf(api: TempApi, seriesId: string): { id: string; local_date: string; local_start: string; starts_at: string; status: string; title: string }[] {
  return api.host.database.sqlite
    .prepare('SELECT id, local_date, local_start, starts_at, status, title FROM occurrences WHERE series_id = ? ORDER BY local_date, starts_at')
    .all(seriesId) as never;
}

export function countRows(api: TempApi, ...tables: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number(api.host.database.sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get());
  return counts;
}
