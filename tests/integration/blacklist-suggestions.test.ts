import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blacklistDismissalPart } from '../../src-main/export/blacklist-part';
import { historyWriter, type HistoryWriter } from '../helpers/client-history';
import { fixClock } from '../helpers/fixed-clock';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { rowCounts } from './db-inspect';

/** Monday 1 March 2027: the default window (6 months) starts on 1 September 2026. */
const NOW = '2027-03-01T09:00:00.000Z';

let api: TempApi;
let history: HistoryWriter;
let w: { marta: string; corte: string; yogaSeries: string; ana: string; eva: string; luz: string; bruno: string };

beforeEach(async () => {
  fixClock(NOW);
  api = await openTempApi();
  history = historyWriter(api.host.database.sqlite, 'Europe/Madrid');
  const marta = (await api.call('staff.create', { name: 'Marta', role: 'professional' })).id;
  const corte = (await api.call('services.create', { name: 'Corte', durationMin: 30, priceMinor: 1800 })).id;
  const { series } = await api.call('series.create', { title: 'Pilates', organizerId: marta, startDate: '2027-03-08', startTime: '18:00', durationMin: 60, places: 8 });
  const client = async (firstName: string, phone?: string) => (await api.call('clients.create', { firstName, lastName: 'Prueba', ...(phone ? { phone } : {}) })).client.id;
  w = { marta, corte, yogaSeries: series.id, ana: await client('Ana', '612345678'), eva: await client('Eva'), luz: await client('Luz'), bruno: await client('Bruno') };
});
afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

const noShow = (clientId: string, startsAt: string) => history.appointment({ clientId, staffId: w.marta, serviceId: w.corte, startsAt, status: 'no_show' });
const classNoShow = (clientId: string, startsAt: string) =>
  history.booking({ clientId, seriesId: w.yogaSeries, title: 'Pilates', organizerId: w.marta, startsAt, status: 'no_show' });
/** Cancelled `hoursBefore` hours before the start. */
const cancelled = (clientId: string, startsAt: string, hoursBefore: number) =>
  history.appointment({ clientId, staffId: w.marta, serviceId: w.corte, startsAt, status: 'cancelled', cancelledAt: new Date(Date.parse(startsAt) - hoursBefore * 3_600_000).toISOString() });

