import type { NoteKind, NoteVisibility } from '../../../src-shared/domain/notes';

export interface ClientNotesTable {
  id: string;
  client_id: string;
  kind: NoteKind;
  /** A visit note names exactly one visit: an appointment or a session booking. */
  appointment_id: string | null;
  booking_id: string | null;
  /** Taken from the caller, never from the input; null only for a centre without PINs with nobody chosen. */
  author_id: string | null;
  visibility: NoteVisibility;
  body: string;
  created_at: string;
  updated_at: string;
}
