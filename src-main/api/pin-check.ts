import type { Db } from '../db/database';
import { clearPinAttempts, readPinAttempts, writePinAttempts } from '../db/queries/pin-attempts';
import type { StaffCredentials } from '../db/queries/sign-in';
import { pinMatches } from '../engine/staff/pin-hash';
import { afterWrongPin, isLockedOut } from '../engine/staff/pin-lockout';
import { AppError } from '../errors/app-error';

/**
 * Checks a PIN typed for someone (signing in, or approving on the spot). A wrong one is counted on
 * this desk, committed even though the call fails; the fifth locks that person out for a minute.
 */
export async function checkPin(db: Db, member: StaffCredentials, pin: string, field: string): Promise<void> {
  const now = new Date();
  if (isLockedOut(await readPinAttempts(db, member.id), now)) throw new AppError('pin_locked_out', field);
  const right = member.pinHash !== null && (await pinMatches(pin, member.pinHash));
  const lockedOut = await db.transaction().execute(async (tx) => {
    // Read again under the write lock: two windows typing at once count both attempts.
    const attempts = await readPinAttempts(tx, member.id);
    if (isLockedOut(attempts, now)) return true;
    if (right) {
      if (attempts) await clearPinAttempts(tx, member.id);
      return false;
    }
    const next = afterWrongPin(attempts, now);
    await writePinAttempts(tx, member.id, next, now.toISOString());
    return next.lockedUntil !== null;
  });
  if (lockedOut) throw new AppError('pin_locked_out', field);
  if (!right) throw new AppError('pin_wrong', field);
}
