import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * A PIN is kept only as a slow salted scrypt hash, `scrypt$N$r$p$salt$hash` (base64): it may
 * travel with the staff row to every desk of the centre, the PIN itself never does. Four to eight
 * digits are few: the cost of each guess, and the lock-out after five, are what protect them.
 */
const cost = { N: 2 ** 15, r: 8, p: 1 };
const keyLength = 32;
// scrypt needs 128 · N · r bytes; Node's default ceiling (32 MiB) is exactly that, so leave room.
const maxmem = 64 * 1024 * 1024;

function derive(pin: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((done, fail) => {
    scrypt(pin, salt, keyLength, { ...params, maxmem }, (error, key) => (error ? fail(error) : done(key)));
  });
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether `pin` is the one hashed; false for a malformed hash. Compared in constant time. */
export async function pinMatches(pin: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(pin, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
