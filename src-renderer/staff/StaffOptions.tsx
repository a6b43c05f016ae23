import type { StaffMember } from '../../src-shared/domain/staff';

/**
 * The <option>s of a select of team members, by name. `chosen`, the member the select holds,
 * is listed first when it is not among `staff` (an inactive one), so the select still shows it.
 */
export function StaffOptions({ staff, chosen }: { staff: readonly StaffMember[]; chosen?: StaffMember }) {
  return (
    <>
      {chosen && !chosen.active && <option value={chosen.id}>{chosen.name}</option>}
      {staff.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </>
  );
}
