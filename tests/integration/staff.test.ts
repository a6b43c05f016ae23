import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { unknownId } from '../helpers/agenda-fixtures';
import { rowCounts } from './db-inspect';

let api: TempApi;
beforeEach(async () => {
  api = await openTempApi();
});
afterEach(async () => {
  await api.close();
});

function lastLogStaffId(): string | null {
  return api.host.database.sqlite.prepare('SELECT staff_id FROM change_log ORDER BY id DESC LIMIT 1').pluck().get() as string | null;
}

describe('staff', () => {
  it('creates, lists by name and updates professionals', async () => {
    const zoe = await api.call('staff.create', { name: 'Zoe Martín', role: 'professional' });
    const ana = await api.call('staff.create', { name: '  Ana López ', colour: '#123456', role: 'owner' });
    expect(ana).toMatchObject({ name: 'Ana López', colour: '#123456', role: 'owner', active: true });
    expect(zoe.colour).toMatch(/^#[0-9a-fA-F]{6}$/);
    expect((await api.call('staff.list', {})).map((s) => s.name)).toEqual(['Ana López', 'Zoe Martín']);

    const updated = await api.call('staff.update', { id: zoe.id, name: 'Zoe M.', colour: '#abcdef', role: 'reception' });
    expect(updated).toMatchObject({ id: zoe.id, name: 'Zoe M.', colour: '#abcdef', role: 'reception', active: true });
  });

  it('refuses a duplicate name, ignoring case and accents, on create and on rename', async () => {
    const ana = await api.call('staff.create', { name: 'Ana López', role: 'professional' });
    const bea = await api.call('staff.create', { name: 'Bea', role: 'professional' });
    const before = rowCounts(api.host.database.sqlite);
    expect(await api.refuse('staff.create', { name: 'ana lopez', role: 'owner' })).toMatchObject({ code: 'duplicate_name', field: 'name' });
    expect(await api.refuse('staff.update', { id: bea.id, name: 'ANA LÓPEZ' })).toMatchObject({ code: 'duplicate_name', field: 'name' });
    expect(rowCounts(api.host.database.sqlite)).toEqual(before);
    // Renaming to its own name is fine.
    await api.call('staff.update', { id: ana.id, name: 'Ana López' });
  });

  it('hides inactive staff unless asked, and refuses bad input', async () => {
    const ana = await api.call('staff.create', { name: 'Ana', role: 'professional' });
    await api.call('staff.create', { name: 'Bea', role: 'professional' });
    await api.call('staff.update', { id: ana.id, active: false });
    expect((await api.call('staff.list', {})).map((s) => s.name)).toEqual(['Bea']);
    expect((await api.call('staff.list', { includeInactive: true })).map((s) => [s.name, s.active])).toEqual([
      ['Ana', false],
      ['Bea', true],
    ]);
    expect(await api.refuse('staff.create', { name: '', role: 'owner' })).toMatchObject({ code: 'required', field: 'name' });
    expect(await api.refuse('staff.create', { name: 'Eva', role: 'boss' })).toMatchObject({ code: 'invalid_choice', field: 'role' });
    expect(await api.refuse('staff.create', { name: 'Eva', role: 'owner', colour: 'red' })).toMatchObject({ field: 'colour' });
    expect(await api.refuse('staff.update', { id: unknownId, name: 'X' })).toMatchObject({ code: 'not_found', field: 'id' });
    // An inactive organizer cannot take new series.
    expect(
      await api.refuse('series.create', { title: 'X', organizerId: ana.id, startDate: '2030-01-07', startTime: '09:00', durationMin: 60 }),
    ).toMatchObject({ code: 'not_found', field: 'organizerId' });
  });
});

describe('the desk ("my calendar"), without PINs', () => {
  it('starts with nobody, switches, and the change log records who made later writes', async () => {
    expect(await api.call('auth.state', {})).toMatchObject({ pinsOn: false, staffId: null });
    const ana = await api.call('staff.create', { name: 'Ana', role: 'professional' });
    expect(lastLogStaffId()).toBeNull();
    expect(await api.call('auth.signIn', { staffId: ana.id })).toMatchObject({ staffId: ana.id });
    expect(await api.call('auth.state', {})).toMatchObject({ staffId: ana.id });

    await api.call('clients.create', { firstName: 'Eva' });
    expect(lastLogStaffId()).toBe(ana.id);
    const bea = await api.call('staff.create', { name: 'Bea', role: 'reception' });
    expect(lastLogStaffId()).toBe(ana.id);

    await api.call('auth.signIn', { staffId: bea.id });
    await api.call('tags.create', { name: 'VIP' });
    expect(lastLogStaffId()).toBe(bea.id);

    await api.call('auth.signOut', {});
    await api.call('tags.create', { name: 'Mañana' });
    expect(lastLogStaffId()).toBeNull();
  });

  it('refuses an unknown or inactive staff member', async () => {
    const ana = await api.call('staff.create', { name: 'Ana', role: 'professional' });
    await api.call('staff.update', { id: ana.id, active: false });
    expect(await api.refuse('auth.signIn', { staffId: unknownId })).toMatchObject({ code: 'not_found', field: 'staffId' });
    expect(await api.refuse('auth.signIn', { staffId: ana.id })).toMatchObject({ code: 'not_found', field: 'staffId' });
    expect(await api.call('auth.state', {})).toMatchObject({ staffId: null });
  });
});
