import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepPhotoFiles } from '../../src-main/db/queries/photo-files';
import { photosPart } from '../../src-main/export/photos-part';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi, openTempApiIn } from '../helpers/temp-api';
import { agendaWorld, createSeries, occurrencesOf } from '../helpers/agenda-fixtures';

let api: TempApi;
beforeEach(async () => {
  api = await openTempApi();
});
afterEach(async () => {
  await api.close();
});

/** A photo-like image (noise, so that its bytes do not compress away and a cut really cuts pixels). */
async function photo(format: 'jpeg' | 'png' | 'webp', width = 640, height = 480, options: { orientation?: number } = {}): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919 + (i >> 5) * 31) % 251;
  let image = sharp(raw, { raw: { width, height, channels: 3 } });
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  return image.toFormat(format).toBuffer();
}
const dataUrl = (bytes: Buffer, type = 'image/jpeg') => `data:${type};base64,${bytes.toString('base64')}`;

async function newClient(firstName = 'Lucía'): Promise<string> {
  return (await api.call('clients.create', { firstName, lastName: 'Vranek' })).client.id;
}
const folderOf = (clientId: string) => join(api.dir, 'photos', clientId);
const filesOf = (clientId: string) => (existsSync(folderOf(clientId)) ? readdirSync(folderOf(clientId)).sort() : []);
const count = (sql: string, ...params: unknown[]) => Number(api.host.database.sqlite.prepare(sql).pluck().get(...params));

