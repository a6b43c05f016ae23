import type { StaffRole } from '../domain/staff';

/**
 * Who may make a call. The main process checks it before the call runs: a caller whose role is
 * not listed is refused with `forbidden` and nothing is written.
 */
export interface Access {
  readonly roles: readonly StaffRole[];
  /** Another role may make the call when an owner or manager types their PIN on the spot. */
  readonly approvable?: true;
  /** A professional may make it only on their own calendar's sessions and appointments. */
  readonly ownCalendar?: true;
  /** Answered before anyone has signed in (the sign-in screen itself). */
  readonly beforeSignIn?: true;
}

const allRoles: readonly StaffRole[] = ['owner', 'manager', 'reception', 'professional'];
const approvers: readonly StaffRole[] = ['owner', 'manager'];

/** Reading anything: the whole team sees the whole agenda and every card. */
export const everyone: Access = { roles: allRoles };
/** Front-desk work: clients, bookings, checkout. */
export const frontDesk: Access = { roles: ['owner', 'manager', 'reception'] };
/** Bookings and appointments: the front desk, and a professional on their own calendar. */
export const calendarWork: Access = { roles: allRoles, ownCalendar: true };
/** Settings, prices, staff, roles and policies. */
export const managers: Access = { roles: approvers };
/** Voiding a sale, adjusting credits, erasing a client: managers, or anyone a manager approves. */
export const managersOrApproved: Access = { roles: approvers, approvable: true };
/** The sign-in screen: before anyone has signed in. */
export const signInScreen: Access = { roles: allRoles, beforeSignIn: true };

/** Roles whose PIN can approve an action on the spot. */
export function canApprove(role: StaffRole): boolean {
  return approvers.includes(role);
}
