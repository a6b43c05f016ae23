/** A desk's day at the till: opened with a float, closed once (the Z report). */
export interface TillSessionsTable {
  id: string;
  desk_id: string;
  business_date: string;
  float_minor: number;
  opened_at: string;
  opened_by: string | null;
  closed_at: string | null;
  closed_by: string | null;
  z_number: number | null;
  /** JSON {"<denomination in minor units>": count}. */
  cash_count: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface TillMovementsTable {
  id: string;
  till_session_id: string;
  kind: 'in' | 'out';
  amount_minor: number;
  reason: string;
  staff_id: string | null;
  created_at: string;
}

/** Per payment method at the close. */
export interface TillCloseLinesTable {
  till_session_id: string;
  method: string;
  expected_minor: number;
  counted_minor: number;
  difference_minor: number;
  reason: string | null;
}

/** An owner's or manager's correction of a closed day. */
export interface TillCorrectionsTable {
  id: string;
  till_session_id: string;
  method: string;
  amount_minor: number;
  reason: string;
  staff_id: string | null;
  created_at: string;
}
