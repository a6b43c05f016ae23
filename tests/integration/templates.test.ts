import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTemplates } from '../../src-shared/domain/templates';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import type { AgendaWorld } from '../helpers/agenda-fixtures';
import { agendaWorld, createSeries, occurrencesOf } from '../helpers/agenda-fixtures';

let api: TempApi;
let world: AgendaWorld;
beforeEach(async () => {
  api = await openTempApi();
  world = await agendaWorld(api, 3);
});
afterEach(async () => {
  await api.close();
});

const feedRows = (tbl: string) => api.host.database.sqlite.prepare('SELECT op, data FROM feed WHERE tbl = ? ORDER BY seq').all(tbl) as { op: string; data: string | null }[];

describe('message templates', () => {
  it('lists the built-in defaults for every kind in both languages', async () => {
    const all = await api.call('templates.list', {});
    expect(all).toHaveLength(8);
    expect(all.every((t) => !t.edited)).toBe(true);
    expect(all.find((t) => t.kind === 'reminder' && t.language === 'es')?.body).toBe(defaultTemplates.es.reminder);
    expect(all.find((t) => t.kind === 'place_freed' && t.language === 'en')?.body).toBe(defaultTemplates.en.place_freed);
  });

  it('stores an edited template (in the feed, so it syncs), and a reset goes back to the default', async () => {
    const edited = await api.call('templates.update', { kind: 'booking_confirmed', language: 'es', body: '¡Hecho, {cliente}! {fecha} {hora}' });
    expect(edited).toMatchObject({ kind: 'booking_confirmed', language: 'es', body: '¡Hecho, {cliente}! {fecha} {hora}', edited: true });
    expect((await api.call('templates.list', {})).filter((t) => t.edited)).toHaveLength(1);
    expect(feedRows('message_templates').map((r) => r.op)).toEqual(['insert']);
    await api.call('templates.update', { kind: 'booking_confirmed', language: 'es', body: 'Otra vez {cliente}' });
    expect(feedRows('message_templates').map((r) => r.op)).toEqual(['insert', 'update']);
    const reset = await api.call('templates.update', { kind: 'booking_confirmed', language: 'es', reset: true });
    expect(reset).toMatchObject({ body: defaultTemplates.es.booking_confirmed, edited: false });
    expect(feedRows('message_templates').map((r) => r.op)).toEqual(['insert', 'update', 'delete']);
  });

  it('refuses an empty body or an unknown kind', async () => {
    expect((await api.refuse('templates.update', { kind: 'reminder', language: 'es', body: '   ' })).field).toBe('body');
    expect((await api.refuse('templates.update', { kind: 'reminder', language: 'es' })).field).toBe('body');
    expect((await api.refuse('templates.update', { kind: 'birthday', language: 'es', body: 'x' })).field).toBe('kind');
  });
});

describe('offering a freed place', () => {
  it('marks a waitlisted client offered, shown on the session; refuses one who is not waiting', async () => {
    const { series } = await createSeries(api, world.ana, { places: 1 });
    const occurrenceId = occurrencesOf(api, series.id)[0]!.id;
    const booked = await api.call('sessions.book', { occurrenceId, clientId: world.clients[0]! });
    const waiting = await api.call('sessions.book', { occurrenceId, clientId: world.clients[1]! });
    expect(waiting).toMatchObject({ status: 'waitlisted', offeredAt: null });
    const offered = await api.call('sessions.markOffered', { bookingId: waiting.id });
    expect(offered.offeredAt).toEqual(expect.any(String));
    const detail = await api.call('sessions.get', { occurrenceId });
    expect(detail.waitlist[0]).toMatchObject({ id: waiting.id, offeredAt: offered.offeredAt });
    expect(detail.occurrence.waitlistCount).toBe(1);
    expect(await api.refuse('sessions.markOffered', { bookingId: booked.id })).toMatchObject({ code: 'not_waitlisted', field: 'bookingId' });
  });
});
