export interface SessionTypesTable {
  id: string;
  name: string;
  name_key: string;
  colour: string;
  default_duration_min: number;
  default_places: number | null;
  created_at: string;
  updated_at: string;
}

export interface ServicesTable {
  id: string;
  name: string;
  name_key: string;
  duration_min: number;
  price_minor: number;
  /** VAT in basis points; the country's rates (engine/fiscal/vat-rates.ts). */
  vat_rate_bp: number;
  active: 0 | 1;
  created_at: string;
  updated_at: string;
}
