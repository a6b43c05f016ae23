import type { TagMatch } from '../../../src-shared/domain/agenda';

export interface PlaceState {
  /** null: no limit. */
  places: number | null;
  /** Bookings holding a place: booked, attended or no-show. */
  heldCount: number;
}

export function hasFreePlace({ places, heldCount }: PlaceState): boolean {
  return places === null || heldCount < places;
}

export type BookingDecision =
  | { status: 'booked'; overPlaces: boolean; waitlistPosition: null }
  | { status: 'waitlisted'; overPlaces: false; waitlistPosition: number };

/**
 * A free place is taken; a full session puts the client last on its waitlist, unless staff
 * explicitly book beyond the places (recorded on the booking). While anyone is waiting, a newcomer
 * queues behind them: a freed place belongs to the waitlist (the first to complete takes it).
 */
export function decideBooking(state: PlaceState & { waitlistCount: number; overPlaces: boolean }): BookingDecision {
  if (hasFreePlace(state) && state.waitlistCount === 0) return { status: 'booked', overPlaces: false, waitlistPosition: null };
  if (state.overPlaces) return { status: 'booked', overPlaces: !hasFreePlace(state), waitlistPosition: null };
  // Positions are gap-free, so the last one is the count.
  return { status: 'waitlisted', overPlaces: false, waitlistPosition: state.waitlistCount + 1 };
}

/** Tag visibility (seed 000 §3): ALL of the session's tags, or ANY of them. A session with no tags shows to nobody. */
export function canSeeSession(clientTagIds: readonly string[], sessionTagIds: readonly string[], match: TagMatch): boolean {
  if (sessionTagIds.length === 0) return false;
  const held = new Set(clientTagIds);
  return match === 'all' ? sessionTagIds.every((t) => held.has(t)) : sessionTagIds.some((t) => held.has(t));
}

/** The session's tags a client lacks, when the tags keep them out (none when they may see it). */
export function missingSessionTags(clientTagIds: readonly string[], sessionTagIds: readonly string[], match: TagMatch): string[] {
  if (canSeeSession(clientTagIds, sessionTagIds, match)) return [];
  const held = new Set(clientTagIds);
  return sessionTagIds.filter((t) => !held.has(t));
}
