import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportSections } from '../../src-main/export/client-export-sections';
import { escapeHtml } from '../../src-main/export/export-page';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { createSchedule, everyDay } from './appointment-world';
import { rowCounts } from './db-inspect';
import { fixClock, madrid, passesWorld, sell, tenClassPass, yogaClass, type PassesWorld } from './passes-world';

let api: TempApi;
let world: PassesWorld;

beforeEach(async () => {
  fixClock('2027-03-01T08:00:00.000Z');
  api = await openTempApi();
  world = await passesWorld(api);
});
afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

/** Ana's card with something in every part: a field, a tag, a pass used on a class, an appointment, a sale, consents. */
async function fillAna() {
  const field = await api.call('customFields.create', { label: 'Alergias', kind: 'text' });
  await api.call('clients.update', { id: world.ana, lastName: 'Ruiz <script>alert(1)</script>', phone: '612 34 56 78', customFields: { [field.id]: 'Látex' } });
  const tag = await api.call('tags.create', { name: 'VIP' });
  await api.call('clients.addTag', { clientId: world.ana, tagId: tag.id });
  const pass = await tenClassPass(api, world);
  const [passId] = await sell(api, world.ana, { kind: 'pass', passProductId: pass.id });
  const occurrenceId = await yogaClass(api, world, '2027-03-03', '10:00');
  const booking = await api.call('sessions.book', { occurrenceId, clientId: world.ana });
  await api.call('passes.redeem', { target: { kind: 'booking', id: booking.id } });
  await createSchedule(api, world.profe, [world.corte], { ranges: everyDay(['09:00', '20:00']) });
  await api.call('appointments.book', { clientId: world.ana, staffId: world.profe, serviceId: world.corte, startsAt: madrid('2027-03-04', '12:00') });
  await api.call('consents.record', { clientId: world.ana, purpose: 'promotions', granted: true, method: 'paper', note: 'Hoja firmada' });
  // Someone else's data must not come along.
  await api.call('consents.record', { clientId: world.eva, purpose: 'promotions', granted: true, method: 'email', note: 'Nota de Eva' });
  return { passId: passId!, occurrenceId };
}

/** data.json as these tests read it (each part's own shape is checked by the assertions). */
interface ExportJson {
  [part: string]: unknown;
  card: Record<string, unknown>;
  history: { appointments: unknown[]; bookings: unknown[] };
  passes: { ledger: { kind: string; delta: number }[] }[];
  sales: unknown[];
  notes: { text: string }[];
}

function unzip(path: string) {
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  return { names: Object.keys(files).sort(), json: JSON.parse(strFromU8(files['data.json']!)) as ExportJson, html: strFromU8(files['index.html']!) };
}

