import type { ApiHost } from '../../src-main/api/open-api';
import { dayFromToday } from '../helpers/agenda-fixtures';
import { expect, test } from './fixtures';
import { AppointmentDialog } from './pages/appointment-dialog';
import { ClientCardPage } from './pages/client-card-page';

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const team = ['Ana Ruiz', 'Bea Soler', 'Carla Vidal', 'Dora Gil', 'Eva Mora'];

/** Five professionals cut hair every day 10:00–12:00 in one-hour appointments; Lucía is a client. */
async function arrange(api: ApiHost) {
  const cut = must(await api.invoke('services.create', { name: 'Corte de pelo', durationMin: 60, priceMinor: 2500 }));
  for (const name of team) {
    const staff = must(await api.invoke('staff.create', { name, role: 'professional' }));
    const ranges = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '10:00', end: '12:00' }));
    must(await api.invoke('schedules.create', { staffId: staff.id, name: 'Peluquería', durationMin: 60, serviceIds: [cut.id], ranges }));
  }
  const lucia = must(await api.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz', phone: '612 34 56 78' })).client;
  return { cut, lucia, day: dayFromToday(7) };
}

test('"any professional" shows each time once with the first names, and books whoever the desk chooses among everyone free', async ({ page, api }) => {
  const { cut, lucia, day } = await arrange(api);
  const card = new ClientCardPage(page);
  const dialog = new AppointmentDialog(page);
  await page.goto(`/#/clients/${lucia.id}`);
  await expect(card.heading).toHaveText('Lucía Muñoz');

  await card.book();
  await dialog.chooseProfessional('any');
  await dialog.goTo(day);
  // Three names, and "y más": five are free.
  await expect(dialog.slot('10:00')).toHaveAccessibleName('10:00, con Ana Ruiz, Bea Soler, Carla Vidal y más');
  await expect(dialog.slot('11:00')).toHaveAccessibleName('11:00, con Ana Ruiz, Bea Soler, Carla Vidal y más');
  await dialog.pick('10:00');
  await expect(dialog.chosen).toContainText('10:00–11:00');
  // "Con" lists everyone free at 10:00, not only the three named; the first is chosen.
  const withWhom = dialog.chosen.getByLabel('Con', { exact: true });
  await expect(withWhom).toHaveValue(/.+/);
  await expect(withWhom.getByRole('option')).toHaveText(team);
  await withWhom.selectOption({ label: 'Eva Mora' });
  await dialog.confirm();
  await expect(dialog.dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Cita agendada: Lucía Muñoz' })).toBeVisible();
  const history = must(await api.invoke('clients.history', { clientId: lucia.id }));
  expect(history.appointments.map((a) => [a.staffName, a.localDate, a.localStart])).toEqual([['Eva Mora', day, '10:00']]);

  // Eva is no longer offered at 10:00; the others still are, first names first.
  await card.book();
  await dialog.chooseProfessional('any');
  await dialog.goTo(day);
  await dialog.pick('10:00');
  await expect(withWhom.getByRole('option')).toHaveText(team.slice(0, 4));
  await dialog.confirm();
  await expect(dialog.dialog).toBeHidden();
  const free = must(await api.invoke('slots.find', { serviceId: cut.id, from: day, to: day }));
  expect(free.map((s) => [s.localStart, s.options.map((o) => o.staffName), s.moreOptions ?? false])).toEqual([
    ['10:00', ['Bea Soler', 'Carla Vidal', 'Dora Gil'], false],
    ['11:00', team.slice(0, 3), true],
  ]);
});
