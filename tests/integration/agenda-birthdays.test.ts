import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { birthdayCountCap, birthdaysByNamePerDay } from '../../src-main/api/agenda-birthdays';
import { bornOnCountsQuery, bornOnPagesQuery } from '../../src-main/db/queries/clients';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';

let api: TempApi;
beforeEach(async () => {
  api = await openTempApi();
});
afterEach(async () => {
  await api.close();
});

/** `count` clients born on `birthDate`, surnamed "<prefix> 001"… so their order by name is known. */
async function bornOn(birthDate: string, count: number, prefix = 'Cliente'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) ids.push((await api.call('clients.create', { firstName: 'Ana', lastName: `${prefix} ${String(i).padStart(3, '0')}`, birthDate })).client.id);
  return ids;
}

describe('agenda.range birthdays', () => {
  it('lists a few per day by name and counts the rest', async () => {
    const ids = await bornOn('1990-03-05', 8);
    await bornOn('1991-03-06', 2, 'Otra');
    const { birthdays, moreBirthdays } = await api.call('agenda.range', { from: '2031-03-01', to: '2031-03-31' });
    expect(birthdaysByNamePerDay).toBe(5);
    expect(birthdays.filter((b) => b.date === '2031-03-05').map((b) => b.clientId)).toEqual(ids.slice(0, 5));
    expect(birthdays.filter((b) => b.date === '2031-03-06').map((b) => b.clientName)).toEqual(['Ana Otra 001', 'Ana Otra 002']);
    expect(moreBirthdays).toEqual([{ kind: 'birthday_more', date: '2031-03-05', more: 3, atLeast: false }]);
  });

  it('stops counting a day at the cap', async () => {
    await bornOn('1990-07-14', birthdayCountCap + 3);
    const { birthdays, moreBirthdays } = await api.call('agenda.range', { from: '2031-07-14', to: '2031-07-14' });
    expect(birthdays).toHaveLength(5);
    expect(moreBirthdays).toEqual([{ kind: 'birthday_more', date: '2031-07-14', more: birthdayCountCap - 5, atLeast: true }]);
  }, 30_000);

  it('shows 29 February on the 28th in common years, merged by name with the 28th', async () => {
    const leap = await bornOn('2000-02-29', 3, 'Bisiesto');
    const plain = await bornOn('1999-02-28', 4, 'Alba');
    const common = await api.call('agenda.range', { from: '2031-02-27', to: '2031-03-01' });
    expect(common.birthdays.map((b) => [b.date, b.clientId])).toEqual([...plain, leap[0]!].map((id) => ['2031-02-28', id]));
    expect(common.moreBirthdays).toEqual([{ kind: 'birthday_more', date: '2031-02-28', more: 2, atLeast: false }]);
    const leapYear = await api.call('agenda.range', { from: '2032-02-28', to: '2032-02-29' });
    expect(leapYear.birthdays.filter((b) => b.date === '2032-02-29').map((b) => [b.clientId, b.turns])).toEqual(leap.map((id) => [id, 32]));
    expect(leapYear.moreBirthdays).toEqual([]);
  });

  it('has none when the view is filtered to professionals', async () => {
    await bornOn('1990-03-05', 6);
    const staff = (await api.call('staff.create', { name: 'Ana Profe', role: 'professional' })).id;
    const filtered = await api.call('agenda.range', { from: '2031-03-01', to: '2031-03-31', staffIds: [staff] });
    expect(filtered.birthdays).toEqual([]);
    expect(filtered.moreBirthdays).toEqual([]);
    expect((await api.call('agenda.range', { from: '2031-03-01', to: '2031-03-31', staffIds: [staff], kinds: ['birthday'] })).birthdays).toEqual([]);
    expect((await api.call('agenda.range', { from: '2031-03-01', to: '2031-03-31' })).birthdays).toHaveLength(5);
  });

  it('reads one range of the month-day index per day, in its order, for the names and the counts', () => {
    const { db, sqlite } = api.host.database;
    for (const query of [bornOnPagesQuery(db, ['03-05', '03-06'], 5).compile(), bornOnCountsQuery(db, ['03-05', '03-06'], 100).compile()]) {
      const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as { detail: string }[]).map((r) => r.detail);
      // One index range per month-day asked for, and nothing else read or sorted.
      expect(plan.filter((d) => /^SEARCH clients USING (COVERING )?INDEX clients_birth_month_day \(<expr>=\?\)$/.test(d))).toHaveLength(2);
      expect(plan.filter((d) => d.includes('TEMP B-TREE') || d.startsWith('SCAN clients'))).toEqual([]);
    }
  });
});
