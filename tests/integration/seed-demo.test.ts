import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src-main/cli/seed-demo';
import { localDate } from '../../src-main/engine/time/local-date';
import { addDays } from '../../src-shared/time/calendar-date';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';

let api: TempApi;
beforeEach(async () => {
  api = await openTempApi();
});
afterEach(async () => {
  await api.close();
});

describe('seed-demo', () => {
  it('fills a realistic demo centre through the API, and a second run adds nothing and does not fail', async () => {
    const report = await seedDemo(api.host.invoke);
    expect(report).toMatchObject({ centre: 'Estudio Alma Pilates & Estética', customFields: 3, clientsCreated: 60 });
    expect(report.agenda).toMatchObject({ staff: 4, series: 9 });
    expect(report.agenda!.bookings).toBeGreaterThan(20);
    expect((await api.call('staff.list', {})).map((s) => s.name)).toEqual(['Alma Romero', 'Carlos Vidal', 'Inés Navarro', 'Paula Ortega']);
    expect((await api.call('notifications.list', {})).length).toBe(0);
    expect(report.appointments).toMatchObject({ schedules: 3 });
    expect(report.checkout).toEqual({ passProducts: 2, planProducts: 1, promoCodes: 2, sales: 3 });
    const sales = await api.call('sales.list', { from: addDays(localDate(new Date(), 'Europe/Madrid'), -1), to: addDays(localDate(new Date(), 'Europe/Madrid'), 1) });
    expect(sales.map((s) => s.number).sort()).toEqual([1, 2, 3]);
    expect(sales.find((s) => s.promoCode !== null)?.promoDiscountMinor).toBe(500);
    expect((await api.call('schedules.list', {})).map((s) => s.name).sort()).toEqual(['Estética', 'Fisioterapia', 'Masajes']);
    const { timeZone } = await api.call('settings.get', {});
    const today = localDate(new Date(), timeZone);
    const week = await api.call('agenda.range', { from: today, to: addDays(today, 8), kinds: ['appointment'] });
    // From tomorrow, three per schedule (one cancelled); today, what is still free.
    expect(week.appointments.filter((a) => a.localDate > today)).toHaveLength(8);
    // Every day from today on has classes (the weekend too), and the coming sessions have people booked.
    const sessions = await api.call('agenda.range', { from: today, to: addDays(today, 6), kinds: ['session'] });
    for (let d = 0; d < 7; d++) expect(sessions.occurrences.some((o) => o.localDate === addDays(today, d))).toBe(true);
    expect(sessions.occurrences.filter((o) => o.localDate === addDays(today, 1)).every((o) => o.bookedCount > 0)).toBe(true);
    expect(await api.call('settings.get', {})).toEqual({
      name: 'Estudio Alma Pilates & Estética',
      country: 'ES',
      timeZone: 'Europe/Madrid',
      currency: 'EUR',
      language: 'es',
      lockAfterMinutes: 10,
      checkInMinutesBefore: 60,
    });
    const fields = await api.call('customFields.list', {});
    expect(fields.map((f) => f.label)).toEqual(['Alergias', 'Talla de calzado', 'Nivel']);
    expect(fields[2]?.options).toEqual(['Inicial', 'Intermedio', 'Avanzado']);
    const tags = await api.call('tags.list', {});
    expect(tags.map((t) => t.name)).toEqual(expect.arrayContaining(['VIP', 'Pilates', 'Embarazo', 'Nuevo']));
    expect(tags.some((t) => t.clientCount > 0)).toBe(true);

    const all = await api.call('clients.search', { limit: 200 });
    expect(all.total).toBe(60);
    expect(all.items.every((c) => c.phone?.startsWith('+346'))).toBe(true);
    expect(all.items.filter((c) => c.blacklisted)).toHaveLength(1);
    expect(all.items.some((c) => c.taxId !== null)).toBe(true);
    expect((await api.call('clients.search', { query: 'munoz jose' })).items[0]).toMatchObject({ firstName: 'José', lastName: 'Muñoz' });
    expect((await api.call('clients.search', { query: 'inigo' })).total).toBeGreaterThan(0);

    // No card contradicts itself: no static "birthday this month" tag, only women are pregnant, and of an age.
    expect(tags.map((t) => t.name)).not.toContain('Cumpleaños este mes');
    for (const item of all.items) {
      const card = await api.call('clients.get', { id: item.id });
      const pregnant = card.tags.some((t) => t.name === 'Embarazo') || (card.notes ?? '').includes('Embarazada');
      if (pregnant) {
        expect(card.sex).toBe('female');
        const age = Number(today.slice(0, 4)) - Number(card.birthDate!.slice(0, 4));
        expect(age).toBeGreaterThanOrEqual(20);
        expect(age).toBeLessThanOrEqual(45);
      }
      if (card.profession === 'Jubilada' || card.profession === 'Jubilado') expect(Number(today.slice(0, 4)) - Number(card.birthDate!.slice(0, 4))).toBeGreaterThanOrEqual(60);
    }

    const again = await seedDemo(api.host.invoke);
    expect(again.clientsCreated).toBe(0);
    expect(again.agenda).toBeNull();
    expect(again.appointments).toBeNull();
    expect(again.checkout).toBeNull();
    expect(await api.call('schedules.list', {})).toHaveLength(3);
    expect((await api.call('clients.search', {})).total).toBe(60);
    expect(await api.call('tags.list', {})).toHaveLength(tags.length);
    expect(await api.call('customFields.list', {})).toHaveLength(3);
  });
});
