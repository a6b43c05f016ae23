import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { newDeskKey } from './keys';

/** What the owner does by hand (`npm run cloud -- admin …`): centres, and the keys of their desks. */

export async function createCentre(pool: Pool, input: { name: string }): Promise<{ id: string }> {
  const name = input.name.trim();
  if (name === '') throw new Error('a centre needs a name');
  const id = randomUUID();
  await pool.query('INSERT INTO centres (id, name) VALUES ($1, $2)', [id, name]);
  return { id };
}

/** A new key for one desk of the centre. `key` is shown once: only its hash is kept. */
export async function createDeskKey(pool: Pool, input: { centreId: string; label: string }): Promise<{ keyId: string; key: string }> {
  const centre = await pool.query('SELECT 1 FROM centres WHERE id = $1', [input.centreId]);
  if (centre.rowCount === 0) throw new Error(`no centre ${input.centreId}`);
  const { keyId, key, secretHash } = newDeskKey();
  await pool.query('INSERT INTO desk_keys (id, centre_id, label, secret_hash) VALUES ($1, $2, $3, $4)', [keyId, input.centreId, input.label, secretHash]);
  return { keyId, key };
}

/** Revokes a key: its next request is refused (`key_revoked`). Revoking twice is harmless. */
export async function revokeDeskKey(pool: Pool, keyId: string): Promise<void> {
  const result = await pool.query('UPDATE desk_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1', [keyId]);
  if (result.rowCount === 0) throw new Error(`no key ${keyId}`);
}

export interface DeskKeyInfo {
  keyId: string;
  label: string;
  deskId: string | null;
  deskName: string | null;
  appliedThrough: number;
  createdAt: Date;
  revokedAt: Date | null;
}

export async function listDeskKeys(pool: Pool, centreId: string): Promise<DeskKeyInfo[]> {
  const result = await pool.query<{ id: string; label: string; desk_id: string | null; name: string | null; applied_through: string | null; created_at: Date; revoked_at: Date | null }>(
    `SELECT k.id, k.label, k.desk_id, d.name, d.applied_through, k.created_at, k.revoked_at
       FROM desk_keys k LEFT JOIN desks d ON d.desk_id = k.desk_id
      WHERE k.centre_id = $1 ORDER BY k.created_at, k.id`,
    [centreId],
  );
  return result.rows.map((r) => ({
    keyId: r.id,
    label: r.label,
    deskId: r.desk_id,
    deskName: r.name,
    appliedThrough: Number(r.applied_through ?? 0),
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  }));
}

export async function listCentres(pool: Pool): Promise<{ id: string; name: string; head: number }[]> {
  const result = await pool.query<{ id: string; name: string; head_seq: string }>('SELECT id, name, head_seq FROM centres ORDER BY created_at, id');
  return result.rows.map((r) => ({ id: r.id, name: r.name, head: Number(r.head_seq) }));
}
