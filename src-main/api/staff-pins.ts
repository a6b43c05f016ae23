import { canApprove } from '../../src-shared/api/access';
import { loadStaffMember } from '../db/queries/staff';
import { activeTeamCredentials, pinsAreOn, writePinHash } from '../db/queries/sign-in';
import { clearPinAttempts } from '../db/queries/pin-attempts';
import { hashPin } from '../engine/staff/pin-hash';
import { AppError } from '../errors/app-error';
import type { Handlers, WriteContext } from './handler';

/**
 * Once PINs are on, someone must be able to manage the team: at least one active owner or manager
 * has a PIN. The first PIN set is theirs; the last one of theirs cannot go while others have PINs.
 */
export async function assertSomeoneCanManage(tx: WriteContext['tx'], pinsWereOn: boolean): Promise<void> {
  const team = await activeTeamCredentials(tx);
  const withPins = team.filter((member) => member.pinHash !== null);
  if (withPins.length === 0 || withPins.some((member) => canApprove(member.role))) return;
  throw new AppError(pinsWereOn ? 'pin_last_manager' : 'pin_owner_first', pinsWereOn ? undefined : 'pin');
}

export const staffPinHandlers: Pick<Handlers, 'staff.setPin'> = {
  'staff.setPin': async ({ staffId, pin }, { tx, now, caller, log }) => {
    // Owners and managers set anyone's PIN; everyone else only their own.
    if (!(caller.role !== null && canApprove(caller.role)) && caller.staffId !== staffId) throw new AppError('forbidden');
    const member = await loadStaffMember(tx, staffId, 'staffId');
    const pinsWereOn = await pinsAreOn(tx);
    await writePinHash(tx, staffId, pin === null ? null : await hashPin(pin), now);
    await clearPinAttempts(tx, staffId);
    await assertSomeoneCanManage(tx, pinsWereOn);
    // The audit trail says that it changed, never what it is.
    log({ entity: 'staff', entityId: staffId, changes: { pin: pin === null ? 'removed' : 'set' } });
    return { ...member, hasPin: pin !== null };
  },
};
