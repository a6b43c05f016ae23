/** The card's fields as the clients table stores them: what normalising a card's input produces. */
export interface ClientCardColumns {
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
}
