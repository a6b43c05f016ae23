import type { ErrorCode } from '../../../src-shared/api/error-codes';
import type { CreditPolicy, CreditState } from '../../../src-shared/domain/passes';

const HOUR_MS = 3_600_000;

/** What the centre starts with until it sets its own: 12 hours, late cancellations and no-shows forfeit. */
export const defaultCreditPolicy: CreditPolicy = { cancelWindowHours: 12, lateCancelForfeits: true, noShowForfeits: true };

/**
 * What a new booking or appointment does with a credit.
 * - passesAllowed: a pass may pay it (the session or schedule is redeemable with passes).
 * - plansApply: a plan may pay it (appointments: plans cover services, never session types).
 * - usable: the credit that would pay it now (plan lines first), or null.
 * - payNow: the client books themselves, or the desk asked to redeem (redeemPass).
 * - placed: it holds its place now (not waitlisted).
 * A plan covering the service applies whatever the flag; with nothing that applies, no credit is involved.
 */
export type BookCredit =
  | { refuse: ErrorCode }
  | { state: 'none'; payWithPass: false }
  | { state: 'pending'; payWithPass: boolean }
  | { state: 'redeemed'; payWithPass: true };

export function creditOnBook(input: {
  passesAllowed: boolean;
  plansApply: boolean;
  usable: { kind: 'pass' | 'plan' } | null;
  source: 'desk' | 'client';
  redeemPass: boolean | undefined;
  placed: boolean;
}): BookCredit {
  const applies = input.passesAllowed || input.usable?.kind === 'plan';
  const payNow = input.source === 'client' || input.redeemPass === true;
  if (!applies) {
    if (input.redeemPass !== true) return { state: 'none', payWithPass: false };
    // Asked to pay with a credit: nothing could (no plan now), or nothing ever needs one here.
    return { refuse: input.plansApply ? 'no_valid_pass' : 'credit_not_needed' };
  }
  if (!payNow) return { state: 'pending', payWithPass: false };
  // A client must hold a usable credit to book, even to join a waitlist (nothing is spent while waiting).
  if (!input.usable) return { refuse: 'no_valid_pass' };
  return input.placed ? { state: 'redeemed', payWithPass: true } : { state: 'pending', payWithPass: true };
}

/** What happens to a redeemed credit when its booking is cancelled at `now`. */
export type CreditChange = { state: CreditState; refund: boolean } | null;

export function creditOnCancel(state: CreditState, policy: CreditPolicy, startsAt: string, now: string): CreditChange {
  if (state === 'pending') return { state: 'none', refund: false };
  if (state !== 'redeemed') return null;
  const inTime = Date.parse(startsAt) - Date.parse(now) >= policy.cancelWindowHours * HOUR_MS;
  return inTime || !policy.lateCancelForfeits ? { state: 'refunded', refund: true } : { state: 'forfeited', refund: false };
}

/** The centre cancelled the session: a spent credit always comes back, whatever the window; a pending one is no longer owed. */
export function creditOnCentreCancel(state: CreditState): CreditChange {
  if (state === 'pending') return { state: 'none', refund: false };
  return state === 'redeemed' ? { state: 'refunded', refund: true } : null;
}

/** A redeemed credit when its client did not come: forfeited, or given back (the centre's setting). Pending stays pending. */
export function creditOnNoShow(state: CreditState, policy: CreditPolicy): CreditChange {
  if (state !== 'redeemed') return null;
  return policy.noShowForfeits ? { state: 'forfeited', refund: false } : { state: 'refunded', refund: true };
}

/**
 * A no-show undone (back to booked, or attended after all): a forfeited credit was never given back,
 * so it is simply redeemed again; a refunded one must be spent again ('respend').
 */
export function creditOnNoShowUndone(state: CreditState): 'redeemed' | 'respend' | null {
  if (state === 'forfeited') return 'redeemed';
  if (state === 'refunded') return 'respend';
  return null;
}

/** Which attendance change touches the credit: entering a no-show, or leaving one. */
export function attendanceCreditStep(from: string, to: string): 'no_show' | 'undo_no_show' | null {
  if (from !== 'no_show' && to === 'no_show') return 'no_show';
  if (from === 'no_show' && to !== 'no_show') return 'undo_no_show';
  return null;
}
