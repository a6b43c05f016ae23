export const languages = ['es', 'en'] as const;
export type Language = (typeof languages)[number];

export interface CentreSettings {
  name: string;
  /** ISO 3166-1 alpha-2: the default phone country and the tax id rules. */
  country: string;
  /** IANA zone, e.g. Europe/Madrid. */
  timeZone: string;
  /** ISO 4217, e.g. EUR. */
  currency: string;
  language: Language;
  /** Minutes without use before the desk locks, once PINs are on; 0: never. */
  lockAfterMinutes: number;
  /** How long before a session or an appointment starts the desk may check the client in. */
  checkInMinutesBefore: number;
}
