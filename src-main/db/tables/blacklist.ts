/** The centre's blacklist-suggestion thresholds (migration 0015); no row: the defaults. */
export interface BlacklistRulesTable {
  id: 'centre';
  /** 0: the rule is off. */
  no_show_count: number;
  no_show_months: number;
  late_cancel_count: number;
  late_cancel_months: number;
  created_at: string;
  updated_at: string;
}

/** A suggestion the desk dismissed: incidents starting up to dismissed_through no longer suggest. */
export interface BlacklistDismissalsTable {
  client_id: string;
  dismissed_through: string;
  dismissed_by: string | null;
  created_at: string;
  updated_at: string;
}
