import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { StaffMember } from '../../src-shared/domain/staff';
import { useQuery } from '../api/client';
import { useSession } from '../sign-in/session-context';

interface DeskState {
  /** Every staff member, inactive ones included (old entries still name them); by name. */
  staff: StaffMember[];
  /** The active ones: the team view's columns, the organizers a new event may have. */
  activeStaff: StaffMember[];
  /** Who is working at this desk ("my calendar"): the signed-in person; null until someone is chosen. */
  deskStaffId: string | null;
  staffById: (id: string | null | undefined) => StaffMember | undefined;
  /** The staff list has arrived (the calendar's colours are built from it once). */
  loaded: boolean;
}

const DeskContext = createContext<DeskState | null>(null);

export function useDesk(): DeskState {
  const value = useContext(DeskContext);
  if (!value) throw new Error('useDesk outside DeskProvider');
  return value;
}

/** The staff list and who works at this desk, shared by the top bar, the agenda and its forms. */
export function DeskProvider({ children }: { children: ReactNode }) {
  const staffQuery = useQuery('staff.list', { includeInactive: true });
  const deskStaffId = useSession().state.staffId;
  const staff = useMemo(() => staffQuery.data ?? [], [staffQuery.data]);

  const value = useMemo<DeskState>(() => {
    const byId = new Map(staff.map((s) => [s.id, s]));
    return {
      staff,
      activeStaff: staff.filter((s) => s.active),
      deskStaffId,
      staffById: (id) => (id ? byId.get(id) : undefined),
      loaded: staffQuery.data !== undefined || staffQuery.error !== undefined,
    };
  }, [staff, deskStaffId, staffQuery.data, staffQuery.error]);

  return <DeskContext.Provider value={value}>{children}</DeskContext.Provider>;
}
