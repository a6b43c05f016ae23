import type { PinAttempts } from '../../engine/staff/pin-lockout';
import type { ReadDb, WriteTx } from '../database';

export async function readPinAttempts(db: ReadDb, staffId: string): Promise<PinAttempts | null> {
  const row = await db.selectFrom('pin_attempts').select(['failures', 'locked_until']).where('staff_id', '=', staffId).executeTakeFirst();
  return row ? { failures: row.failures, lockedUntil: row.locked_until } : null;
}

/** Who is locked out on this desk now, by staff id. */
export async function lockedOutStaff(db: ReadDb, now: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('pin_attempts').select(['staff_id', 'locked_until']).where('locked_until', '>', now).execute();
  return new Map(rows.map((r) => [r.staff_id, r.locked_until!]));
}

export async function writePinAttempts(tx: WriteTx, staffId: string, attempts: PinAttempts, now: string): Promise<void> {
  const values = { failures: attempts.failures, locked_until: attempts.lockedUntil, updated_at: now };
  await tx
    .insertInto('pin_attempts')
    .values({ staff_id: staffId, ...values })
    .onConflict((oc) => oc.column('staff_id').doUpdateSet(values))
    .execute();
}

export async function clearPinAttempts(tx: WriteTx, staffId: string): Promise<void> {
  await tx.deleteFrom('pin_attempts').where('staff_id', '=', staffId).execute();
}