describe('blacklist suggestions', () => {
  beforeEach(() => {
    noShow(w.ana, '2026-08-20T08:00:00.000Z'); // before the window
    noShow(w.ana, '2026-10-01T08:00:00.000Z');
    classNoShow(w.ana, '2026-12-01T17:00:00.000Z');
    noShow(w.ana, '2027-02-01T09:00:00.000Z');
    noShow(w.eva, '2026-11-01T08:00:00.000Z');
    noShow(w.eva, '2026-11-15T08:00:00.000Z');
    cancelled(w.eva, '2027-01-10T08:00:00.000Z', 2);
    cancelled(w.eva, '2027-01-20T08:00:00.000Z', 11);
    cancelled(w.eva, '2027-02-10T08:00:00.000Z', 0.5);
    cancelled(w.eva, '2027-02-12T08:00:00.000Z', 48); // in time: not evidence
    noShow(w.luz, '2027-01-05T08:00:00.000Z');
    noShow(w.luz, '2027-01-06T08:00:00.000Z');
    for (const day of ['05', '06', '07', '08']) noShow(w.bruno, `2027-01-${day}T08:00:00.000Z`);
  });
  // Already blacklisted: never suggested, whatever his record.
  beforeEach(async () => {
    await api.call('clients.setBlacklist', { id: w.bruno, blacklisted: true, reason: 'Impagos' });
  });

  it('suggests the clients past the default thresholds, with the evidence, and blacklists nobody', async () => {
    const list = await api.call('blacklistSuggestions.list', {});
    expect(list.map((s) => [s.clientName, s.noShows, s.lateCancellations, s.reasons])).toEqual([
      ['Eva Prueba', 2, 3, ['late_cancellation']],
      ['Ana Prueba', 3, 0, ['no_show']],
    ]);
    const ana = list[1]!;
    expect(ana).toMatchObject({ clientId: w.ana, phone: '+34612345678' });
    expect(ana.incidents.map((i) => [i.kind, i.source, i.startsAt, i.title])).toEqual([
      ['no_show', 'appointment', '2027-02-01T09:00:00.000Z', 'Corte'],
      ['no_show', 'session', '2026-12-01T17:00:00.000Z', 'Pilates'],
      ['no_show', 'appointment', '2026-10-01T08:00:00.000Z', 'Corte'],
    ]);
    const eva = list[0]!;
    expect(eva.incidents.filter((i) => i.kind === 'late_cancellation').map((i) => i.cancelledAt)).toEqual([
      '2027-02-10T07:30:00.000Z',
      '2027-01-19T21:00:00.000Z',
      '2027-01-10T06:00:00.000Z',
    ]);
    expect(await api.call('blacklistSuggestions.forClient', { clientId: w.ana })).toEqual(ana);
    expect(await api.call('blacklistSuggestions.forClient', { clientId: w.luz })).toBeNull();
    // Nothing automatic: nobody else is on the blacklist.
    const blacklisted = api.host.database.sqlite.prepare('SELECT id FROM clients WHERE blacklisted = 1').pluck().all();
    expect(blacklisted).toEqual([w.bruno]);
  });

  it('follows the thresholds and windows the centre sets', async () => {
    expect(await api.call('blacklistRules.get', {})).toEqual({ noShowCount: 3, noShowMonths: 6, lateCancelCount: 3, lateCancelMonths: 6 });
    await api.call('blacklistRules.update', { noShowCount: 2, lateCancelCount: 0 });
    expect((await api.call('blacklistSuggestions.list', {})).map((s) => [s.clientName, s.reasons])).toEqual([
      ['Ana Prueba', ['no_show']],
      ['Luz Prueba', ['no_show']],
      ['Eva Prueba', ['no_show']],
    ]);
    // Off, the late cancellations are no longer evidence either.
    expect((await api.call('blacklistSuggestions.forClient', { clientId: w.eva }))!.incidents.every((i) => i.kind === 'no_show')).toBe(true);
    // One month back: only Ana's 1 February no-show is in the window, and 2 are needed.
    const rules = await api.call('blacklistRules.update', { noShowMonths: 1, noShowCount: 1 });
    expect(rules).toEqual({ noShowCount: 1, noShowMonths: 1, lateCancelCount: 0, lateCancelMonths: 6 });
    expect((await api.call('blacklistSuggestions.list', {})).map((s) => [s.clientName, s.noShows])).toEqual([['Ana Prueba', 1]]);
    // Seven months: Ana's August no-show counts too.
    await api.call('blacklistRules.update', { noShowMonths: 7 });
    expect((await api.call('blacklistSuggestions.forClient', { clientId: w.ana }))!.noShows).toBe(4);
  });

  it('refuses bad thresholds beside each field and writes nothing', async () => {
    const before = rowCounts(api.host.database.sqlite);
    const error = await api.refuse('blacklistRules.update', { noShowCount: -1, noShowMonths: 0, lateCancelCount: 2.5 });
    expect((error.fields ?? []).map((f) => f.field).sort()).toEqual(['lateCancelCount', 'noShowCount', 'noShowMonths']);
    expect(error.fields?.every((f) => f.message.length > 0)).toBe(true);
    expect(await api.refuse('blacklistRules.update', { noShowCount: 3, extra: 1 })).toMatchObject({ code: 'invalid_input' });
    expect(rowCounts(api.host.database.sqlite)).toEqual(before);
  });

  it('a dismissal holds until a new incident', async () => {
    const { dismissedThrough } = await api.call('blacklistSuggestions.dismiss', { clientId: w.ana });
    expect(dismissedThrough).toBe('2027-02-01T09:00:00.000Z');
    expect(await api.call('blacklistSuggestions.forClient', { clientId: w.ana })).toBeNull();
    expect((await api.call('blacklistSuggestions.list', {})).map((s) => s.clientName)).not.toContain('Ana Prueba');
    // Nothing left to dismiss: said on the field, nothing written.
    const before = rowCounts(api.host.database.sqlite);
    expect(await api.refuse('blacklistSuggestions.dismiss', { clientId: w.ana })).toMatchObject({ code: 'no_blacklist_suggestion', field: 'clientId' });
    expect(await api.refuse('blacklistSuggestions.dismiss', { clientId: w.luz })).toMatchObject({ code: 'no_blacklist_suggestion', field: 'clientId' });
    expect(await api.refuse('blacklistSuggestions.dismiss', { clientId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).toMatchObject({ code: 'not_found', field: 'clientId' });
    expect(rowCounts(api.host.database.sqlite)).toEqual(before);

    // A new no-show brings it back, with all the evidence.
    noShow(w.ana, '2027-02-20T09:00:00.000Z');
    const again = await api.call('blacklistSuggestions.forClient', { clientId: w.ana });
    expect(again?.noShows).toBe(4);
    expect(again?.incidents[0]?.startsAt).toBe('2027-02-20T09:00:00.000Z');
  });

  it('a blacklisted client is no longer suggested; erasing a client erases their dismissal', async () => {
    await api.call('blacklistSuggestions.dismiss', { clientId: w.eva });
    expect(api.host.database.sqlite.prepare('SELECT count(*) FROM blacklist_dismissals').pluck().get()).toBe(1);
    await api.call('clients.setBlacklist', { id: w.ana, blacklisted: true, reason: 'No se presentó 3 veces' });
    expect(await api.call('blacklistSuggestions.list', {})).toEqual([]);
    // The data-subject export carries the dismissal.
    const part = await blacklistDismissalPart(w.eva, { db: api.host.database.db, caller: { staffId: null, role: 'owner', deskId: 'x', approvedBy: null }, dataDir: api.dir });
    expect(part).toEqual({ name: 'blacklistDismissal', data: { dismissedThrough: '2027-02-10T08:00:00.000Z', dismissedBy: null, dismissedAt: NOW } });
    await api.call('clients.delete', { id: w.eva });
    expect(api.host.database.sqlite.prepare('SELECT count(*) FROM blacklist_dismissals').pluck().get()).toBe(0);
    expect(api.host.database.sqlite.prepare("SELECT count(*) FROM feed WHERE tbl = 'blacklist_dismissals' AND subject_client_id = ? AND data IS NOT NULL AND op != 'delete'").pluck().get(w.eva)).toBe(0);
  });
});
