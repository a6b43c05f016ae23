import type { StaffRole } from '../../../src-shared/domain/staff';
import type { ReadDb, WriteTx } from '../database';
import { precompiled } from '../precompiled';

export interface StaffCredentials {
  id: string;
  name: string;
  colour: string;
  role: StaffRole;
  active: boolean;
  pinHash: string | null;
}

function credentialsOf(row: { id: string; name: string; colour: string; role: StaffRole; active: 0 | 1; pin_hash: string | null }): StaffCredentials {
  return { id: row.id, name: row.name, colour: row.colour, role: row.role, active: row.active === 1, pinHash: row.pin_hash };
}

export async function readStaffCredentials(db: ReadDb, staffId: string): Promise<StaffCredentials | null> {
  const row = await db.selectFrom('staff').select(['id', 'name', 'colour', 'role', 'active', 'pin_hash']).where('id', '=', staffId).executeTakeFirst();
  return row ? credentialsOf(row) : null;
}

/** The active team, by name, with whether each has a PIN. */
export async function activeTeamCredentials(db: ReadDb): Promise<StaffCredentials[]> {
  const rows = await db.selectFrom('staff').select(['id', 'name', 'colour', 'role', 'active', 'pin_hash']).where('active', '=', 1).orderBy('name_key').execute();
  return rows.map(credentialsOf);
}

/** PINs are on once any active staff member has one: from then on the desk asks who is working. */
// Asked before every call (who is calling): built once.
const anyPin = precompiled((db) => db.selectFrom('staff').select('id').where('active', '=', 1).where('pin_hash', 'is not', null).limit(1));

export async function pinsAreOn(db: ReadDb): Promise<boolean> {
  return (await anyPin(db, {})).length > 0;
}

export async function writePinHash(tx: WriteTx, staffId: string, pinHash: string | null, now: string): Promise<void> {
  await tx.updateTable('staff').set({ pin_hash: pinHash, updated_at: now }).where('id', '=', staffId).execute();
}
