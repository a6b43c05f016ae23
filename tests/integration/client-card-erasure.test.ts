import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uploadCsv, utf8 } from '../helpers/csv-upload';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';

let api: TempApi;
beforeEach(async () => {
  api = await openTempApi();
});
afterEach(async () => {
  await api.close();
});

/** Every table of the file with a client_id column, and how many rows each holds for a client. */
function rowsAbout(clientId: string): Record<string, number> {
  const sqlite = api.host.database.sqlite;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const columns = (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
    if (columns.includes('client_id')) counts[table] = Number(sqlite.prepare(`SELECT count(*) FROM "${table}" WHERE client_id = ?`).pluck().get(clientId));
  }
  return counts;
}

describe('erasing a client with the whole card filled in', () => {
  it('leaves none of their photos, notes, consents or imported rows, in any table, the log or the feed', async () => {
    const owner = (await api.call('staff.create', { name: 'Olga Dueña', role: 'owner' })).id;
    await api.call('auth.signIn', { staffId: owner });
    const preview = await uploadCsv(api, utf8('Nombre;Apellidos;Móvil;Email\nZuriñe;Olaberria;612345679;zurine@correo.es\n'));
    await api.call('clients.import', { jobId: preview.jobId });
    const { id } = (await api.call('clients.search', { query: 'zuriñe' })).items[0]!;

    await api.call('notes.add', { clientId: id, body: 'Zuriñe prefiere la tarde', visibility: 'shared' });
    await api.call('notes.add', { clientId: id, body: 'Zuriñe: nota privada', visibility: 'private' });
    await api.call('consents.record', { clientId: id, purpose: 'appointment_messages', granted: true, method: 'in_person' });
    await api.call('consents.record', { clientId: id, purpose: 'promotions', granted: false, method: 'paper', note: 'No quiere ofertas' });
    const image = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c0ffee' } }).jpeg().toBuffer();
    const added = await api.call('photos.add', { clientId: id, dataUrl: `data:image/jpeg;base64,${image.toString('base64')}`, kind: 'result', caption: 'Mechas de Zuriñe' });
    await api.call('clients.setPhoto', { clientId: id, photoId: added.id });
    const before = rowsAbout(id);
    expect(Object.values(before).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5);
    expect(existsSync(join(api.dir, 'photos', id))).toBe(true);

    await api.call('clients.delete', { id });

    expect(Object.entries(rowsAbout(id)).filter(([, n]) => n > 0)).toEqual([]);
    expect(api.host.database.sqlite.prepare('SELECT count(*) FROM clients WHERE id = ?').pluck().get(id)).toBe(0);
    expect(existsSync(join(api.dir, 'photos', id))).toBe(false);
    const words = /zuri|olaberria|612345679|prefiere la tarde|nota privada|mechas|no quiere ofertas/i;
    const log = api.host.database.sqlite.prepare('SELECT changes FROM change_log').pluck().all() as string[];
    expect(log.filter((l) => words.test(l))).toEqual([]);
    const feed = api.host.database.sqlite.prepare('SELECT data FROM feed').pluck().all() as (string | null)[];
    expect(feed.filter((d) => d !== null && words.test(d))).toEqual([]);
  });
});
