/** The client card's Estadísticas tab and the blacklist suggestions (issue 13, items 3 and 8). */

/** One month of visits, in the centre's local calendar ('2027-03'). Months without visits are left out. */
export interface MonthVisits {
  month: string;
  visits: number;
}

/** One month of spend: the sales not voided created in that local month. */
export interface MonthSpend {
  month: string;
  sales: number;
  totalMinor: number;
}

/** A service (appointments) or a session type (classes) the client came for, with its share of the visits. */
export interface ServiceUse {
  kind: 'service' | 'session_type';
  /** null: a class without a session type. */
  id: string | null;
  name: string;
  visits: number;
  /** visits / all visits, 0..1. */
  share: number;
}

export interface ClientCardStats {
  currency: string;
  /** When the card was created (the registration date). */
  clientSince: string;
  /** Visits: attended, or past and still booked (neither cancelled, a no-show nor in a cancelled session). */
  visits: number;
  firstVisit: string | null;
  lastVisit: string | null;
  /** The start of the latest booking or appointment made, whatever became of it; null: never booked. */
  lastBooking: { startsAt: string; bookedAt: string; title: string } | null;
  visitsByMonth: MonthVisits[];
  /** Most visits first: the first is the preferred one. */
  services: ServiceUse[];
  /** The median of the days between consecutive visit days; null with fewer than two. */
  medianDaysBetweenVisits: number | null;
  averageSpendMinor: number | null;
  totalSpendMinor: number;
  salesCount: number;
  spendByMonth: MonthSpend[];
  noShows: number;
  /** Cancelled within the credit policy's window before the start (or after it). */
  lateCancellations: number;
  /** Every cancellation, late or not (sessions cancelled by the centre are not counted). */
  cancellations: number;
  cancelWindowHours: number;
}

/** When the card suggests the blacklist. A count of 0 turns that rule off. */
export interface BlacklistRules {
  noShowCount: number;
  noShowMonths: number;
  lateCancelCount: number;
  lateCancelMonths: number;
}

export type IncidentKind = 'no_show' | 'late_cancellation';

/** One piece of evidence: a booking or appointment the client missed or cancelled late. */
export interface Incident {
  kind: IncidentKind;
  source: 'session' | 'appointment';
  /** The booking's or appointment's id. */
  id: string;
  startsAt: string;
  /** When it was cancelled (late cancellations only). */
  cancelledAt: string | null;
  /** The session's title or the service's name. */
  title: string;
}

export interface BlacklistSuggestion {
  clientId: string;
  clientName: string;
  phone: string | null;
  /** The incidents within each rule's window, counted. */
  noShows: number;
  lateCancellations: number;
  /** Which thresholds are reached. */
  reasons: IncidentKind[];
  /** Every incident within the windows, newest first. */
  incidents: Incident[];
}
