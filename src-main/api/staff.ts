import { countStaff, insertStaff, listStaff, loadStaffMember, readDeskStaffId, toStaffMember, updateStaff, writeDeskStaffId } from '../db/queries/staff';
import { assertNameFree } from '../db/queries/unique-name';
import { newId } from '../engine/ids';
import { paletteColour } from '../engine/palette';
import { AppError } from '../errors/app-error';
import type { Handlers } from './handler';

type StaffHandlers = Pick<Handlers, 'staff.list' | 'staff.create' | 'staff.update' | 'desk.get' | 'desk.setStaff'>;

export const staffHandlers: StaffHandlers = {
  'staff.list': async ({ includeInactive }, { db }) => listStaff(db, includeInactive ?? false),

  'staff.create': async ({ name, colour, role }, { tx, now, log }) => {
    const nameKey = await assertNameFree(tx, 'staff', name);
    const count = await countStaff(tx);
    const row = { id: newId(), name, name_key: nameKey, colour: colour ?? paletteColour(count + 3), role, active: 1 as const };
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
    log({ entity: 'staff', entityId: id, changes: { name, colour, role, active } });
    return loadStaffMember(tx, id);
  },

  'desk.get': async (_input, { db }) => ({ staffId: await readDeskStaffId(db) }),

  'desk.setStaff': async ({ staffId }, { tx, now, log }) => {
    if (staffId !== null) {
      const member = await loadStaffMember(tx, staffId, 'staffId');
      if (!member.active) throw new AppError('not_found', 'staffId');
    }
    await writeDeskStaffId(tx, staffId, now);
    log({ entity: 'desk', entityId: 'staff_id', changes: { staffId } });
    return { staffId };
  },
};
