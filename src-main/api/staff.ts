import { countStaff, insertStaff, listStaff, loadStaffMember, toStaffMember, updateStaff } from '../db/queries/staff';
import { pinsAreOn } from '../db/queries/sign-in';
import { assertNameFree } from '../db/queries/unique-name';
import { newId } from '../engine/ids';
import { paletteColour } from '../engine/palette';
import type { Handlers } from './handler';
import { assertSomeoneCanManage } from './staff-pins';

type StaffHandlers = Pick<Handlers, 'staff.list' | 'staff.create' | 'staff.update'>;

export const staffHandlers: StaffHandlers = {
  'staff.list': async ({ includeInactive }, { db }) => listStaff(db, includeInactive ?? false),

  'staff.create': async ({ name, colour, role }, { tx, now, log }) => {
    const nameKey = await assertNameFree(tx, 'staff', name);
    const count = await countStaff(tx);
    const row = { id: newId(), name, name_key: nameKey, colour: colour ?? paletteColour(count + 3), role, active: 1 as const, pin_hash: null };
    await insertStaff(tx, { ...row, created_at: now, updated_at: now });
    log({ entity: 'staff', entityId: row.id, changes: { name, colour: row.colour, role } });
    return toStaffMember({ ...row, created_at: now, updated_at: now });
  },

  'staff.update': async ({ id, name, colour, role, active }, { tx, now, log }) => {
    await loadStaffMember(tx, id);
    const nameKey = name === undefined ? undefined : await assertNameFree(tx, 'staff', name, id);
    await updateStaff(
      tx,
      id,
      {
        ...(name !== undefined ? { name, name_key: nameKey } : {}),
        ...(colour !== undefined ? { colour } : {}),
        ...(role !== undefined ? { role } : {}),
        ...(active !== undefined ? { active: active ? 1 : 0 } : {}),
      },
      now,
    );
    // A role or active change may leave no owner or manager able to sign in and manage the team.
    if (role !== undefined || active !== undefined) await assertSomeoneCanManage(tx, await pinsAreOn(tx));
    log({ entity: 'staff', entityId: id, changes: { name, colour, role, active } });
    return loadStaffMember(tx, id);
  },
};
