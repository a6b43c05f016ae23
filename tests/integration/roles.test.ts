/**
 * The role table: with PINs on and one signed-in session per role, every write call of the contract
 * is made by every role with a valid input (from the shared generators). A role the call's access
 * lists is never answered `forbidden`; any other role is, and nothing is written (no row, no feed
 * entry, no audit entry). A professional on someone else's calendar is refused the calendar calls.
 * Approvals on the spot, signed-out and locked sessions, smuggled identity keys and the PIN
 * lock-out are checked after it.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CallName, WriteCallName } from '../../src-shared/api/contract';
import { callNames, contract } from '../../src-shared/api/contract';
import type { InvokeOptions } from '../../src-shared/api/invoke';
import type { ApiResult } from '../../src-shared/api/result';
import type { StaffRole } from '../../src-shared/domain/staff';
import type { UntypedInvoke } from '../../src-main/api/dispatch';
import type { ApiHost } from '../../src-main/api/open-api';
import { openApi } from '../../src-main/api/open-api';
import { fixClock } from '../helpers/fixed-clock';
import { openTempApi, openTempApiIn } from '../helpers/temp-api';
import type { SetUpWorld, World } from '../helpers/write-calls';
import { createRng, generators, readWorld, setUpWorld, smuggledKeys, writeCallNames } from '../helpers/write-calls';
import { rowCounts } from './db-inspect';

/** Monday 1 March 2027, 09:00 in Madrid. */
const NOW = '2027-03-01T08:00:00.000Z';
const roles: readonly StaffRole[] = ['owner', 'manager', 'reception', 'professional'];
const approvableCalls = writeCallNames.filter((call) => contract[call].access.approvable === true);

interface Desk {
  staffId: string;
  invoke: UntypedInvoke;
}

/** One copy of the set-up centre with a signed-in session per role. */
interface Centre {
  host: ApiHost;
  sqlite: Sqlite.Database;
  desks: Record<StaffRole, Desk>;
  /** Each person's PIN, as this copy has it (the table may change some). */
  pins: Map<string, string>;
  close(): Promise<void>;
}

let root: string;
let templatePath: string;
let setUp: SetUpWorld;

/** The centre is set up once; each group of cases gets a fresh copy, so one case never uses up what the next needs. */
beforeAll(async () => {
  fixClock(NOW);
  root = mkdtempSync(join(tmpdir(), 'mostrador-roles-'));
  mkdirSync(join(root, 'template'));
  const api = await openTempApiIn(join(root, 'template'));
  setUp = await setUpWorld(api);
  await api.host.database.close();
  templatePath = api.path;
}, 120_000);

/** What each allowed role's valid input was answered (printed at the end: how many went through). */
const answers = new Map<string, string>();

afterAll(() => {
  vi.useRealTimers();
  rmSync(root, { recursive: true, force: true });
  const refused = [...answers].filter(([, code]) => code !== 'ok');
  console.log(`role table: ${answers.size - refused.length} of ${answers.size} allowed cases went through; refused for other reasons: ${refused.map(([c, code]) => `${c} → ${code}`).join(', ') || 'none'}`);
});

