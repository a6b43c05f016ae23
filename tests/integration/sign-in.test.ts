import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TablesChanged } from '../../src-shared/api/result';
import type { HostInvoke } from '../../src-main/api/open-api';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi, openTempApiIn } from '../helpers/temp-api';

let api: TempApi;

beforeEach(async () => {
  api = await openTempApi();
});

afterEach(async () => {
  await api.close();
});

function lastAudit(): { call: string; staff_id: string | null; approved_by: string | null; desk_id: string | null; changes: string } {
  return api.host.database.sqlite.prepare('SELECT call, staff_id, approved_by, desk_id, changes FROM change_log ORDER BY rowid DESC LIMIT 1').get() as never;
}

async function value<T>(result: Promise<{ ok: boolean; value?: T; error?: unknown }>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(`refused: ${JSON.stringify(answer.error)}`);
  return answer.value as T;
}

/** A team with PINs on: the owner set theirs first (while chosen as "my calendar"), then everyone's. */
async function teamWithPins() {
  const owner = await api.call('staff.create', { name: 'Olga Dueña', role: 'owner' });
  const manager = await api.call('staff.create', { name: 'Mario Encargado', role: 'manager' });
  const desk = await api.call('staff.create', { name: 'Rita Recepción', role: 'reception' });
  const profe = await api.call('staff.create', { name: 'Pau Profe', role: 'professional' });
  await api.call('auth.signIn', { staffId: owner.id });
  await api.call('staff.setPin', { staffId: owner.id, pin: '1111' });
  for (const [member, pin] of [
    [manager, '2222'],
    [desk, '3333'],
    [profe, '4444'],
  ] as const) {
    await api.call('staff.setPin', { staffId: member.id, pin });
  }
  return { owner, manager, desk, profe };
}

