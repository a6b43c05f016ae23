import { z } from 'zod';
import type { StaffMember } from '../domain/staff';
import { staffRoles } from '../domain/staff';
import { command, query, returns } from './define-call';
import { colour, id, pin, text } from './fields';
import { everyone, managers } from './access';

export const staffApi = {
  'staff.list': query(
    z.strictObject({ includeInactive: z.boolean().optional() }),
    'The professionals and collaborators, by name',
    returns<StaffMember[]>(),
    everyone,
  ),
  'staff.create': command(
    z.strictObject({ name: text(80), colour: colour.optional(), role: z.enum(staffRoles) }),
    'Add a professional or collaborator',
    returns<StaffMember>(),
    managers,
  ),
  'staff.update': command(
    z.strictObject({ id, name: text(80).optional(), colour: colour.optional(), role: z.enum(staffRoles).optional(), active: z.boolean().optional() }),
    "Change a staff member's name, colour, role or active flag",
    returns<StaffMember>(),
    managers,
  ),
  'staff.setPin': command(
    z.strictObject({ staffId: id, pin: pin.nullable() }),
    "Set or remove a staff member's PIN (owners and managers for anyone; each person for their own)",
    returns<StaffMember>(),
    everyone,
  ),
};
