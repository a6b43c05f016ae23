import type { ClientPhoto } from '../../src-shared/domain/photos';
import type { ReadDb } from '../db/database';
import {
  readPhotoFull,
  readPhotoThumbnail,
  preparePhoto,
  removePhotoFiles,
  writePhotoFiles,
} from '../db/queries/photo-files';
import type { PhotoRow } from '../db/queries/photos';
import {
  checkVisitOfClient,
  clientExists,
  deletePhoto,
  headerPhotoOf,
  insertPhoto,
  loadPhotoRow,
  photoRowsOfClient,
  setHeaderPhoto,
  updatePhoto,
  visitOfPhoto,
  visitsOfClient,
} from '../db/queries/photos';
import { decodePhoto, photoExtension } from '../engine/clients/photo-image';
import type { PhotoBytes } from '../engine/clients/photo-image';
import { newId } from '../engine/ids';
import { AppError } from '../errors/app-error';
import type { Handlers } from './handler';

type PhotoHandlers = Pick<Handlers, 'photos.list' | 'photos.get' | 'photos.add' | 'photos.update' | 'photos.delete' | 'clients.setPhoto' | 'clients.photo'>;

async function photoOf(db: ReadDb, dataDir: string, row: PhotoRow): Promise<ClientPhoto> {
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind,
    caption: row.caption,
    visit: await visitOfPhoto(db, row),
    width: row.width,
    height: row.height,
    sizeBytes: row.size_bytes,
    addedBy: row.added_by,
    createdAt: row.created_at,
    thumbnail: readPhotoThumbnail(dataDir, row.client_id, row.file_name),
  };
}

/** Each bad field named at once: the image (type, size) and the visit. */
async function checkAll(checks: (() => unknown)[]): Promise<void> {
  const problems: AppError[] = [];
  for (const check of checks) {
    try {
      await check();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push(error);
    }
  }
  const combined = AppError.combine(problems);
  if (combined) throw combined;
}

export const photoHandlers: PhotoHandlers = {
  'photos.list': async ({ clientId, kind }, { db, dataDir }) => {
    await clientExists(db, clientId, 'clientId');
    const [rows, header, visits] = await Promise.all([photoRowsOfClient(db, clientId, kind), headerPhotoOf(db, clientId), visitsOfClient(db, clientId)]);
    const photos: ClientPhoto[] = [];
    for (const row of rows) photos.push(await photoOf(db, dataDir, row));
    return { photos, headerPhotoId: header?.id ?? null, visits };
  },

  'photos.get': async ({ id }, { db, dataDir }) => {
    const row = await loadPhotoRow(db, id);
    return { photo: await photoOf(db, dataDir, row), dataUrl: readPhotoFull(dataDir, row.client_id, row.file_name, row.mime_type) };
  },

  'photos.add': async (input, { tx, now, caller, log, dataDir, onRollback }) => {
    await clientExists(tx, input.clientId, 'clientId');
    let image: PhotoBytes | null = null;
    await checkAll([() => (image = decodePhoto(input.dataUrl)), () => input.visit && checkVisitOfClient(tx, input.clientId, input.visit)]);
    // Everything is checked, the whole image decoded and thumbnailed, before a file or a row is written.
    const prepared = await preparePhoto(image!);
    const id = newId();
    const fileName = `${id}.${photoExtension(prepared.type)}`;
    writePhotoFiles(dataDir, input.clientId, fileName, prepared);
    // A write that fails after this (the disk, the audit entry) leaves no file behind.
    onRollback(() => removePhotoFiles(dataDir, input.clientId, fileName));
    await insertPhoto(tx, {
      id,
      client_id: input.clientId,
      kind: input.kind,
      caption: input.caption ?? null,
      booking_id: input.visit?.kind === 'booking' ? input.visit.id : null,
      appointment_id: input.visit?.kind === 'appointment' ? input.visit.id : null,
      file_name: fileName,
      mime_type: prepared.type,
      width: prepared.width,
      height: prepared.height,
      size_bytes: prepared.full.length,
      added_by: caller.staffId,
      created_at: now,
      updated_at: now,
    });
    log({
      entity: 'client_photo',
      entityId: id,
      subjectClientId: input.clientId,
      changes: { kind: input.kind, caption: input.caption ?? null, visit: input.visit ?? null, sizeBytes: prepared.full.length },
    });
    return photoOf(tx, dataDir, await loadPhotoRow(tx, id));
  },

  'photos.update': async ({ id, kind, caption, visit }, { tx, now, log, dataDir }) => {
    const row = await loadPhotoRow(tx, id);
    if (visit) await checkVisitOfClient(tx, row.client_id, visit);
    await updatePhoto(
      tx,
      id,
      {
        ...(kind !== undefined ? { kind } : {}),
        ...(caption !== undefined ? { caption } : {}),
        ...(visit !== undefined ? { booking_id: visit?.kind === 'booking' ? visit.id : null, appointment_id: visit?.kind === 'appointment' ? visit.id : null } : {}),
      },
      now,
    );
    log({ entity: 'client_photo', entityId: id, subjectClientId: row.client_id, changes: { kind, caption, visit } });
    return photoOf(tx, dataDir, await loadPhotoRow(tx, id));
  },

  'photos.delete': async ({ id }, { tx, now, log, dataDir, afterCommit }) => {
    const row = await loadPhotoRow(tx, id);
    await deletePhoto(tx, row, now);
    // Removed once the deletion is committed: a rolled-back one keeps its photo whole.
    afterCommit(() => removePhotoFiles(dataDir, row.client_id, row.file_name));
    log({ entity: 'client_photo', entityId: id, subjectClientId: row.client_id, changes: { deleted: true } });
    return { id };
  },

  'clients.setPhoto': async ({ clientId, photoId }, { tx, now, log }) => {
    await clientExists(tx, clientId, 'clientId');
    if (photoId) {
      const photo = await loadPhotoRow(tx, photoId, 'photoId');
      if (photo.client_id !== clientId) throw new AppError('not_found', 'photoId');
    }
    await setHeaderPhoto(tx, clientId, photoId, now);
    log({ entity: 'client', entityId: clientId, subjectClientId: clientId, changes: { photoId } });
    return { clientId, photoId };
  },

  'clients.photo': async ({ clientId }, { db, dataDir }) => {
    await clientExists(db, clientId, 'clientId');
    const header = await headerPhotoOf(db, clientId);
    return { photoId: header?.id ?? null, thumbnail: header ? readPhotoThumbnail(dataDir, clientId, header.file_name) : null };
  },
};