describe('a centre without PINs', () => {
  it('works as a one-person studio: no sign-in, everyone is the owner, "my calendar" is chosen', async () => {
    const state = await api.call('auth.state', {});
    expect(state).toMatchObject({ pinsOn: false, staffId: null, role: null, locked: false, lockAfterMinutes: 10 });
    const ana = await api.call('staff.create', { name: 'Ana', role: 'reception' });
    expect(lastAudit().staff_id).toBeNull();
    expect(await api.call('auth.signIn', { staffId: ana.id })).toMatchObject({ pinsOn: false, staffId: ana.id, role: 'owner' });
    // Any call, settings included: there is nobody to refuse.
    await api.call('settings.update', { name: 'Estudio' });
    expect(lastAudit()).toMatchObject({ call: 'settings.update', staff_id: ana.id });
    expect(lastAudit().desk_id).toMatch(/^[0-9a-f]{32}$/);
    await api.call('auth.signOut', {});
    await api.call('tags.create', { name: 'VIP' });
    expect(lastAudit().staff_id).toBeNull();
  });

  it('refuses choosing an unknown or inactive person', async () => {
    const ana = await api.call('staff.create', { name: 'Ana', role: 'professional' });
    await api.call('staff.update', { id: ana.id, active: false });
    expect(await api.refuse('auth.signIn', { staffId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).toMatchObject({ code: 'not_found', field: 'staffId' });
    expect(await api.refuse('auth.signIn', { staffId: ana.id })).toMatchObject({ code: 'not_found', field: 'staffId' });
  });
});

describe('PINs', () => {
  it('are kept only as a hash, never in the audit trail or the feed', async () => {
    const owner = await api.call('staff.create', { name: 'Olga', role: 'owner' });
    await api.call('auth.signIn', { staffId: owner.id });
    expect(await api.call('staff.setPin', { staffId: owner.id, pin: '480913' })).toMatchObject({ hasPin: true });
    const hash = api.host.database.sqlite.prepare('SELECT pin_hash FROM staff WHERE id = ?').pluck().get(owner.id) as string;
    expect(hash.startsWith('scrypt$')).toBe(true);
    expect(JSON.parse(lastAudit().changes)).toEqual({ pin: 'set' });
    const everything = JSON.stringify(api.host.database.sqlite.prepare('SELECT * FROM feed').all()) + JSON.stringify(api.host.database.sqlite.prepare('SELECT * FROM change_log').all());
    expect(everything).not.toContain('480913');
    // The hash travels with the staff row (so every desk of the centre knows it), never in a result.
    expect(JSON.stringify(await api.call('staff.list', {}))).not.toContain('scrypt');
  });

  it('start with an owner or manager, and the last of theirs cannot go while others have PINs', async () => {
    const owner = await api.call('staff.create', { name: 'Olga', role: 'owner' });
    const desk = await api.call('staff.create', { name: 'Rita', role: 'reception' });
    expect(await api.refuse('staff.setPin', { staffId: desk.id, pin: '1234' })).toMatchObject({ code: 'pin_owner_first' });
    expect((await api.call('auth.state', {})).pinsOn).toBe(false);
    await api.call('auth.signIn', { staffId: owner.id });
    await api.call('staff.setPin', { staffId: owner.id, pin: '1111' });
    await api.call('staff.setPin', { staffId: desk.id, pin: '3333' });
    expect(await api.refuse('staff.setPin', { staffId: owner.id, pin: null })).toMatchObject({ code: 'pin_last_manager' });
    expect(await api.refuse('staff.update', { id: owner.id, role: 'reception' })).toMatchObject({ code: 'pin_last_manager' });
    // Once the others have none, the owner may turn sign-in off again.
    await api.call('staff.setPin', { staffId: desk.id, pin: null });
    await api.call('staff.setPin', { staffId: owner.id, pin: null });
    expect((await api.call('auth.state', {})).pinsOn).toBe(false);
  });

  it('of others are set by owners and managers; everyone may change their own', async () => {
    const { desk, profe, owner } = await teamWithPins();
    const reception = api.host.openSession();
    await value(reception.invoke('auth.signIn', { staffId: desk.id, pin: '3333' }));
    expect(await reception.invoke('staff.setPin', { staffId: profe.id, pin: '9999' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await reception.invoke('staff.setPin', { staffId: desk.id, pin: '3434' })).toMatchObject({ ok: true });
    await value(reception.invoke('auth.signIn', { staffId: desk.id, pin: '3434' }));
    expect(lastAudit()).toMatchObject({ call: 'staff.setPin', staff_id: desk.id });
    expect(owner.id).not.toBe(desk.id);
  });
});

describe('signing in', () => {
  it('is needed for every call once PINs are on, and refuses a wrong PIN', async () => {
    const { desk } = await teamWithPins();
    const window = api.host.openSession();
    expect(await window.invoke('clients.search', {})).toMatchObject({ ok: false, error: { code: 'sign_in_required' } });
    expect(await window.invoke('tags.create', { name: 'X' })).toMatchObject({ ok: false, error: { code: 'sign_in_required' } });
    // The sign-in screen's calls answer before: the language, the team with their colours.
    expect(await window.invoke('settings.get', {})).toMatchObject({ ok: true });
    const state = await value(window.invoke('auth.state', {}));
    expect(state.team.map((member) => [member.name, member.hasPin])).toEqual([
      ['Mario Encargado', true],
      ['Olga Dueña', true],
      ['Pau Profe', true],
      ['Rita Recepción', true],
    ]);
    expect(await window.invoke('auth.signIn', { staffId: desk.id, pin: '0000' })).toMatchObject({ ok: false, error: { code: 'pin_wrong', field: 'pin' } });
    expect(await window.invoke('auth.signIn', { staffId: desk.id })).toMatchObject({ ok: false, error: { code: 'required', field: 'pin' } });
    expect(await window.invoke('auth.signIn', { staffId: desk.id, pin: '12' })).toMatchObject({ ok: false, error: { code: 'invalid_pin', field: 'pin' } });
    expect(await value(window.invoke('auth.signIn', { staffId: desk.id, pin: '3333' }))).toMatchObject({ staffId: desk.id, role: 'reception', locked: false });
    expect(await window.invoke('clients.search', {})).toMatchObject({ ok: true });
  });

  it('locks out a person after five wrong PINs, on this desk, even with the right PIN after', async () => {
    const { desk, manager } = await teamWithPins();
    const window = api.host.openSession();
    for (let i = 0; i < 4; i++) expect(await window.invoke('auth.signIn', { staffId: desk.id, pin: '0000' })).toMatchObject({ error: { code: 'pin_wrong' } });
    expect(await window.invoke('auth.signIn', { staffId: desk.id, pin: '0000' })).toMatchObject({ error: { code: 'pin_locked_out', field: 'pin' } });
    expect(await window.invoke('auth.signIn', { staffId: desk.id, pin: '3333' })).toMatchObject({ error: { code: 'pin_locked_out' } });
    const state = await value(window.invoke('auth.state', {}));
    expect(state.team.find((member) => member.id === desk.id)?.lockedOutUntil).not.toBeNull();
    // Another person is not locked out, and a restart keeps the count (it is on this desk's file).
    expect(await window.invoke('auth.signIn', { staffId: manager.id, pin: '2222' })).toMatchObject({ ok: true });
    await api.host.database.close();
    api = await openTempApiIn(api.dir);
    expect(await api.host.invoke('auth.signIn', { staffId: desk.id, pin: '3333' })).toMatchObject({ error: { code: 'pin_locked_out' } });
  });

  it('locks: the same session needs a PIN again; a deactivated person is signed out', async () => {
    const { desk, owner } = await teamWithPins();
    const window = api.host.openSession();
    await value(window.invoke('auth.signIn', { staffId: desk.id, pin: '3333' }));
    expect(await value(window.invoke('auth.lock', {}))).toMatchObject({ staffId: desk.id, locked: true });
    expect(await window.invoke('clients.search', {})).toMatchObject({ ok: false, error: { code: 'desk_locked' } });
    await value(window.invoke('auth.signIn', { staffId: desk.id, pin: '3333' }));
    expect(await window.invoke('clients.search', {})).toMatchObject({ ok: true });
    await api.call('staff.update', { id: desk.id, active: false });
    expect(await window.invoke('clients.search', {})).toMatchObject({ ok: false, error: { code: 'sign_in_required' } });
    expect(await value(window.invoke('auth.state', {}))).toMatchObject({ staffId: null, locked: false });
    expect(owner.active).toBe(true);
  });

  it('two windows signed in as different people each write as themselves', async () => {
    const { desk, profe } = await teamWithPins();
    const reception = api.host.openSession();
    const professional = api.host.openSession();
    await value(reception.invoke('auth.signIn', { staffId: desk.id, pin: '3333' }));
    await value(professional.invoke('auth.signIn', { staffId: profe.id, pin: '4444' }));
    await value(reception.invoke('clients.create', { firstName: 'Eva' }));
    expect(lastAudit()).toMatchObject({ call: 'clients.create', staff_id: desk.id });
    await value(professional.invoke('clients.create', { firstName: 'Luz' }));
    expect(lastAudit()).toMatchObject({ call: 'clients.create', staff_id: profe.id });
    // Locking one window locks only that one.
    await value(reception.invoke('auth.lock', {}));
    expect(await professional.invoke('tags.list', {})).toMatchObject({ ok: true });
    expect(await value(professional.invoke('auth.state', {}))).toMatchObject({ staffId: profe.id, role: 'professional', locked: false });
  });
});

describe('roles enforced in main', () => {
  it('refuses a role the call does not allow, writing nothing; a manager approves on the spot', async () => {
    const { desk, manager } = await teamWithPins();
    const reception = api.host.openSession();
    await value(reception.invoke('auth.signIn', { staffId: desk.id, pin: '3333' }));
    const service = await api.call('services.create', { name: 'Corte', durationMin: 30, priceMinor: 1500 });
    const sale = await value(reception.invoke('checkout.commit', { lines: [{ kind: 'service', serviceId: service.id }], payments: [{ method: 'card', amountMinor: 1500 }] }));
    const seq = () => api.host.database.sqlite.prepare('SELECT max(seq) FROM feed').pluck().get();
    const before = seq();
    expect(await reception.invoke('services.update', { id: service.id, priceMinor: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Tu perfil no permite hacer esto.' } });
    expect(await reception.invoke('sales.void', { id: sale.id, reason: 'Cobro duplicado' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const wrong = { approval: { staffId: manager.id, pin: '9999' } };
    expect(await reception.invoke('sales.void', { id: sale.id, reason: 'Cobro duplicado' }, wrong)).toMatchObject({ ok: false, error: { code: 'pin_wrong', field: 'approval.pin' } });
    const notAManager = { approval: { staffId: desk.id, pin: '3333' } };
    expect(await reception.invoke('sales.void', { id: sale.id, reason: 'Cobro duplicado' }, notAManager)).toMatchObject({ ok: false, error: { code: 'approver_not_allowed' } });
    // An approval does not lift a refusal that is not approvable.
    expect(await reception.invoke('services.update', { id: service.id, priceMinor: 1 }, { approval: { staffId: manager.id, pin: '2222' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(seq()).toBe(before);
    expect(await reception.invoke('sales.void', { id: sale.id, reason: 'Cobro duplicado' }, { approval: { staffId: manager.id, pin: '2222' } })).toMatchObject({ ok: true, value: { status: 'voided' } });
    expect(lastAudit()).toMatchObject({ call: 'sales.void', staff_id: desk.id, approved_by: manager.id });
  });

  it('lets a professional see the whole agenda', async () => {
    const { profe } = await teamWithPins();
    const professional = api.host.openSession();
    await value(professional.invoke('auth.signIn', { staffId: profe.id, pin: '4444' }));
    expect(await professional.invoke('agenda.range', { from: '2027-01-04', to: '2027-01-10' })).toMatchObject({ ok: true });
    expect(await professional.invoke('checkout.commit', { lines: [], payments: [] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('live data', () => {
  it('tells which tables each commit changed, and which tables a read read', async () => {
    const told: TablesChanged[] = [];
    const stop = api.host.onTablesChanged((change) => told.push(change));
    const created = await api.host.invoke('clients.create', { firstName: 'Eva', tagIds: [] });
    expect(created).toMatchObject({ ok: true, changed: { tables: ['change_log', 'clients'] } });
    expect(told.at(-1)?.tables).toEqual(['change_log', 'clients']);
    const search = await api.host.invoke('clients.search', { query: 'eva' });
    // The rows it showed came from these tables: a change to any of them refreshes the list.
    expect(search.ok && search.reads).toEqual(expect.arrayContaining(['clients', 'client_tags', 'tags']));
    expect(search.ok && search.reads).not.toContain('bookings');
    // A ledger row moves its pass's balance (kept by a trigger): the change names both tables.
    const yoga = await api.call('sessionTypes.create', { name: 'Yoga', defaultDurationMin: 60 });
    const product = await api.call('passProducts.create', { name: 'Bono 5', credits: 5, validity: { kind: 'days', days: 30 }, priceMinor: 4000, sessionTypeIds: [yoga.id], serviceIds: [] });
    const clientId = created.ok ? (created.value as { client: { id: string } }).client.id : '';
    await api.call('checkout.commit', { clientId, lines: [{ kind: 'pass', passProductId: product.id }], payments: [{ method: 'cash', amountMinor: 4000 }] });
    const [pass] = await api.call('passes.ofClient', { clientId });
    const adjusted = await api.host.invoke('passes.adjust', { passId: pass!.id, delta: 1, reason: 'Regalo' });
    expect(adjusted.ok && adjusted.changed?.tables).toEqual(['change_log', 'client_passes', 'credit_ledger']);
    stop();
  });

  it('sees another process’s commits (a CLI, another desk’s host) by polling, once', async () => {
    const told: TablesChanged[] = [];
    api.host.onTablesChanged((change) => told.push(change));
    const other = await openTempApiIn(api.dir);
    const otherInvoke: HostInvoke = other.host.invoke;
    await value(otherInvoke('tags.create', { name: 'VIP' }));
    api.host.watchOtherWriters();
    api.host.watchOtherWriters();
    expect(told).toEqual([{ tables: ['change_log', 'tags'], seq: expect.any(Number) }]);
    await other.host.database.close();
  });
});