describe('the gallery', () => {
  it('keeps a JPEG, a PNG and a WebP with their thumbnails in the data folder, newest first', async () => {
    const clientId = await newClient();
    const jpeg = await api.call('photos.add', { clientId, dataUrl: dataUrl(await photo('jpeg')), kind: 'inspiration', caption: 'Rubio ceniza' });
    const png = await api.call('photos.add', { clientId, dataUrl: dataUrl(await photo('png', 300, 200), 'image/png'), kind: 'result' });
    const webp = await api.call('photos.add', { clientId, dataUrl: dataUrl(await photo('webp', 1000, 500), 'image/webp'), kind: 'result', caption: '  ' });

    expect(filesOf(clientId)).toEqual([`${jpeg.id}.jpg`, `${jpeg.id}.thumb.jpg`, `${png.id}.png`, `${png.id}.thumb.jpg`, `${webp.id}.thumb.jpg`, `${webp.id}.webp`].sort());
    const thumb = await sharp(join(folderOf(clientId), `${webp.id}.thumb.jpg`)).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['jpeg', 400, 200]);
    // A small image is never enlarged.
    expect((await sharp(join(folderOf(clientId), `${png.id}.thumb.jpg`)).metadata()).width).toBe(300);

    const gallery = await api.call('photos.list', { clientId });
    expect(gallery.photos.map((p) => [p.id, p.kind, p.caption])).toEqual([
      [webp.id, 'result', null],
      [png.id, 'result', null],
      [jpeg.id, 'inspiration', 'Rubio ceniza'],
    ]);
    expect(gallery.photos.every((p) => p.thumbnail?.startsWith('data:image/jpeg;base64,'))).toBe(true);
    expect((await api.call('photos.list', { clientId, kind: 'inspiration' })).photos.map((p) => p.id)).toEqual([jpeg.id]);

    const full = await api.call('photos.get', { id: png.id });
    expect(full.dataUrl?.startsWith('data:image/png;base64,')).toBe(true);
    expect(full.photo).toMatchObject({ width: 300, height: 200 });
  });

  it('stores a phone photo upright, without its metadata', async () => {
    const clientId = await newClient();
    // 640×480 taken with the phone turned: EXIF orientation 6 means "rotate 90° to view".
    const added = await api.call('photos.add', { clientId, dataUrl: dataUrl(await photo('jpeg', 640, 480, { orientation: 6 })), kind: 'result' });
    expect([added.width, added.height]).toEqual([480, 640]);
    const stored = await sharp(join(folderOf(clientId), `${added.id}.jpg`)).metadata();
    expect([stored.width, stored.height, stored.orientation, stored.exif]).toEqual([480, 640, undefined, undefined]);
  });

  it('refuses what is not a JPEG, PNG or WebP by its bytes, too large or truncated: translated, nothing written', async () => {
    const clientId = await newClient();
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    const jpeg = await photo('jpeg');
    const png = await photo('png');
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    const huge = Buffer.concat([jpeg, Buffer.alloc(15 * 1024 * 1024)]);
    const cases: [string, string, string][] = [
      ['a PDF that calls itself a JPEG', dataUrl(pdf, 'image/jpeg'), 'invalid_image'],
      ['a GIF', dataUrl(gif, 'image/gif'), 'invalid_image'],
      ['text, not a data URL', 'hola', 'invalid_image'],
      ['more than 15 MB', dataUrl(huge), 'photo_too_large'],
      ['a JPEG cut in half', dataUrl(jpeg.subarray(0, jpeg.length / 2)), 'image_damaged'],
      ['a PNG missing its last bytes', dataUrl(png.subarray(0, png.length - 200), 'image/png'), 'image_damaged'],
      ['only the start of a JPEG', dataUrl(jpeg.subarray(0, 40)), 'image_damaged'],
    ];
    const feedBefore = count('SELECT count(*) FROM feed');
    for (const [what, url, code] of cases) {
      const error = await api.refuse('photos.add', { clientId, dataUrl: url, kind: 'result' });
      expect([what, error.code, error.field]).toEqual([what, code, 'dataUrl']);
      expect(error.message, what).not.toBe('');
    }
    expect(count('SELECT count(*) FROM client_photos')).toBe(0);
    expect(count('SELECT count(*) FROM feed')).toBe(feedBefore);
    expect(filesOf(clientId)).toEqual([]);

    // In English too, and each bad field named at once.
    await api.call('settings.update', { language: 'en' });
    const error = await api.refuse('photos.add', { clientId, dataUrl: dataUrl(pdf), kind: 'result', visit: { kind: 'booking', id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' } });
    expect(error.message).toBe('The image must be PNG, JPEG or WebP.');
    expect(error.fields?.map((f) => [f.field, f.code])).toEqual([
      ['dataUrl', 'invalid_image'],
      ['visit', 'not_found'],
    ]);
  });

  it('leaves no file behind when the transaction fails after the files were written, and keeps them when a delete is rolled back', async () => {
    const clientId = await newClient();
    const sqlite = api.host.database.sqlite;
    sqlite.exec(`CREATE TRIGGER refuse_photo BEFORE INSERT ON client_photos BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const failed = await api.host.invoke('photos.add', { clientId, dataUrl: dataUrl(await photo('jpeg')), kind: 'result' });
    expect(failed.ok).toBe(false);
    expect(filesOf(clientId)).toEqual([]);
    sqlite.exec('DROP TRIGGER refuse_photo');

    const kept = await api.call('photos.add', { clientId, dataUrl: dataUrl(await photo('jpeg')), kind: 'result' });
    sqlite.exec(`CREATE TRIGGER refuse_delete BEFORE DELETE ON client_photos BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    expect((await api.host.invoke('photos.delete', { id: kept.id })).ok).toBe(false);
    expect(filesOf(clientId)).toEqual([`${kept.id}.jpg`, `${kept.id}.thumb.jpg`]);
    sqlite.exec('DROP TRIGGER refuse_delete');

    await api.call('photos.delete', { id: kept.id });
    expect(filesOf(clientId)).toEqual([]);
    expect((await api.call('photos.list', { clientId })).photos).toEqual([]);
  });

  it('edits a caption and a kind, links a visit of the same client only, and chooses the header photo or none', async () => {
    const world = await agendaWorld(api, 2);
    const [lucia, other] = world.clients as [string, string];
    const series = await createSeries(api, world.ana, { title: 'Mechas' });
    const occurrence = occurrencesOf(api, series.series.id)[0]!;
    const mine = await api.call('sessions.book', { occurrenceId: occurrence.id, clientId: lucia });
    const theirs = await api.call('sessions.book', { occurrenceId: occurrence.id, clientId: other });

    const added = await api.call('photos.add', { clientId: lucia, dataUrl: dataUrl(await photo('jpeg')), kind: 'inspiration', visit: { kind: 'booking', id: mine.id } });
    expect(added.visit).toMatchObject({ kind: 'booking', id: mine.id, what: 'Mechas' });
    expect((await api.call('photos.list', { clientId: lucia })).visits.map((v) => v.id)).toEqual([mine.id]);
    expect((await api.refuse('photos.update', { id: added.id, visit: { kind: 'booking', id: theirs.id } })).code).toBe('visit_not_of_client');

    const edited = await api.call('photos.update', { id: added.id, caption: 'Después del tinte', kind: 'result', visit: null });
    expect([edited.caption, edited.kind, edited.visit]).toEqual(['Después del tinte', 'result', null]);
    expect((await api.call('photos.update', { id: added.id, caption: '' })).caption).toBeNull();

    expect(await api.call('clients.photo', { clientId: lucia })).toEqual({ photoId: null, thumbnail: null });
    await api.call('clients.setPhoto', { clientId: lucia, photoId: added.id });
    const header = await api.call('clients.photo', { clientId: lucia });
    expect(header.photoId).toBe(added.id);
    expect(header.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    expect((await api.call('photos.list', { clientId: lucia })).headerPhotoId).toBe(added.id);
    // Another client's photo is not theirs to show.
    expect((await api.refuse('clients.setPhoto', { clientId: other, photoId: added.id })).code).toBe('not_found');
    await api.call('clients.setPhoto', { clientId: lucia, photoId: null });
    expect((await api.call('clients.photo', { clientId: lucia })).photoId).toBeNull();

    // Deleting the header photo takes it out of the header.
    await api.call('clients.setPhoto', { clientId: lucia, photoId: added.id });
    await api.call('photos.delete', { id: added.id });
    expect(await api.call('clients.photo', { clientId: lucia })).toEqual({ photoId: null, thumbnail: null });
  });

  it('erasing the client removes their photos: files, rows, and their captions from the feed', async () => {
    const clientId = await newClient('Ainhoa');
    const keep = await newClient('Nerea');
    const first = await api.call('photos.add', { clientId, dataUrl: dataUrl(await photo('jpeg')), kind: 'result', caption: 'Balayage Qwertzuio' });
    await api.call('photos.add', { clientId, dataUrl: dataUrl(await photo('png'), 'image/png'), kind: 'inspiration' });
    await api.call('clients.setPhoto', { clientId, photoId: first.id });
    const kept = await api.call('photos.add', { clientId: keep, dataUrl: dataUrl(await photo('jpeg')), kind: 'result' });

    await api.call('clients.delete', { id: clientId });
    expect(existsSync(folderOf(clientId))).toBe(false);
    expect(count('SELECT count(*) FROM client_photos WHERE client_id = ?', clientId)).toBe(0);
    expect(count("SELECT count(*) FROM feed WHERE data LIKE '%Qwertzuio%'")).toBe(0);
    expect(count("SELECT count(*) FROM change_log WHERE changes LIKE '%Qwertzuio%'")).toBe(0);
    expect(filesOf(keep)).toEqual([`${kept.id}.jpg`, `${kept.id}.thumb.jpg`]);
  });

  it('sweeps files no row names: a folder of a client gone, a stray file of an interrupted write', async () => {
    const clientId = await newClient();
    const added = await api.call('photos.add', { clientId, dataUrl: dataUrl(await photo('jpeg')), kind: 'result' });
    const stray = join(folderOf(clientId), '01ARZ3NDEKTSV4RRFFQ69G5FAV.jpg');
    const young = join(folderOf(clientId), '01ARZ3NDEKTSV4RRFFQ69G5FAW.jpg');
    writeFileSync(stray, 'x');
    writeFileSync(young, 'x');
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(stray, hourAgo, hourAgo);
    const gone = join(api.dir, 'photos', '01ARZ3NDEKTSV4RRFFQ69G5FAX');
    mkdirSync(gone);
    writeFileSync(join(gone, 'a.jpg'), 'x');

    expect(await sweepPhotoFiles(api.host.database.db, api.dir)).toBe(2);
    // The young file may be another process's write still in its transaction: left for a later sweep.
    expect(filesOf(clientId)).toEqual([`${added.id}.jpg`, `${added.id}.thumb.jpg`, '01ARZ3NDEKTSV4RRFFQ69G5FAW.jpg'].sort());
    expect(existsSync(gone)).toBe(false);

    // Opening the database sweeps too.
    utimesSync(young, hourAgo, hourAgo);
    await api.host.database.close();
    const reopened = await openTempApiIn(api.dir);
    api = reopened;
    expect(filesOf(clientId)).toEqual([`${added.id}.jpg`, `${added.id}.thumb.jpg`]);
  });

  it('puts every photo and its details in the data-subject export', async () => {
    const clientId = await newClient();
    const added = await api.call('photos.add', { clientId, dataUrl: dataUrl(await photo('webp'), 'image/webp'), kind: 'inspiration', caption: 'Corte bob' });
    const part = await photosPart(clientId, { db: api.host.database.db, caller: { staffId: null, role: 'owner', deskId: 'x', approvedBy: null }, dataDir: api.dir });
    expect(part.name).toBe('photos');
    expect(part.data).toEqual([{ kind: 'inspiration', caption: 'Corte bob', takenAt: added.createdAt, visit: null, width: 640, height: 480, file: `files/photos/${added.id}.webp` }]);
    expect(part.files?.map((f) => f.path)).toEqual([`photos/${added.id}.webp`]);
    expect((await sharp(Buffer.from(part.files![0]!.bytes)).metadata()).format).toBe('webp');
  });
});
