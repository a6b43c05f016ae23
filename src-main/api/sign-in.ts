import type { CallName, ParsedInput } from '../../src-shared/api/contract';
import type { SignInState } from '../../src-shared/domain/staff';
import type { Db } from '../db/database';
import { lockedOutStaff } from '../db/queries/pin-attempts';
import { readCentreSettings } from '../db/queries/settings';
import { activeTeamCredentials, pinsAreOn, readStaffCredentials } from '../db/queries/sign-in';
import { AppError } from '../errors/app-error';
import type { DeskSession } from './caller';
import { checkPin } from './pin-check';

export interface SessionContext {
  db: Db;
  session: DeskSession;
}

type SessionCallName = Extract<CallName, `auth.${string}`>;
export type SessionHandlers = { [C in SessionCallName]: (input: ParsedInput<C>, context: SessionContext) => Promise<SignInState> };

/** What the sign-in screen shows, and who is working here. Forgets someone made inactive or left without a PIN. */
export async function signInState(db: Db, session: DeskSession): Promise<SignInState> {
  const [settings, pinsOn, team, lockedOut] = await Promise.all([
    readCentreSettings(db),
    pinsAreOn(db),
    activeTeamCredentials(db),
    lockedOutStaff(db, new Date().toISOString()),
  ]);
  const me = team.find((member) => member.id === session.staffId);
  if (session.staffId && (!me || (pinsOn && !me.pinHash))) {
    session.staffId = null;
    session.locked = false;
  }
  return {
    pinsOn,
    staffId: session.staffId,
    // Without PINs whoever is at the desk is the owner.
    role: session.staffId === null ? null : pinsOn ? me!.role : 'owner',
    locked: pinsOn && session.locked,
    lockAfterMinutes: settings.lockAfterMinutes,
    team: team.map((member) => ({
      id: member.id,
      name: member.name,
      colour: member.colour,
      role: member.role,
      hasPin: member.pinHash !== null,
      lockedOutUntil: lockedOut.get(member.id) ?? null,
    })),
  };
}

export const sessionHandlers: SessionHandlers = {
  'auth.state': (_input, { db, session }) => signInState(db, session),

  'auth.signIn': async ({ staffId, pin }, { db, session }) => {
    const member = await readStaffCredentials(db, staffId);
    if (!member || !member.active) throw new AppError('not_found', 'staffId');
    if (await pinsAreOn(db)) {
      if (!member.pinHash) throw new AppError('forbidden', 'staffId');
      if (pin === undefined) throw new AppError('required', 'pin');
      await checkPin(db, member, pin, 'pin');
    }
    session.staffId = member.id;
    session.locked = false;
    return signInState(db, session);
  },

  'auth.lock': async (_input, { db, session }) => {
    if (session.staffId !== null) session.locked = true;
    return signInState(db, session);
  },

  'auth.signOut': async (_input, { db, session }) => {
    session.staffId = null;
    session.locked = false;
    return signInState(db, session);
  },
};
