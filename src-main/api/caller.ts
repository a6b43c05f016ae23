import type { Access } from '../../src-shared/api/access';
import type { StaffRole } from '../../src-shared/domain/staff';
import type { ReadDb } from '../db/database';
import type { CreditContext } from '../db/queries/credits';
import { pinsAreOn, readStaffCredentials } from '../db/queries/sign-in';
import { AppError } from '../errors/app-error';

/**
 * What a host keeps for each window, browser page or command: who is working there. Only the
 * auth calls change it; nothing in a call's input can.
 */
export interface DeskSession {
  staffId: string | null;
  locked: boolean;
}

export function newDeskSession(): DeskSession {
  return { staffId: null, locked: false };
}

/** Who is making a call, as main resolved it. */
export interface Caller {
  /** The signed-in person ("my calendar"); null for the owner of a centre without PINs who chose no one. */
  staffId: string | null;
  /** null: nobody is signed in (only calls answered before sign-in get this far). */
  role: StaffRole | null;
  deskId: string;
  /** The owner or manager whose PIN approved this call on the spot. */
  approvedBy: string | null;
}

/**
 * A centre without PINs works as a one-person studio: whoever is at the desk is the owner. Once
 * PINs are on, calls need a signed-in, unlocked, active person with a PIN.
 */
export async function resolveCaller(db: ReadDb, session: DeskSession, deskId: string, access: Access): Promise<Caller> {
  if (!(await pinsAreOn(db))) return { staffId: session.staffId, role: 'owner', deskId, approvedBy: null };
  const member = session.staffId ? await readStaffCredentials(db, session.staffId) : null;
  if (!member || !member.active || !member.pinHash) {
    // Made inactive or had the PIN removed since signing in: signed out.
    session.staffId = null;
    session.locked = false;
    if (access.beforeSignIn) return { staffId: null, role: null, deskId, approvedBy: null };
    throw new AppError('sign_in_required');
  }
  if (session.locked && !access.beforeSignIn) throw new AppError('desk_locked');
  return { staffId: member.id, role: member.role, deskId, approvedBy: null };
}

/** A professional changes only their own calendar's sessions and appointments. */
export function assertOwnCalendar(caller: Caller, ...staffIds: string[]): void {
  if (caller.role === 'professional' && staffIds.some((id) => id !== caller.staffId)) throw new AppError('forbidden');
}

/** What a credit movement records: when, and who made it (the ledger row names them). */
export function creditContextOf(context: { now: string; caller: Caller }): CreditContext {
  return { now: context.now, staffId: context.caller.staffId };
}
