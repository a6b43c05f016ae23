import type { RefusalReason } from '../../src-shared/sync/protocol';

/** A group the server refuses: another desk got there first. Thrown inside the group's savepoint. */
export class GroupRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly tbl: string,
    readonly rowId: string,
  ) {
    super(`${reason}: ${tbl} ${rowId}`);
  }
}

// The constraints of the projections (migrations/0001-sync.ts), and what their violation means.
const reasons: Record<string, { code: string; reason: RefusalReason }> = {
  appointment_slots_no_overlap: { code: '23P01', reason: 'slot_taken' },
  pass_balances_no_credit: { code: '23514', reason: 'no_credit' },
  unique_claims_pkey: { code: '23505', reason: 'duplicate' },
};

/** The decision a PostgreSQL error stands for, or null for an error that is not one. */
export function decisionOf(error: unknown): RefusalReason | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  const known = typeof constraint === 'string' ? reasons[constraint] : undefined;
  return known && known.code === code ? known.reason : null;
}
