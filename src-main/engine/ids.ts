import { monotonicFactory } from 'ulid';

const ulid = monotonicFactory();

/** A globally unique, time-ordered id (ULID), so that two desks can later merge their data. */
export function newId(): string {
  return ulid();
}
