import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A desk key is `mst_<keyId>_<secret>`: the id finds the row, the secret (256 random bits) proves
 * it. Only the secret's sha256 is stored, so a copy of the database does not let anyone in; a hash
 * is enough (no slow KDF) because the secret is random, not a password.
 */
const prefix = 'mst';
const keyPattern = /^mst_([0-9a-f]{16})_([0-9a-f]{64})$/;

export interface NewKey {
  keyId: string;
  key: string;
  secretHash: Buffer;
}

export function newDeskKey(): NewKey {
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('hex');
  return { keyId, key: `${prefix}_${keyId}_${secret}`, secretHash: hashSecret(secret) };
}

export function parseDeskKey(key: string): { keyId: string; secret: string } | null {
  const match = keyPattern.exec(key);
  return match ? { keyId: match[1]!, secret: match[2]! } : null;
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

export function secretMatches(secret: string, storedHash: Buffer): boolean {
  const hash = hashSecret(secret);
  return storedHash.length === hash.length && timingSafeEqual(hash, storedHash);
}
