export interface CentreSettingsTable {
  id: 'centre';
  name: string;
  country: string;
  time_zone: string;
  currency: string;
  language: 'es' | 'en';
  created_at: string;
  updated_at: string;
}