describe('Export everything (clients.export)', () => {
  it('writes one zip in exports/ with every part in data.json and a readable, escaped index.html', async () => {
    const { passId } = await fillAna();
    const result = await api.call('clients.export', { clientId: world.ana, language: 'es' });
    expect(result.path).toBe(join(api.dir, 'exports', result.fileName));
    expect(result.fileName).toMatch(/^cliente-[0-9A-Z]{26}-\d{8}-\d{6}\.zip$/);
    expect(result.parts).toEqual(expect.arrayContaining(['card', 'customFields', 'tags', 'history', 'passes', 'sales', 'consents', 'notes']));
    expect(result.parts).toHaveLength(exportSections.length);

    const zip = unzip(result.path);
    expect(zip.names).toEqual(expect.arrayContaining(['data.json', 'index.html']));
    const data = zip.json;
    for (const part of result.parts) expect(data, part).toHaveProperty(part);
    expect(data.client).toEqual({ id: world.ana, name: 'Ana Ruiz <script>alert(1)</script>' });
    expect(data.card).toMatchObject({ firstName: 'Ana', phone: '+34612345678', blacklisted: false });
    expect(data.customFields).toEqual([{ label: 'Alergias', kind: 'text', value: 'Látex' }]);
    expect(data.tags).toEqual([{ name: 'VIP', colour: expect.any(String) }]);
    expect(data.history.appointments).toEqual([expect.objectContaining({ service: 'Corte', date: '2027-03-04', start: '12:00', status: 'booked' })]);
    expect(data.history.bookings).toEqual([expect.objectContaining({ session: 'Yoga', date: '2027-03-03', start: '10:00' })]);
    expect(data.passes).toEqual([expect.objectContaining({ id: passId, name: 'Bono 10 clases', balance: 9 })]);
    expect(data.passes[0]!.ledger.map((l) => [l.kind, l.delta])).toEqual(expect.arrayContaining([['sale', 10], ['redemption', -1]]));
    expect(data.sales).toHaveLength(1);
    expect(data.sales[0]).toMatchObject({ totalMinor: 8000 });
    expect(data.consents).toEqual([expect.objectContaining({ purpose: 'promotions', granted: true, method: 'paper', note: 'Hoja firmada' })]);
    // Nothing of another client.
    expect(JSON.stringify(data)).not.toContain('Nota de Eva');
    expect(JSON.stringify(data)).not.toContain('Gil');

    // The page: Spanish headings, the client's text shown as text, never as markup.
    expect(zip.html).toContain('<html lang="es">');
    for (const heading of ['Ficha', 'Campos personalizados', 'Etiquetas', 'Historial', 'Bonos y planes', 'Ventas', 'Consentimientos', 'Notas']) expect(zip.html).toContain(`<h2>${heading}</h2>`);
    expect(zip.html).not.toContain('<script>');
    expect(zip.html).toContain(escapeHtml('Ruiz <script>alert(1)</script>'));
    expect(zip.html).toContain('Látex');
    // Dates, money and codes the centre's way, not as stored.
    expect(zip.html).toContain('<td>4/3/2027</td>');
    expect(zip.html).toContain('80,00\u00a0€');
    expect(zip.html).toContain('<td>En papel</td>');
    expect(zip.html).not.toContain('2027-03-04');

    // In English when asked.
    fixClock('2027-03-01T08:01:00.000Z');
    const english = unzip((await api.call('clients.export', { clientId: world.ana, language: 'en' })).path);
    expect(english.html).toContain('<html lang="en">');
    expect(english.html).toContain('<h2>Passes and plans</h2>');
  });

  it('is audited, and the desk can download the file it wrote (and nothing outside exports/)', async () => {
    await fillAna();
    const result = await api.call('clients.export', { clientId: world.ana });
    const entry = api.host.database.sqlite.prepare("SELECT * FROM change_log WHERE call = 'clients.export'").get() as { subject_client_id: string; changes: string };
    expect(entry.subject_client_id).toBe(world.ana);
    expect(JSON.parse(entry.changes)).toMatchObject({ exported: result.fileName });

    const file = await api.call('clients.exportDownload', { fileName: result.fileName });
    expect(Buffer.from(file.base64, 'base64').equals(readFileSync(result.path))).toBe(true);
    for (const fileName of ['../mostrador.db', 'mostrador.db', '/etc/passwd', '..%2Fmostrador.db.zip', 'a/b.zip']) {
      expect((await api.refuse('clients.exportDownload', { fileName })).code, fileName).toBe('invalid_input');
    }
    expect(await api.refuse('clients.exportDownload', { fileName: 'cliente-nada.zip' })).toMatchObject({ code: 'not_found', field: 'fileName' });
    expect(await api.refuse('clients.export', { clientId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).toMatchObject({ code: 'not_found', field: 'clientId' });
  });

  it('holds only the notes the exporter may read: another person’s private note stays out', async () => {
    const owner = (await api.call('staff.create', { name: 'Olga Dueña', role: 'owner' })).id;
    await api.call('staff.setPin', { staffId: owner, pin: '2580' });
    await api.call('auth.signIn', { staffId: owner, pin: '2580' });
    await api.call('staff.setPin', { staffId: world.desk, pin: '1357' });
    await api.call('notes.add', { clientId: world.ana, body: 'Nota compartida del equipo', visibility: 'shared' });
    await api.call('notes.add', { clientId: world.ana, body: 'Privada de Olga', visibility: 'private' });
    const desk = api.host.openSession();
    await desk.invoke('auth.signIn', { staffId: world.desk, pin: '1357' });
    expect(await desk.invoke('notes.add', { clientId: world.ana, body: 'Privada de Marta', visibility: 'private' })).toMatchObject({ ok: true });

    const data = unzip((await api.call('clients.export', { clientId: world.ana })).path).json;
    const texts = data.notes.map((n) => n.text).sort();
    expect(texts).toEqual(['Nota compartida del equipo', 'Privada de Olga']);
    expect(JSON.stringify(data)).not.toContain('Privada de Marta');
  });

  it('is refused to reception and professionals with forbidden, and writes nothing (no file, no row, no audit entry)', async () => {
    await fillAna();
    const owner = (await api.call('staff.create', { name: 'Olga Dueña', role: 'owner' })).id;
    await api.call('staff.setPin', { staffId: owner, pin: '2580' });
    await api.call('auth.signIn', { staffId: owner, pin: '2580' });
    await api.call('staff.setPin', { staffId: world.desk, pin: '1357' });
    await api.call('staff.setPin', { staffId: world.profe, pin: '2468' });
    const manager = (await api.call('staff.create', { name: 'Mara Gerente', role: 'manager' })).id;
    await api.call('staff.setPin', { staffId: manager, pin: '9753' });
    const before = rowCounts(api.host.database.sqlite);
    for (const [staffId, pin] of [[world.desk, '1357'], [world.profe, '2468']] as const) {
      const desk = api.host.openSession();
      await desk.invoke('auth.signIn', { staffId, pin });
      expect(await desk.invoke('clients.export', { clientId: world.ana })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await desk.invoke('clients.exportDownload', { fileName: 'cliente-x.zip' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(rowCounts(api.host.database.sqlite)).toEqual(before);
    expect(existsSync(join(api.dir, 'exports')) ? readdirSync(join(api.dir, 'exports')) : []).toEqual([]);

    const asManager = api.host.openSession();
    await asManager.invoke('auth.signIn', { staffId: manager, pin: '9753' });
    expect(await asManager.invoke('clients.export', { clientId: world.ana })).toMatchObject({ ok: true });
  });
});
