import { describe, expect, it } from 'vitest';
import { calendarWork, canApprove, everyone, frontDesk, managers, managersOrApproved, signInScreen } from '../../src-shared/api/access';
import type { WriteCallName } from '../../src-shared/api/contract';
import { callNames, contract } from '../../src-shared/api/contract';
import { hashPin, pinMatches } from '../../src-main/engine/staff/pin-hash';
import { afterWrongPin, isLockedOut, lockOutMs, maxWrongPins } from '../../src-main/engine/staff/pin-lockout';

describe('PIN hashing', () => {
  it('keeps a salted scrypt hash that matches the PIN and nothing else', async () => {
    const hash = await hashPin('4821');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain('4821');
    expect(await pinMatches('4821', hash)).toBe(true);
    for (const wrong of ['4822', '48210', '', '0000']) expect(await pinMatches(wrong, hash)).toBe(false);
  });

  it('salts: the same PIN hashes differently each time', async () => {
    const [a, b] = await Promise.all([hashPin('1234'), hashPin('1234')]);
    expect(a).not.toBe(b);
    expect(await pinMatches('1234', a)).toBe(true);
    expect(await pinMatches('1234', b)).toBe(true);
  });

  it('refuses a malformed stored hash instead of throwing', async () => {
    for (const stored of ['', 'plain', 'bcrypt$1$2$3$x$y', 'scrypt$16384$8$1$$']) expect(await pinMatches('1234', stored)).toBe(false);
  });
});

describe('PIN lock-out', () => {
  const t0 = new Date('2027-03-01T10:00:00.000Z');

  it('locks for a minute at the fifth wrong PIN in a row, then starts counting again', () => {
    let attempts = null as ReturnType<typeof afterWrongPin> | null;
    for (let i = 1; i < maxWrongPins; i++) {
      attempts = afterWrongPin(attempts, t0);
      expect(attempts).toEqual({ failures: i, lockedUntil: null });
      expect(isLockedOut(attempts, t0)).toBe(false);
    }
    attempts = afterWrongPin(attempts, t0);
    expect(attempts.lockedUntil).toBe(new Date(t0.getTime() + lockOutMs).toISOString());
    expect(isLockedOut(attempts, new Date(t0.getTime() + lockOutMs - 1))).toBe(true);
    const later = new Date(t0.getTime() + lockOutMs);
    expect(isLockedOut(attempts, later)).toBe(false);
    // After the minute, one wrong PIN is the first of a new count, not the sixth.
    expect(afterWrongPin(attempts, later)).toEqual({ failures: 1, lockedUntil: null });
  });

  it('nobody is locked out without attempts', () => {
    expect(isLockedOut(null, t0)).toBe(false);
  });
});

describe('the role table', () => {
  const commands = callNames.filter((name): name is WriteCallName => contract[name].kind === 'command');
  const byAccess = (access: object) => commands.filter((name) => contract[name].access === access).sort();

  it('every call declares who may make it, from the named role sets', () => {
    const sets = [everyone, frontDesk, calendarWork, managers, managersOrApproved, signInScreen];
    for (const name of callNames) expect(sets, name).toContain(contract[name].access);
  });

  it('only the sign-in screen and the settings it needs answer before sign-in', () => {
    expect(callNames.filter((name) => contract[name].access.beforeSignIn).sort()).toEqual(
      ['auth.lock', 'auth.signIn', 'auth.signOut', 'auth.state', 'settings.get'].sort(),
    );
  });

  it('voiding, credit adjustments and erasing a client: owners and managers, or approved on the spot', () => {
    expect(byAccess(managersOrApproved)).toEqual(['clients.delete', 'clients.import', 'passes.adjust', 'sales.void']);
    expect(managersOrApproved.roles).toEqual(['owner', 'manager']);
    expect(canApprove('manager') && canApprove('owner')).toBe(true);
    expect(canApprove('reception') || canApprove('professional')).toBe(false);
  });

  it('settings, prices, staff, roles and policies: owners and managers only', () => {
    const managerOnly = byAccess(managers);
    for (const name of [
      'settings.update',
      'staff.create',
      'staff.update',
      'services.create',
      'services.update',
      'passProducts.create',
      'planProducts.update',
      'promos.create',
      'creditPolicy.update',
      'blacklistRules.update',
      'customFields.create',
      'schedules.create',
      'holidays.set',
      'templates.update',
      'clients.export',
      'fiscal.endpoint.set',
      'till.correct',
      'fiscal.settings.set',
      'products.create',
      'products.update',
      'paymentMethods.create',
      'paymentMethods.update',
    ] as const) {
      expect(managerOnly).toContain(name);
    }
    for (const name of managerOnly) expect(contract[name].access.roles).not.toContain('reception');
  });

  it('a professional changes sessions and appointments on their own calendar only', () => {
    expect(byAccess(calendarWork)).toEqual(
      [
        'appointments.book',
        'appointments.cancel',
        'appointments.reschedule',
        'appointments.setStatus',
        'series.cancel',
        'series.create',
        'series.update',
        'sessions.book',
        'sessions.cancelBooking',
        'sessions.completeBooking',
        'sessions.markOffered',
        'sessions.setAttendance',
      ].sort(),
    );
    expect(calendarWork.ownCalendar).toBe(true);
    expect(frontDesk.roles).not.toContain('professional');
  });
});
