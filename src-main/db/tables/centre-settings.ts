export interface CentreSettingsTable {
  id: 'centre';
  name: string;
  country: string;
  time_zone: string;
  currency: string;
  language: 'es' | 'en';
  /** Minutes without use before the desk locks; 0: never. */
  lock_after_min: number;
  /** Minutes before the start from which the desk may check a client in. */
  check_in_before_min: number;
  created_at: string;
  updated_at: string;
}
