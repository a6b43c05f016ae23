import { isDateInRange } from '../../src-shared/time/calendar-date';
import { loadClientForBooking } from '../db/queries/clients';
import { deleteNote, insertNote, lastVisitNoteOf, loadReadableNote, readableNotesOf, updateNote, visitOfClient } from '../db/queries/notes';
import { readCentreSettings } from '../db/queries/settings';
import { newId } from '../engine/ids';
import { visitCanHaveNote, type NoteViewer } from '../engine/notes/note-rules';
import { localDate } from '../engine/time/local-date';
import { AppError } from '../errors/app-error';
import type { Caller } from './caller';
import type { Handlers } from './handler';

type NoteHandlers = Pick<Handlers, 'notes.list' | 'notes.lastVisit' | 'notes.add' | 'notes.update' | 'notes.delete'>;

const viewerOf = (caller: Caller): NoteViewer => ({ staffId: caller.staffId, role: caller.role });

/*
 * The audit trail records what was done to a note (kind, visibility, which visit), never its words:
 * a private note's text must not reach anyone but its author by another way.
 */
export const noteHandlers: NoteHandlers = {
  'notes.list': async ({ clientId }, { db, caller }) => {
    await loadClientForBooking(db, clientId, 'clientId');
    return readableNotesOf(db, clientId, viewerOf(caller));
  },

  'notes.lastVisit': async ({ clientId, before }, { db, caller }) => {
    await loadClientForBooking(db, clientId, 'clientId');
    // Like every instant of the contract: its local date must be one the agenda can show.
    const { timeZone } = await readCentreSettings(db);
    if (!isDateInRange(localDate(new Date(before), timeZone))) throw new AppError('date_out_of_range', 'before');
    return lastVisitNoteOf(db, clientId, before, viewerOf(caller));
  },

  'notes.add': async ({ clientId, body, visibility, appointmentId, bookingId }, { tx, now, caller, log }) => {
    await loadClientForBooking(tx, clientId, 'clientId');
    const problems: AppError[] = [];
    // A private note is its author's: with nobody chosen at the desk there is no one to keep it for.
    if (visibility === 'private' && caller.staffId === null) problems.push(new AppError('note_private_needs_person', 'visibility'));
    if (appointmentId !== undefined && bookingId !== undefined) problems.push(new AppError('invalid_input', 'bookingId'));
    else if (appointmentId !== undefined || bookingId !== undefined) {
      const field = appointmentId !== undefined ? 'appointmentId' : 'bookingId';
      const visit = await visitOfClient(tx, clientId, { appointmentId, bookingId });
      if (!visit) problems.push(new AppError('not_found', field));
      else if (!visitCanHaveNote(visit, now)) problems.push(new AppError('note_visit_not_held', field));
      // A professional notes the visits they served; the desk notes any.
      else if (caller.role === 'professional' && visit.staffId !== caller.staffId) problems.push(new AppError('note_visit_not_served', field));
    }
    const refused = AppError.combine(problems);
    if (refused) throw refused;

    const id = newId();
    const kind = appointmentId !== undefined || bookingId !== undefined ? 'visit' : 'general';
    await insertNote(tx, {
      id,
      client_id: clientId,
      kind,
      appointment_id: appointmentId ?? null,
      booking_id: bookingId ?? null,
      author_id: caller.staffId,
      visibility,
      body,
      created_at: now,
      updated_at: now,
    });
    log({ entity: 'client_note', entityId: id, subjectClientId: clientId, changes: { kind, visibility, appointmentId, bookingId } });
    return loadReadableNote(tx, id, viewerOf(caller));
  },

  'notes.update': async ({ id, body, visibility }, { tx, now, caller, log }) => {
    const viewer = viewerOf(caller);
    const note = await loadReadableNote(tx, id, viewer);
    if (!note.canEdit) throw new AppError('note_not_author', 'id');
    if (visibility === 'private' && note.authorId === null) throw new AppError('note_private_needs_person', 'visibility');
    await updateNote(tx, id, { ...(body !== undefined ? { body } : {}), ...(visibility !== undefined ? { visibility } : {}) }, now);
    log({ entity: 'client_note', entityId: id, subjectClientId: note.clientId, changes: { textChanged: body !== undefined && body !== note.body, visibility } });
    return loadReadableNote(tx, id, viewer);
  },

  'notes.delete': async ({ id }, { tx, caller, log }) => {
    const note = await loadReadableNote(tx, id, viewerOf(caller));
    if (!note.canDelete) throw new AppError('note_not_author', 'id');
    await deleteNote(tx, id);
    log({ entity: 'client_note', entityId: id, subjectClientId: note.clientId, changes: { deleted: true } });
    return { id };
  },
};
