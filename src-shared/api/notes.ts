import { z } from 'zod';
import type { ClientNote } from '../domain/notes';
import { noteVisibilities } from '../domain/notes';
import { command, query, returns } from './define-call';
import { id, instant, text } from './fields';
import { everyone } from './access';

/**
 * Notes on a client. Every call answers only the notes the caller may read: shared ones, and their
 * own private ones; another person's private note is `not_found` to them, whatever they try. Anyone
 * may write; a professional writes a visit note only on a visit they served (checked in main).
 */
export const notesApi = {
  'notes.list': query(
    z.strictObject({ clientId: id }),
    "A client's general and visit notes the caller may read (shared, and their own private ones), newest first",
    returns<ClientNote[]>(),
    everyone,
  ),
  'notes.lastVisit': query(
    z.strictObject({ clientId: id, before: instant }),
    "The latest visit note the caller may read on one of the client's visits that started before an instant (shown on the next visit)",
    returns<ClientNote | null>(),
    everyone,
  ),
  'notes.add': command(
    z.strictObject({
      clientId: id,
      body: text(4000),
      visibility: z.enum(noteVisibilities),
      /** A visit note names one visit (an appointment or a session booking of this client); neither: a general note. */
      appointmentId: id.optional(),
      bookingId: id.optional(),
    }),
    'Write a general note on a client, or a note on one of their visits; its author is the caller',
    returns<ClientNote>(),
    everyone,
  ),
  'notes.update': command(
    z.strictObject({ id, body: text(4000).optional(), visibility: z.enum(noteVisibilities).optional() }),
    "Change a note's text or who may read it: its author only",
    returns<ClientNote>(),
    everyone,
  ),
  'notes.delete': command(
    z.strictObject({ id }),
    'Delete a note: its author, or an owner or manager for a shared note',
    returns<{ id: string }>(),
    everyone,
  ),
};
