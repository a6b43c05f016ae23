import { z } from 'zod';
import type { DeskState, StaffMember } from '../domain/staff';
import { staffRoles } from '../domain/staff';
import { command, query, returns } from './define-call';
import { colour, id, text } from './fields';

export const staffApi = {
  'staff.list': query(
    z.strictObject({ includeInactive: z.boolean().optional() }),
    'The professionals and collaborators, by name',
    returns<StaffMember[]>(),
  ),
  'staff.create': command(
    z.strictObject({ name: text(80), colour: colour.optional(), role: z.enum(staffRoles) }),
    'Add a professional or collaborator',
    returns<StaffMember>(),
  ),
  'staff.update': command(
    z.strictObject({ id, name: text(80).optional(), colour: colour.optional(), role: z.enum(staffRoles).optional(), active: z.boolean().optional() }),
    "Change a staff member's name, colour, role or active flag",
    returns<StaffMember>(),
  ),
  'desk.get': query(z.strictObject({}), 'Who is working at this desk ("my calendar")', returns<DeskState>()),
  'desk.setStaff': command(
    z.strictObject({ staffId: id.nullable() }),
    'Switch who is working at this desk',
    returns<DeskState>(),
  ),
};
