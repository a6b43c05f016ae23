export interface ClientsTable {
  id: string;
  /** The client's row in client_search (FTS5 needs an integer rowid). */
  search_rowid: number;
  first_name: string;
  last_name: string | null;
  /** Folded "last first" for listing by name. */
  sort_name: string;
  phone: string | null;
  email: string | null;
  birth_date: string | null;
  sex: 'female' | 'male' | 'other' | null;
  address: string | null;
  postal_code: string | null;
  city: string | null;
  tax_id: string | null;
  weight_kg: number | null;
  height_cm: number | null;
  notes: string | null;
  client_group: string | null;
  education: string | null;
  profession: string | null;
  referral_source: string | null;
  invoicing_codes: string | null;
  registered_on: string;
  blacklisted: 0 | 1;
  blacklist_reason: string | null;
  blacklisted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ClientSearchTable {
  rowid: number;
  words: string;
}
