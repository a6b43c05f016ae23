import type { ClientNote } from '../../../src-shared/domain/notes';
import { canDeleteNote, canEditNote, canReadNote, type NoteViewer, type VisitFacts } from '../../engine/notes/note-rules';
import { AppError } from '../../errors/app-error';
import type { ReadDb, WriteTx } from '../database';
import type { ClientNotesTable } from '../tables/notes';

/** A note with its author's name and the visit it is about (appointment or session booking), left-joined. */
function noteQuery(db: ReadDb) {
  return db
    .selectFrom('client_notes as n')
    .leftJoin('staff as au', 'au.id', 'n.author_id')
    .leftJoin('appointments as a', 'a.id', 'n.appointment_id')
    .leftJoin('services as sv', 'sv.id', 'a.service_id')
    .leftJoin('staff as ast', 'ast.id', 'a.staff_id')
    .leftJoin('bookings as b', 'b.id', 'n.booking_id')
    .leftJoin('occurrences as o', 'o.id', 'b.occurrence_id')
    .leftJoin('staff as ost', 'ost.id', 'o.organizer_id')
    .select([
      'n.id',
      'n.client_id',
      'n.kind',
      'n.visibility',
      'n.body',
      'n.author_id',
      'au.name as author_name',
      'n.created_at',
      'n.updated_at',
      'n.appointment_id',
      'n.booking_id',
      'a.starts_at as a_starts_at',
      'sv.name as a_what',
      'ast.name as a_staff',
      'o.starts_at as o_starts_at',
      'o.title as o_what',
      'ost.name as o_staff',
    ]);
}

type NoteRow = Awaited<ReturnType<ReturnType<typeof noteQuery>['execute']>>[number];

function toNote(r: NoteRow, viewer: NoteViewer): ClientNote {
  const facts = { authorId: r.author_id, visibility: r.visibility };
  const visit =
    r.appointment_id !== null
      ? { kind: 'appointment' as const, id: r.appointment_id, startsAt: r.a_starts_at ?? '', what: r.a_what ?? '', staffName: r.a_staff ?? '' }
      : r.booking_id !== null
        ? { kind: 'booking' as const, id: r.booking_id, startsAt: r.o_starts_at ?? '', what: r.o_what ?? '', staffName: r.o_staff ?? '' }
        : null;
  return {
    id: r.id,
    clientId: r.client_id,
    kind: r.kind,
    visibility: r.visibility,
    body: r.body,
    authorId: r.author_id,
    authorName: r.author_name,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    visit,
    canEdit: canEditNote(facts, viewer),
    canDelete: canDeleteNote(facts, viewer),
  };
}

/**
 * Every note of a client this viewer may read, newest first. The one door through which notes are
 * read (list, last visit, export): the privacy rule is applied here, to every row, in main.
 */
export async function readableNotesOf(db: ReadDb, clientId: string, viewer: NoteViewer): Promise<ClientNote[]> {
  const rows = await noteQuery(db).where('n.client_id', '=', clientId).orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').execute();
  return rows.filter((r) => canReadNote({ authorId: r.author_id, visibility: r.visibility }, viewer)).map((r) => toNote(r, viewer));
}

/** The latest readable note on a visit of the client that started before `before`: the one to repeat on the next visit. */
export async function lastVisitNoteOf(db: ReadDb, clientId: string, before: string, viewer: NoteViewer): Promise<ClientNote | null> {
  const notes = (await readableNotesOf(db, clientId, viewer)).filter((n) => n.visit !== null && n.visit.startsAt < before);
  // The latest visit first; on one visit, the latest note.
  notes.sort((x, y) => (y.visit?.startsAt ?? '').localeCompare(x.visit?.startsAt ?? '') || y.createdAt.localeCompare(x.createdAt));
  return notes[0] ?? null;
}

/**
 * One note as this viewer may see it. Another person's private note is `not_found`, exactly as a
 * note that does not exist: its existence is not told.
 */
export async function loadReadableNote(db: ReadDb, noteId: string, viewer: NoteViewer): Promise<ClientNote> {
  const row = await noteQuery(db).where('n.id', '=', noteId).executeTakeFirst();
  if (!row || !canReadNote({ authorId: row.author_id, visibility: row.visibility }, viewer)) throw new AppError('not_found', 'id');
  return toNote(row, viewer);
}

/** The visit a note would be written on, if it is this client's; undefined otherwise. */
export async function visitOfClient(
  db: ReadDb,
  clientId: string,
  visit: { appointmentId?: string | undefined; bookingId?: string | undefined },
): Promise<VisitFacts | undefined> {
  if (visit.appointmentId !== undefined) {
    const row = await db
      .selectFrom('appointments')
      .select(['starts_at', 'status', 'staff_id'])
      .where('id', '=', visit.appointmentId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return row && { startsAt: row.starts_at, status: row.status, staffId: row.staff_id };
  }
  if (visit.bookingId !== undefined) {
    const row = await db
      .selectFrom('bookings as b')
      .innerJoin('occurrences as o', 'o.id', 'b.occurrence_id')
      .select(['o.starts_at', 'o.status as occurrence_status', 'b.status', 'o.organizer_id'])
      .where('b.id', '=', visit.bookingId)
      .where('b.client_id', '=', clientId)
      .executeTakeFirst();
    // A cancelled session was not held, whatever its bookings say.
    return row && { startsAt: row.starts_at, status: row.occurrence_status === 'cancelled' ? 'cancelled' : row.status, staffId: row.organizer_id };
  }
  return undefined;
}

export async function insertNote(tx: WriteTx, row: ClientNotesTable): Promise<void> {
  await tx.insertInto('client_notes').values(row).execute();
}

export async function updateNote(tx: WriteTx, noteId: string, patch: Partial<Pick<ClientNotesTable, 'body' | 'visibility'>>, now: string): Promise<void> {
  await tx
    .updateTable('client_notes')
    .set({ ...patch, updated_at: now })
    .where('id', '=', noteId)
    .execute();
}

export async function deleteNote(tx: WriteTx, noteId: string): Promise<void> {
  await tx.deleteFrom('client_notes').where('id', '=', noteId).execute();
}
