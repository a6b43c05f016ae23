import type { StaffMember } from '../../../src-shared/domain/staff';
import { AppError } from '../../errors/app-error';
import type { Db, WriteTx } from '../database';
import type { StaffTable } from '../tables/staff';

export function toStaffMember(row: StaffTable): StaffMember {
  return { id: row.id, name: row.name, colour: row.colour, role: row.role, active: row.active === 1, hasPin: row.pin_hash !== null };
}

export async function loadStaffMember(db: Db | WriteTx, id: string, field = 'id'): Promise<StaffMember> {
  const row = await db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', field);
  return toStaffMember(row);
}

const deskStaffKey = 'staff_id';

/** Who is working at this desk: the change log records them on every write. */
export async function readDeskStaffId(db: Db | WriteTx): Promise<string | null> {
  const row = await db.selectFrom('desk_state').select('value').where('key', '=', deskStaffKey).executeTakeFirst();
  return row?.value ?? null;
}

export async function writeDeskStaffId(tx: WriteTx, staffId: string | null, now: string): Promise<void> {
  await tx
    .insertInto('desk_state')
    .values({ key: deskStaffKey, value: staffId, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: staffId, updated_at: now }))
    .execute();
}
