/** Five wrong PINs in a row lock that person out on this desk for a minute. */
export const maxWrongPins = 5;
export const lockOutMs = 60_000;

export interface PinAttempts {
  failures: number;
  lockedUntil: string | null;
}

export function isLockedOut(attempts: PinAttempts | null, now: Date): boolean {
  return attempts?.lockedUntil != null && new Date(attempts.lockedUntil) > now;
}

/** The attempts after a wrong PIN: the fifth starts the lock-out and the count again. */
export function afterWrongPin(attempts: PinAttempts | null, now: Date): PinAttempts {
  const previous = attempts && !isLockedOut(attempts, now) && attempts.lockedUntil === null ? attempts.failures : 0;
  const failures = previous + 1;
  if (failures >= maxWrongPins) return { failures: 0, lockedUntil: new Date(now.getTime() + lockOutMs).toISOString() };
  return { failures, lockedUntil: null };
}
