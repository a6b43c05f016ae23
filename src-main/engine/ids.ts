import { monotonicFactory } from 'ulid';

/**
 * ulid asks the system for random bytes once per character (16 calls per id, a few per write);
 * this takes them from a pool filled by one call every 1,024 draws. Same source (crypto), same
 * uniform fractions in [0, 1).
 */
const pool = new Uint32Array(1024);
let next = pool.length;
function pooledRandom(): number {
  if (next === pool.length) {
    globalThis.crypto.getRandomValues(pool);
    next = 0;
  }
  return pool[next++]! / 0x1_0000_0000;
}

const ulid = monotonicFactory(pooledRandom);

/** A globally unique, time-ordered id (ULID), so that two desks can later merge their data. */
export function newId(): string {
  return ulid();
}
