import type { WriteTx, Db } from '../database';
import type { ClientPassesTable } from '../tables/checkout';

/**
 * The credit operations checkout and bookings share. Every movement is one credit_ledger row
 * written in the caller's transaction; client_passes.balance follows by trigger.
 * TODO(issue 5): being written (the passes engineer owns this file).
 */

/** What a credit can pay: a service (appointments, checkout lines) or a session type (session bookings). */
export type CreditUse = { serviceId: string } | { sessionTypeId: string };

export interface CreditContext {
  now: string;
  /** The desk's staff, recorded on the ledger row. */
  staffId: string | null;
}

/** Sells a pass product to a client: a client_passes row and its 'sale' ledger row (+credits). Returns the pass id. */
export async function issuePass(
  _tx: WriteTx,
  _input: { clientId: string; passProductId: string; saleId: string; localToday: string },
  _context: CreditContext,
): Promise<string> {
  throw new Error('not yet');
}

/** Sells a plan product: one client_passes row (kind 'plan') per service of the plan, grouped; returns their ids. */
export async function issuePlan(
  _tx: WriteTx,
  _input: { clientId: string; planProductId: string; saleId: string; localToday: string },
  _context: CreditContext,
): Promise<string[]> {
  throw new Error('not yet');
}

/**
 * The client's pass or plan line that would pay `use` on `date` (local): valid that day, balance > 0,
 * covering it; plan lines before passes, then the one expiring first. `only` narrows the kind.
 */
export async function usableCredit(
  _db: Db | WriteTx,
  _input: { clientId: string; use: CreditUse; date: string; only?: 'pass' | 'plan' },
): Promise<ClientPassesTable | null> {
  throw new Error('not yet');
}

/** Spends one credit of a pass (a 'redemption' ledger row, −1) for a booking, an appointment or a sale line. */
export async function redeemCredit(
  _tx: WriteTx,
  _input: { passId: string; bookingId?: string; appointmentId?: string; saleId?: string },
  _context: CreditContext,
): Promise<void> {
  throw new Error('not yet');
}

/**
 * Undoes what a sale did with credits when it is voided: passes and plans it sold lose their
 * remaining balance (an 'adjustment' row with the reason) and credits its lines redeemed come back
 * (a 'refund' row each).
 */
export async function reverseSaleCredits(_tx: WriteTx, _saleId: string, _reason: string, _context: CreditContext): Promise<void> {
  throw new Error('not yet');
}
