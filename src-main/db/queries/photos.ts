import type { PhotoKind, PhotoVisit } from '../../../src-shared/domain/photos';
import { AppError } from '../../errors/app-error';
import type { ReadDb, WriteTx } from '../database';
import type { ClientPhotosTable } from '../tables/photos';

export type PhotoRow = ClientPhotosTable;

export async function insertPhoto(tx: WriteTx, row: ClientPhotosTable): Promise<void> {
  await tx.insertInto('client_photos').values(row).execute();
}

export async function updatePhoto(tx: WriteTx, id: string, changes: Partial<Pick<ClientPhotosTable, 'kind' | 'caption' | 'booking_id' | 'appointment_id'>>, now: string): Promise<void> {
  await tx.updateTable('client_photos').set({ ...changes, updated_at: now }).where('id', '=', id).execute();
}

/** Deletes the row, and takes it out of the header if it was there. */
export async function deletePhoto(tx: WriteTx, photo: Pick<PhotoRow, 'id' | 'client_id'>, now: string): Promise<void> {
  await tx.deleteFrom('client_photos').where('id', '=', photo.id).execute();
  await tx.updateTable('clients').set({ photo_id: null, updated_at: now }).where('id', '=', photo.client_id).where('photo_id', '=', photo.id).execute();
}

export async function loadPhotoRow(db: ReadDb, id: string, field = 'id'): Promise<PhotoRow> {
  const row = await db.selectFrom('client_photos').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', field);
  return row;
}

export async function photoRowsOfClient(db: ReadDb, clientId: string, kind?: PhotoKind): Promise<PhotoRow[]> {
  let query = db.selectFrom('client_photos').selectAll().where('client_id', '=', clientId);
  if (kind) query = query.where('kind', '=', kind);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function clientExists(db: ReadDb, clientId: string, field: string): Promise<void> {
  const row = await db.selectFrom('clients').select('id').where('id', '=', clientId).executeTakeFirst();
  if (!row) throw new AppError('not_found', field);
}

/** The header photo, when it still names one of the client's photos (a synced delete may have left it dangling). */
export async function headerPhotoOf(db: ReadDb, clientId: string): Promise<PhotoRow | null> {
  const row = await db
    .selectFrom('clients')
    .innerJoin('client_photos', (join) => join.onRef('client_photos.id', '=', 'clients.photo_id').onRef('client_photos.client_id', '=', 'clients.id'))
    .selectAll('client_photos')
    .where('clients.id', '=', clientId)
    .executeTakeFirst();
  return row ?? null;
}

export async function setHeaderPhoto(tx: WriteTx, clientId: string, photoId: string | null, now: string): Promise<void> {
  await tx.updateTable('clients').set({ photo_id: photoId, updated_at: now }).where('id', '=', clientId).execute();
}

const visitLimit = 60;

/** The client's visits a photo may be linked to, newest first: their session places and appointments, past and coming. */
export async function visitsOfClient(db: ReadDb, clientId: string): Promise<PhotoVisit[]> {
  const [bookings, appointments] = await Promise.all([
    db
      .selectFrom('bookings')
      .innerJoin('occurrences', 'occurrences.id', 'bookings.occurrence_id')
      .select(['bookings.id', 'occurrences.starts_at', 'occurrences.title'])
      .where('bookings.client_id', '=', clientId)
      .where('bookings.status', 'in', ['booked', 'attended'])
      .orderBy('occurrences.starts_at', 'desc')
      .limit(visitLimit)
      .execute(),
    db
      .selectFrom('appointments')
      .innerJoin('services', 'services.id', 'appointments.service_id')
      .select(['appointments.id', 'appointments.starts_at', 'services.name'])
      .where('appointments.client_id', '=', clientId)
      .where('appointments.status', 'in', ['booked', 'attended'])
      .orderBy('appointments.starts_at', 'desc')
      .limit(visitLimit)
      .execute(),
  ]);
  return [
    ...bookings.map((b): PhotoVisit => ({ kind: 'booking', id: b.id, startsAt: b.starts_at, what: b.title })),
    ...appointments.map((a): PhotoVisit => ({ kind: 'appointment', id: a.id, startsAt: a.starts_at, what: a.name })),
  ]
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
    .slice(0, visitLimit);
}

/** A photo's visit, as it reads now (null when it was unlinked or its visit is gone). */
export async function visitOfPhoto(db: ReadDb, row: Pick<PhotoRow, 'booking_id' | 'appointment_id'>): Promise<PhotoVisit | null> {
  if (row.booking_id) {
    const b = await db
      .selectFrom('bookings')
      .innerJoin('occurrences', 'occurrences.id', 'bookings.occurrence_id')
      .select(['bookings.id', 'occurrences.starts_at', 'occurrences.title'])
      .where('bookings.id', '=', row.booking_id)
      .executeTakeFirst();
    return b ? { kind: 'booking', id: b.id, startsAt: b.starts_at, what: b.title } : null;
  }
  if (row.appointment_id) {
    const a = await db
      .selectFrom('appointments')
      .innerJoin('services', 'services.id', 'appointments.service_id')
      .select(['appointments.id', 'appointments.starts_at', 'services.name'])
      .where('appointments.id', '=', row.appointment_id)
      .executeTakeFirst();
    return a ? { kind: 'appointment', id: a.id, startsAt: a.starts_at, what: a.name } : null;
  }
  return null;
}

/** Refuses a visit that is not this client's (any status: a photo of a cancelled visit is still of that visit). */
export async function checkVisitOfClient(db: ReadDb, clientId: string, visit: { kind: 'booking' | 'appointment'; id: string }, field = 'visit'): Promise<void> {
  const owner =
    visit.kind === 'booking'
      ? await db.selectFrom('bookings').select('client_id').where('id', '=', visit.id).executeTakeFirst()
      : await db.selectFrom('appointments').select('client_id').where('id', '=', visit.id).executeTakeFirst();
  if (!owner) throw new AppError('not_found', field);
  if (owner.client_id !== clientId) throw new AppError('visit_not_of_client', field);
}
