/** What a client may be contacted for, each consented to (or withdrawn) on its own. */
export const consentPurposes = ['appointment_messages', 'promotions'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

/** How the consent (or its withdrawal) was given. */
export const consentMethods = ['in_person', 'paper', 'whatsapp', 'email', 'phone', 'online_form'] as const;
export type ConsentMethod = (typeof consentMethods)[number];

export interface ConsentRecord {
  id: string;
  clientId: string;
  purpose: ConsentPurpose;
  granted: boolean;
  method: ConsentMethod;
  note: string | null;
  staffId: string | null;
  /** The name of who recorded it, or null when nobody was signed in. */
  staffName: string | null;
  recordedAt: string;
}

/** 'none': nothing recorded yet (appointment messages are sent; promotions are not). */
export type ConsentState = 'granted' | 'withdrawn' | 'none';

export interface ClientConsents {
  /** The latest record per purpose, or null when none. */
  current: Record<ConsentPurpose, ConsentRecord | null>;
  /** Every record, newest first. */
  history: ConsentRecord[];
}

/**
 * Whether a purpose may be used now. Appointment messages (reminders, confirmations) are part of
 * the service the client booked: allowed until a withdrawal is recorded. Promotions need an
 * explicit grant.
 */
export function consentAllows(purpose: ConsentPurpose, latest: { granted: boolean } | null): boolean {
  if (latest === null) return purpose === 'appointment_messages';
  return latest.granted;
}
