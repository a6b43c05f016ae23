import type { StaffMember } from '../../../src-shared/domain/staff';
import { AppError } from '../../errors/app-error';
import type { ReadDb, WriteTx } from '../database';
import type { StaffTable } from '../tables/staff';
import { precompiled } from '../precompiled';

export function toStaffMember(row: StaffTable): StaffMember {
  return { id: row.id, name: row.name, colour: row.colour, role: row.role, active: row.active === 1, hasPin: row.pin_hash !== null };
}

export async function loadStaffMember(db: ReadDb, id: string, field = 'id'): Promise<StaffMember> {
  const row = await db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', field);
  return toStaffMember(row);
}

export type StaffChanges = Partial<Pick<StaffTable, 'name' | 'name_key' | 'colour' | 'role' | 'active'>>;

export async function listStaff(db: ReadDb, includeInactive: boolean): Promise<StaffMember[]> {
  let query = db.selectFrom('staff').selectAll().orderBy('name_key');
  if (!includeInactive) query = query.where('active', '=', 1);
  return (await query.execute()).map(toStaffMember);
}

/** A professional who can take appointments: they exist and are active. */
export async function assertStaffActive(db: ReadDb, id: string, field = 'staffId'): Promise<void> {
  const staff = await db.selectFrom('staff').select(['id', 'active']).where('id', '=', id).executeTakeFirst();
  if (!staff) throw new AppError('not_found', field);
  if (staff.active !== 1) throw new AppError('staff_inactive', field);
}

export async function readStaffName(db: ReadDb, id: string): Promise<string | null> {
  const [row] = await staffName(db, { id });
  return row?.name ?? null;
}

// Every sale's record names its staff: built once.
const staffName = precompiled((db, p: { id: string }) => db.selectFrom('staff').select('name').where('id', '=', p.id));

export async function countStaff(db: ReadDb): Promise<number> {
  const count = await db.selectFrom('staff').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(count.n);
}

export async function insertStaff(tx: WriteTx, row: StaffTable): Promise<void> {
  await tx.insertInto('staff').values(row).execute();
}

export async function updateStaff(tx: WriteTx, id: string, changes: StaffChanges, now: string): Promise<void> {
  await tx
    .updateTable('staff')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}
