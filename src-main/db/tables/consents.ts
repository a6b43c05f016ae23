import type { ConsentMethod, ConsentPurpose } from '../../../src-shared/domain/consent';

/** One grant or withdrawal of a client's consent for a purpose (append-only). */
export interface ClientConsentsTable {
  id: string;
  client_id: string;
  purpose: ConsentPurpose;
  granted: 0 | 1;
  method: ConsentMethod;
  note: string | null;
  /** Who recorded it (null: a centre without PINs where nobody was chosen). */
  staff_id: string | null;
  recorded_at: string;
}
