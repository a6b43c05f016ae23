/** What the card's header shows before anything else (seed 003 and the desk's alerts). */
export interface ClientCardSummary {
  /** The next session booking or appointment still to come. */
  nextVisit: { kind: 'session' | 'appointment'; id: string; startsAt: string; what: string; professional: string } | null;
  /** Live passes and plan lines with credits (not expired). */
  balances: { id: string; kind: 'pass' | 'plan'; name: string; balance: number; creditsTotal: number; validUntil: string }[];
  /** Bookings and appointments whose credit is still to redeem. */
  pendingCredits: number;
  /** Visits of the last 60 days the client came to that no sale and no credit paid. */
  unpaidVisits: number;
}
