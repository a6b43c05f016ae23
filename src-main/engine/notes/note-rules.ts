import type { StaffRole } from '../../../src-shared/domain/staff';
import type { NoteVisibility } from '../../../src-shared/domain/notes';

/** Who is asking, as far as notes care. */
export interface NoteViewer {
  staffId: string | null;
  role: StaffRole | null;
}

export interface NoteAccessFacts {
  authorId: string | null;
  visibility: NoteVisibility;
}

/**
 * A private note is its author's alone. A viewer with no staff id (a centre without PINs, nobody
 * chosen) is nobody in particular, so reads only shared notes; a private note always has an author.
 */
export function canReadNote(note: NoteAccessFacts, viewer: NoteViewer): boolean {
  return note.visibility === 'shared' || (note.authorId !== null && note.authorId === viewer.staffId);
}

/**
 * Only the author changes a note's words: a note signed by someone must stay theirs. A note with no
 * author was written by "the desk" of a centre without PINs, which anyone there may correct.
 */
export function canEditNote(note: NoteAccessFacts, viewer: NoteViewer): boolean {
  if (!canReadNote(note, viewer)) return false;
  return note.authorId === null || note.authorId === viewer.staffId;
}

/**
 * The author deletes their note; an owner or a manager may also take down a shared one (one that is
 * wrong or unkind, or left by someone who has gone), never read or delete a private one of another.
 */
export function canDeleteNote(note: NoteAccessFacts, viewer: NoteViewer): boolean {
  if (canEditNote(note, viewer)) return true;
  return note.visibility === 'shared' && (viewer.role === 'owner' || viewer.role === 'manager');
}

/** The facts of a visit a note is written on. */
export interface VisitFacts {
  startsAt: string;
  status: string;
  /** The professional who served it (the appointment's, the session's organizer). */
  staffId: string;
}

/** A visit note is about what happened: the visit has started and was neither cancelled nor a no-show. */
export function visitCanHaveNote(visit: VisitFacts, now: string): boolean {
  return visit.startsAt <= now && visit.status !== 'cancelled' && visit.status !== 'no_show' && visit.status !== 'waitlisted';
}
