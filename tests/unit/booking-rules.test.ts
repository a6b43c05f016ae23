import { describe, expect, it } from 'vitest';
import { canSeeSession, decideBooking, hasFreePlace } from '../../src-main/engine/agenda/booking-rules';

describe('hasFreePlace', () => {
  it('is true with no place limit, whatever is held', () => {
    expect(hasFreePlace({ places: null, heldCount: 0 })).toBe(true);
    expect(hasFreePlace({ places: null, heldCount: 10_000 })).toBe(true);
  });
  it('is true below the limit and false at or beyond it', () => {
    expect(hasFreePlace({ places: 2, heldCount: 0 })).toBe(true);
    expect(hasFreePlace({ places: 2, heldCount: 1 })).toBe(true);
    expect(hasFreePlace({ places: 2, heldCount: 2 })).toBe(false);
    // Over-places overrides can leave more held than places.
    expect(hasFreePlace({ places: 2, heldCount: 3 })).toBe(false);
  });
  it('a session with 0 places never has a free place', () => {
    expect(hasFreePlace({ places: 0, heldCount: 0 })).toBe(false);
  });
});

describe('decideBooking', () => {
  it('books into a free place, not over places even when the override is asked for', () => {
    expect(decideBooking({ places: 2, heldCount: 1, waitlistCount: 0, overPlaces: false })).toEqual({ status: 'booked', overPlaces: false, waitlistPosition: null });
    expect(decideBooking({ places: 2, heldCount: 1, waitlistCount: 0, overPlaces: true })).toEqual({ status: 'booked', overPlaces: false, waitlistPosition: null });
    expect(decideBooking({ places: null, heldCount: 99, waitlistCount: 0, overPlaces: false }).status).toBe('booked');
  });
  it('puts the client last on the waitlist when the session is full', () => {
    expect(decideBooking({ places: 2, heldCount: 2, waitlistCount: 0, overPlaces: false })).toEqual({ status: 'waitlisted', overPlaces: false, waitlistPosition: 1 });
    expect(decideBooking({ places: 2, heldCount: 2, waitlistCount: 3, overPlaces: false })).toEqual({ status: 'waitlisted', overPlaces: false, waitlistPosition: 4 });
    expect(decideBooking({ places: 0, heldCount: 0, waitlistCount: 0, overPlaces: false }).status).toBe('waitlisted');
  });
  it('books beyond the places only with the explicit override, and records it', () => {
    expect(decideBooking({ places: 2, heldCount: 2, waitlistCount: 2, overPlaces: true })).toEqual({ status: 'booked', overPlaces: true, waitlistPosition: null });
    expect(decideBooking({ places: 2, heldCount: 5, waitlistCount: 0, overPlaces: true })).toEqual({ status: 'booked', overPlaces: true, waitlistPosition: null });
  });
  it('queues a newcomer behind the waitlist even when a place has just freed (it belongs to the waitlist)', () => {
    expect(decideBooking({ places: 2, heldCount: 1, waitlistCount: 2, overPlaces: false })).toEqual({ status: 'waitlisted', overPlaces: false, waitlistPosition: 3 });
    // Staff may still seat them by hand: a free place taken ahead of the queue is not beyond the places.
    expect(decideBooking({ places: 2, heldCount: 1, waitlistCount: 2, overPlaces: true })).toEqual({ status: 'booked', overPlaces: false, waitlistPosition: null });
  });
  it('waitlist positions follow the order of arrival (promotion order)', () => {
    let last = 0;
    const positions: number[] = [];
    for (let i = 0; i < 5; i++) {
      const decision = decideBooking({ places: 1, heldCount: 1, waitlistCount: last, overPlaces: false });
      positions.push(decision.waitlistPosition ?? -1);
      last = decision.waitlistPosition ?? last;
    }
    expect(positions).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('canSeeSession (seed 000 §3)', () => {
  const pilates = 'T-PILATES';
  const morning = 'T-MORNING';
  const other = 'T-OTHER';

  it('ALL: the client must hold every tag of the session', () => {
    expect(canSeeSession([pilates, morning], [pilates, morning], 'all')).toBe(true);
    expect(canSeeSession([pilates, morning, other], [pilates, morning], 'all')).toBe(true);
    expect(canSeeSession([pilates], [pilates, morning], 'all')).toBe(false);
    expect(canSeeSession([], [pilates, morning], 'all')).toBe(false);
  });
  it('ANY: one of the session tags is enough', () => {
    expect(canSeeSession([pilates], [pilates, morning], 'any')).toBe(true);
    expect(canSeeSession([morning, other], [pilates, morning], 'any')).toBe(true);
    expect(canSeeSession([other], [pilates, morning], 'any')).toBe(false);
    expect(canSeeSession([], [pilates, morning], 'any')).toBe(false);
  });
  it('a session with no tags shows to nobody, ALL or ANY', () => {
    expect(canSeeSession([pilates], [], 'all')).toBe(false);
    expect(canSeeSession([pilates], [], 'any')).toBe(false);
    expect(canSeeSession([], [], 'all')).toBe(false);
  });
  it('duplicate tags change nothing', () => {
    expect(canSeeSession([pilates, pilates], [pilates, morning], 'all')).toBe(false);
    expect(canSeeSession([pilates, morning], [pilates, pilates, morning], 'all')).toBe(true);
  });
});
