import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { createSeries, unknownId } from '../helpers/agenda-fixtures';
import { rowCounts } from './db-inspect';

let api: TempApi;
beforeEach(async () => {
  api = await openTempApi();
});
afterEach(async () => {
  await api.close();
});

describe('session types', () => {
  it('creates, lists by name, updates', async () => {
    const yoga = await api.call('sessionTypes.create', { name: 'Yoga', defaultDurationMin: 75 });
    const pilates = await api.call('sessionTypes.create', { name: 'Pilates', colour: '#00aa00', defaultDurationMin: 55, defaultPlaces: 12 });
    expect(yoga).toMatchObject({ name: 'Yoga', defaultDurationMin: 75, defaultPlaces: null });
    expect(pilates).toMatchObject({ colour: '#00aa00', defaultPlaces: 12 });
    expect((await api.call('sessionTypes.list', {})).map((t) => t.name)).toEqual(['Pilates', 'Yoga']);
    const changed = await api.call('sessionTypes.update', { id: yoga.id, defaultPlaces: 8, defaultDurationMin: 60, name: 'Yoga suave' });
    expect(changed).toMatchObject({ name: 'Yoga suave', defaultPlaces: 8, defaultDurationMin: 60 });
    expect((await api.call('sessionTypes.update', { id: yoga.id, defaultPlaces: null })).defaultPlaces).toBeNull();
  });

  it('refuses bad input and duplicates, writing nothing', async () => {
    await api.call('sessionTypes.create', { name: 'Yoga', defaultDurationMin: 60 });
    const before = rowCounts(api.host.database.sqlite);
    expect(await api.refuse('sessionTypes.create', { name: 'yoga', defaultDurationMin: 60 })).toMatchObject({ code: 'duplicate_name' });
    expect(await api.refuse('sessionTypes.create', { name: 'Barre', defaultDurationMin: 0 })).toMatchObject({ code: 'out_of_range', field: 'defaultDurationMin' });
    expect(await api.refuse('sessionTypes.create', { name: 'Barre', defaultDurationMin: 1441 })).toMatchObject({ code: 'out_of_range', field: 'defaultDurationMin' });
    expect(await api.refuse('sessionTypes.create', { name: 'Barre', defaultDurationMin: 60, defaultPlaces: -1 })).toMatchObject({ code: 'out_of_range', field: 'defaultPlaces' });
    expect(await api.refuse('sessionTypes.update', { id: unknownId, name: 'X' })).toMatchObject({ code: 'not_found' });
    expect(rowCounts(api.host.database.sqlite)).toEqual(before);
  });

  it('deletes an unused type, refuses one a series uses (in_use)', async () => {
    const ana = await api.call('staff.create', { name: 'Ana', role: 'professional' });
    const yoga = await api.call('sessionTypes.create', { name: 'Yoga', defaultDurationMin: 60 });
    const barre = await api.call('sessionTypes.create', { name: 'Barre', defaultDurationMin: 60 });
    await createSeries(api, ana.id, { sessionTypeId: yoga.id });
    expect(await api.refuse('sessionTypes.delete', { id: yoga.id })).toMatchObject({ code: 'in_use', field: 'id' });
    expect(await api.call('sessionTypes.delete', { id: barre.id })).toEqual({ id: barre.id });
    expect((await api.call('sessionTypes.list', {})).map((t) => t.name)).toEqual(['Yoga']);
    expect(await api.refuse('sessionTypes.delete', { id: barre.id })).toMatchObject({ code: 'not_found' });
  });

  it("gives a session its type's colour on the agenda", async () => {
    const ana = await api.call('staff.create', { name: 'Ana', role: 'professional', colour: '#111111' });
    const yoga = await api.call('sessionTypes.create', { name: 'Yoga', colour: '#22aa22', defaultDurationMin: 60 });
    const { series } = await createSeries(api, ana.id, { sessionTypeId: yoga.id });
    const meeting = await createSeries(api, ana.id, { kind: 'meeting', title: 'Reunión', sessionTypeId: yoga.id });
    const { occurrences } = await api.call('agenda.range', { from: series.startDate, to: series.startDate });
    expect(occurrences.find((o) => o.seriesId === series.id)?.colour).toBe('#22aa22');
    expect(occurrences.find((o) => o.seriesId === meeting.series.id)?.colour).toBe('#111111');
  });
});

describe('services', () => {
  it('keeps prices as integer minor units and retires services', async () => {
    const cut = await api.call('services.create', { name: 'Corte', durationMin: 30, priceMinor: 1850 });
    const dye = await api.call('services.create', { name: 'Tinte', durationMin: 90, priceMinor: 0 });
    expect(cut).toMatchObject({ name: 'Corte', durationMin: 30, priceMinor: 1850, active: true });
    expect(dye.priceMinor).toBe(0);
    expect(await api.refuse('services.create', { name: 'Mechas', durationMin: 60, priceMinor: 18.5 })).toMatchObject({ field: 'priceMinor' });
    expect(await api.refuse('services.create', { name: 'Mechas', durationMin: 60, priceMinor: -1 })).toMatchObject({ code: 'out_of_range', field: 'priceMinor' });
    expect(await api.refuse('services.create', { name: 'Mechas', durationMin: 60, priceMinor: '18.50' })).toMatchObject({ code: 'invalid_type', field: 'priceMinor' });
    expect(await api.refuse('services.create', { name: 'corte', durationMin: 60, priceMinor: 100 })).toMatchObject({ code: 'duplicate_name' });

    expect(await api.call('services.update', { id: cut.id, priceMinor: 2000, durationMin: 45 })).toMatchObject({ priceMinor: 2000, durationMin: 45 });
    await api.call('services.update', { id: dye.id, active: false });
    expect((await api.call('services.list', {})).map((s) => s.name)).toEqual(['Corte']);
    expect((await api.call('services.list', { includeInactive: true })).map((s) => [s.name, s.active])).toEqual([
      ['Corte', true],
      ['Tinte', false],
    ]);
    const stored = api.host.database.sqlite.prepare('SELECT price_minor, typeof(price_minor) AS t FROM services WHERE id = ?').get(cut.id);
    expect(stored).toEqual({ price_minor: 2000, t: 'integer' });
    expect(await api.refuse('services.update', { id: unknownId, active: true })).toMatchObject({ code: 'not_found' });
  });
});
