/** A general note about the client (seed 004: "cliente puntual") or a note on one visit (the colour formula). */
export const noteKinds = ['general', 'visit'] as const;
export type NoteKind = (typeof noteKinds)[number];

/** private: only its author reads it (enforced in main); shared: the whole team does. */
export const noteVisibilities = ['private', 'shared'] as const;
export type NoteVisibility = (typeof noteVisibilities)[number];

/** The visit a note is about: an appointment or a place in a session. */
export interface NoteVisit {
  kind: 'appointment' | 'booking';
  id: string;
  startsAt: string;
  /** The service or the session's title. */
  what: string;
  staffName: string;
}

export interface ClientNote {
  id: string;
  clientId: string;
  kind: NoteKind;
  visibility: NoteVisibility;
  body: string;
  authorId: string | null;
  /** null: written in a centre without PINs with nobody chosen ("the desk"). */
  authorName: string | null;
  createdAt: string;
  updatedAt: string;
  /** Only a visit note has one. */
  visit: NoteVisit | null;
  /** Whether the caller may change it (its author) and delete it (its author; an owner or manager for a shared one). */
  canEdit: boolean;
  canDelete: boolean;
}