async function openCentre(): Promise<Centre> {
  vi.setSystemTime(new Date(NOW));
  const dir = mkdtempSync(join(root, 'copy-'));
  copyFileSync(templatePath, join(dir, 'mostrador.db'));
  const host = await openApi(join(dir, 'mostrador.db'));
  const pins = new Map(setUp.pins);
  const signedIn = async (staffId: string): Promise<Desk> => {
    const { invoke } = host.openSession();
    const state = await invoke('auth.signIn', { staffId, pin: pins.get(staffId)! });
    expect(state.ok, JSON.stringify(state)).toBe(true);
    return { staffId, invoke };
  };
  const desks = {
    owner: await signedIn(setUp.staff.owner[0]!),
    manager: await signedIn(setUp.staff.manager[0]!),
    reception: await signedIn(setUp.staff.reception[0]!),
    professional: await signedIn(setUp.professionalId),
  };
  return {
    host,
    sqlite: host.database.sqlite,
    desks,
    pins,
    close: async () => {
      await host.database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh centre for the cases of the enclosing describe. */
function withCentre(): () => Centre {
  let centre: Centre | undefined;
  beforeAll(async () => {
    centre = await openCentre();
  }, 30_000);
  afterAll(async () => {
    await centre?.close();
  });
  return () => centre!;
}

/** Who the cases never deactivate, demote or leave without a PIN: the signed-in, the approver, the one locked out. */
function protectedIds(centre: Centre): string[] {
  return [...Object.values(centre.desks).map((d) => d.staffId), setUp.staff.reception[1]!];
}

/** What a refused call must leave as it was: every table's row count, the feed's end and the audit trail. */
function snapshot(centre: Centre, options: { exceptLocal?: boolean } = {}) {
  const counts = rowCounts(centre.sqlite);
  // A wrong PIN is counted on this desk (the lock-out), committed though the call fails: a local table, never in the feed.
  if (options.exceptLocal) delete counts.pin_attempts;
  return {
    counts,
    feedSeq: Number(centre.sqlite.prepare('SELECT coalesce(max(seq), 0) FROM feed').pluck().get()),
    changeLog: Number(centre.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get()),
  };
}

/** A fixed seed per case: the same inputs every run. */
function seedOf(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash;
}

function worldFor(centre: Centre, role: StaffRole, calendar: World['calendar']): World {
  const desk = centre.desks[role];
  return readWorld(centre.sqlite, { caller: { staffId: desk.staffId, role }, calendar, protectedStaffIds: protectedIds(centre), ask: desk.invoke });
}

/** A valid input for the call, as the role would make it (on the calendar asked for). */
async function validInput(centre: Centre, call: WriteCallName, role: StaffRole, calendar: World['calendar']): Promise<unknown> {
  const input: unknown = await generators[call](worldFor(centre, role, calendar), createRng(seedOf(`${call} ${role} ${calendar}`), 0));
  expect(input, `no valid input for ${call} as ${role} (${calendar} calendar)`).not.toBeNull();
  return input;
}

function codeOf(result: ApiResult<unknown>): string {
  return result.ok ? 'ok' : result.error.code;
}

async function attempt(centre: Centre, role: StaffRole, call: WriteCallName, input: unknown, options?: InvokeOptions): Promise<ApiResult<unknown>> {
  const result = await centre.desks[role].invoke(call, input, options);
  if (call === 'staff.setPin' && result.ok) {
    // A PIN the case changed (a receptionist sets their own): later sign-ins and approvals use the new one.
    const { staffId, pin } = input as { staffId: string; pin: string | null };
    if (pin === null) centre.pins.delete(staffId);
    else centre.pins.set(staffId, pin);
  }
  return result;
}

/** Calls of one domain share a centre (a fresh one each domain): every sign-in costs a scrypt hash. */
const families = [...new Set(writeCallNames.map((call) => call.split('.')[0]!))];

describe('the role table: every write call, every role', () => {
  describe.each(families)('%s', (family) => {
    const centre = withCentre();
    describe.each(writeCallNames.filter((call) => call.startsWith(`${family}.`)))('%s', (call) => {
      const { access } = contract[call];
      it.each(roles)(`as %s: ${access.roles.join(', ')} may`, async (role) => {
        const calendar = access.ownCalendar && role === 'professional' ? 'own' : 'any';
        const input = await validInput(centre(), call, role, calendar);
        const before = snapshot(centre());
        const result = await attempt(centre(), role, call, input);
        const detail = `${call} as ${role} with ${JSON.stringify(input)} → ${JSON.stringify(result.ok ? 'ok' : result.error)}`;
        if (access.roles.includes(role)) {
          answers.set(`${call} as ${role}`, codeOf(result));
          expect(['forbidden', 'sign_in_required', 'desk_locked', 'approver_not_allowed'], detail).not.toContain(codeOf(result));
        } else {
          expect(codeOf(result), detail).toBe('forbidden');
          expect(snapshot(centre()), `${detail} wrote something`).toEqual(before);
        }
      });

      if (call === 'series.update') {
        it('as professional, moving their own session onto someone else’s calendar: forbidden, and nothing written', async () => {
          const world = worldFor(centre(), 'professional', 'own');
          const own = world.occurrences.find((o) => o.organizerId === world.caller.staffId && o.status === 'scheduled' && Date.parse(o.startsAt) > world.now.getTime() + 3_600_000);
          const other = world.staff.find((s) => s.role === 'professional' && s.active && s.id !== world.caller.staffId);
          expect(own && other).toBeTruthy();
          const before = snapshot(centre());
          const result = await attempt(centre(), 'professional', call, { occurrenceId: own!.id, scope: 'occurrence', changes: { organizerId: other!.id } });
          expect(codeOf(result)).toBe('forbidden');
          expect(snapshot(centre())).toEqual(before);
        });
      }
      if (call === 'appointments.reschedule') {
        it('as professional, moving their own appointment to someone else: forbidden, and nothing written', async () => {
          const world = worldFor(centre(), 'professional', 'own');
          const own = world.appointments.find((a) => a.staffId === world.caller.staffId && a.status === 'booked' && Date.parse(a.startsAt) > world.now.getTime());
          const other = world.schedules.find((s) => s.staffId !== world.caller.staffId && own !== undefined && s.serviceIds.includes(own.serviceId));
          expect(own && other).toBeTruthy();
          const before = snapshot(centre());
          const result = await attempt(centre(), 'professional', call, { appointmentId: own!.id, startsAt: own!.startsAt, staffId: other!.staffId, override: true });
          expect(codeOf(result)).toBe('forbidden');
          expect(snapshot(centre())).toEqual(before);
        });
      }

      if (access.ownCalendar) {
        it('as professional, on someone else’s calendar: forbidden, and nothing written', async () => {
          const input = await validInput(centre(), call, 'professional', 'other');
          const before = snapshot(centre());
          const result = await attempt(centre(), 'professional', call, input);
          const detail = `${call} as a professional on another's calendar with ${JSON.stringify(input)} → ${JSON.stringify(result.ok ? 'ok' : result.error)}`;
          expect(codeOf(result), detail).toBe('forbidden');
          expect(snapshot(centre()), `${detail} wrote something`).toEqual(before);
        });
      }
    });
  });
});

describe('approval on the spot', () => {
  const manager = () => setUp.staff.manager[0]!;
  describe.each(approvableCalls)('%s', (call) => {
    const centre = withCentre();
    it('reception with a manager’s PIN: done, audited as the receptionist, approved by the manager', async () => {
      const input = await validInput(centre(), call, 'reception', 'any');
      const result = await attempt(centre(), 'reception', call, input, { approval: { staffId: manager(), pin: centre().pins.get(manager())! } });
      expect(result, JSON.stringify(input)).toMatchObject({ ok: true });
      const entry = centre().sqlite.prepare('SELECT call, staff_id, approved_by FROM change_log ORDER BY rowid DESC LIMIT 1').get();
      expect(entry).toEqual({ call, staff_id: centre().desks.reception.staffId, approved_by: manager() });
    });

    it('a wrong PIN: pin_wrong, and nothing written', async () => {
      const input = await validInput(centre(), call, 'reception', 'any');
      const wrong = centre().pins.get(manager()) === '0000' ? '9999' : '0000';
      const before = snapshot(centre(), { exceptLocal: true });
      const result = await attempt(centre(), 'reception', call, input, { approval: { staffId: manager(), pin: wrong } });
      expect(codeOf(result)).toBe('pin_wrong');
      expect(snapshot(centre(), { exceptLocal: true })).toEqual(before);
    });

    it('a receptionist as the approver: approver_not_allowed, and nothing written', async () => {
      const input = await validInput(centre(), call, 'reception', 'any');
      const other = setUp.staff.reception[1]!;
      const before = snapshot(centre());
      const result = await attempt(centre(), 'reception', call, input, { approval: { staffId: other, pin: centre().pins.get(other)! } });
      expect(codeOf(result)).toBe('approver_not_allowed');
      expect(snapshot(centre())).toEqual(before);
    });
  });
});

describe('sessions', () => {
  const centre = withCentre();
  const dataCalls = callNames.filter((call) => contract[call].kind !== 'session');

  it('a session nobody signed in to gets sign_in_required for every data call but settings.get, and writes nothing', async () => {
    const { invoke } = centre().host.openSession();
    const before = snapshot(centre());
    const answers = new Map<CallName, string>();
    for (const call of dataCalls) answers.set(call, codeOf(await invoke(call, {})));
    expect(answers.get('settings.get')).toBe('ok');
    expect([...answers].filter(([call, code]) => call !== 'settings.get' && code !== 'sign_in_required')).toEqual([]);
    expect(snapshot(centre())).toEqual(before);
  });

  it('a locked session gets desk_locked for every data call but settings.get, and writes nothing', async () => {
    const { invoke } = centre().host.openSession();
    const rita = centre().desks.reception.staffId;
    expect(await invoke('auth.signIn', { staffId: rita, pin: centre().pins.get(rita)! })).toMatchObject({ ok: true });
    expect(await invoke('auth.lock', {})).toMatchObject({ ok: true, value: { locked: true, staffId: rita } });
    const before = snapshot(centre());
    const answers = new Map<CallName, string>();
    for (const call of dataCalls) answers.set(call, codeOf(await invoke(call, {})));
    expect(answers.get('settings.get')).toBe('ok');
    expect([...answers].filter(([call, code]) => call !== 'settings.get' && code !== 'desk_locked')).toEqual([]);
    expect(snapshot(centre())).toEqual(before);
  });

  it('five wrong PINs lock a person out, even with the right PIN, until a minute has passed', async () => {
    const raul = setUp.staff.reception[1]!;
    const pin = centre().pins.get(raul)!;
    const wrong = pin === '0000' ? '9999' : '0000';
    const { invoke } = centre().host.openSession();
    const start = Date.now();
    const before = snapshot(centre(), { exceptLocal: true });
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) answers.push(codeOf(await invoke('auth.signIn', { staffId: raul, pin: wrong })));
    expect(answers).toEqual(['pin_wrong', 'pin_wrong', 'pin_wrong', 'pin_wrong', 'pin_locked_out']);
    expect(codeOf(await invoke('auth.signIn', { staffId: raul, pin }))).toBe('pin_locked_out');
    vi.setSystemTime(start + 59_000);
    expect(codeOf(await invoke('auth.signIn', { staffId: raul, pin }))).toBe('pin_locked_out');
    vi.setSystemTime(start + 61_000);
    expect(await invoke('auth.signIn', { staffId: raul, pin })).toMatchObject({ ok: true, value: { staffId: raul, role: 'reception' } });
    expect(snapshot(centre(), { exceptLocal: true })).toEqual(before);
  });

  it('the first PIN must be an owner’s or a manager’s', async () => {
    const fresh = await openTempApi();
    try {
      const desk = await fresh.call('staff.create', { name: 'Rita', role: 'reception' });
      expect(await fresh.refuse('staff.setPin', { staffId: desk.id, pin: '1234' })).toMatchObject({ code: 'pin_owner_first' });
    } finally {
      await fresh.close();
    }
  });
});

describe('who is calling comes from the session, never from the input', () => {
  const centre = withCentre();
  it.each(writeCallNames)('%s refuses an extra staffId, callerId or role key (invalid_input) and writes nothing', async (call) => {
    const { desks } = centre();
    const input = (await validInput(centre(), call, 'owner', 'any')) as Record<string, unknown>;
    const known = new Set(Object.keys((contract[call].input as unknown as { shape: object }).shape));
    const values: Record<(typeof smuggledKeys)[number], string> = { staffId: desks.professional.staffId, callerId: desks.owner.staffId, role: 'owner' };
    for (const key of smuggledKeys.filter((k) => !known.has(k))) {
      const before = snapshot(centre());
      // The role is checked first: a professional is refused what they may not make whatever the input; the owner is refused the key.
      const asProfessional = await desks.professional.invoke(call, { ...input, [key]: values[key] });
      const asOwner = await desks.owner.invoke(call, { ...input, [key]: values[key] });
      expect([codeOf(asProfessional), codeOf(asOwner)], `${call} with ${key}`).toEqual([contract[call].access.roles.includes('professional') ? 'invalid_input' : 'forbidden', 'invalid_input']);
      expect(snapshot(centre())).toEqual(before);
    }
  });
});
