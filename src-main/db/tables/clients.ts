import type { ClientCardColumns } from '../../engine/clients/client-columns';

export interface ClientsTable extends ClientCardColumns {
  id: string;
  /** The client's row in client_search (FTS5 needs an integer rowid). */
  search_rowid: number;
  registered_on: string;
  blacklisted: 0 | 1;
  blacklist_reason: string | null;
  blacklisted_at: string | null;
  /** The gallery photo shown in the card's header (client_photos.id; no foreign key, a dangling id reads as none; migration 0013, optional so older code paths insert without it). */
  photo_id?: string | null;
  created_at: string;
  updated_at: string;
}

export interface ClientSearchTable {
  rowid: number;
  words: string;
}
