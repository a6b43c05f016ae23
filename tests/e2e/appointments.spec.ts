import type { ApiHost } from '../../src-main/api/open-api';
import { localToInstant } from '../../src-main/engine/time/local-time';
import { errorMessages } from '../../src-shared/i18n/errors';
import { weekdayOf } from '../../src-shared/time/calendar-date';
import { dayFromToday, localTimeOf } from '../helpers/agenda-fixtures';
import { expect, test } from './fixtures';
import { AgendaPage } from './pages/agenda-page';
import { AppointmentDialog, AppointmentPanel } from './pages/appointment-dialog';
import { ClientCardPage } from './pages/client-card-page';
import { DailyListPage } from './pages/daily-list-page';
import { SchedulesSettings } from './pages/schedules-settings';

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** The instant of a wall-clock time in Madrid (the default centre's zone). */
function madrid(date: string, time: string): string {
  return localToInstant(date, time, 'Europe/Madrid').toISOString();
}

/**
 * A salon: Ana cuts hair every day 09:00–14:00 and 16:00–20:00 in one-hour appointments; Luis too,
 * in the afternoon only. Lucía and Marta are clients, Pedro is blacklisted. The day is a week away.
 */
async function arrange(api: ApiHost, { anaHoursSetInUi = false } = {}) {
  const ana = must(await api.invoke('staff.create', { name: 'Ana Ruiz', role: 'professional', colour: '#2a9d8f' }));
  const luis = must(await api.invoke('staff.create', { name: 'Luis Gómez', role: 'professional', colour: '#e76f51' }));
  const cut = must(await api.invoke('services.create', { name: 'Corte de pelo', durationMin: 60, priceMinor: 2500 }));
  const week = [1, 2, 3, 4, 5, 6, 7];
  if (!anaHoursSetInUi) {
    must(
      await api.invoke('schedules.create', {
        staffId: ana.id,
        name: 'Peluquería',
        durationMin: 60,
        serviceIds: [cut.id],
        ranges: week.flatMap((weekday) => [
          { weekday, start: '09:00', end: '14:00' },
          { weekday, start: '16:00', end: '20:00' },
        ]),
      }),
    );
  }
  must(
    await api.invoke('schedules.create', {
      staffId: luis.id,
      name: 'Tardes',
      durationMin: 60,
      serviceIds: [cut.id],
      ranges: week.map((weekday) => ({ weekday, start: '16:00', end: '20:00' })),
    }),
  );
  const lucia = must(await api.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz', phone: '612 34 56 78', notes: 'Alergia al látex' })).client;
  const marta = must(await api.invoke('clients.create', { firstName: 'Marta', lastName: 'Díaz', phone: '632 34 56 78' })).client;
  const pedro = must(await api.invoke('clients.create', { firstName: 'Pedro', lastName: 'Sanz', phone: '622 34 56 78' })).client;
  must(await api.invoke('clients.setBlacklist', { id: pedro.id, blacklisted: true, reason: 'No vino tres veces' }));
  return { ana, luis, cut, lucia, marta, pedro, day: dayFromToday(7) };
}

test("the desk sets a professional's hours, books from the client card, sees the slot gone, the appointment in the team view and daily list, cancels it and sees the slot back", async ({ page, api }) => {
  const { lucia, day } = await arrange(api, { anaHoursSetInUi: true });
  const card = new ClientCardPage(page);
  const dialog = new AppointmentDialog(page);

  // Ajustes › Horarios de citas: Ana's hours on that weekday, morning and afternoon.
  const settings = new SchedulesSettings(page);
  await settings.open();
  const weekday = weekdayOf(day);
  await settings.createSchedule({
    staff: 'Ana Ruiz',
    name: 'Peluquería',
    services: ['Corte de pelo'],
    durationMin: 60,
    ranges: [
      { weekday, start: '09:00', end: '14:00' },
      { weekday, start: '16:00', end: '20:00' },
    ],
  });
  await expect(settings.row('Peluquería')).toBeVisible();

  await page.goto(`/#/clients/${lucia.id}?pestana=historial`);
  await expect(card.heading).toHaveText('Lucía Muñoz');
  await expect(card.history()).toContainText('Todavía no tiene citas ni reservas.');

  // Agendar: the client is set; the one service on offer is chosen; Ana's free times of the day.
  await card.book();
  await expect(dialog.dialog).toHaveAccessibleName('Agendar cita para Lucía Muñoz');
  await expect(dialog.dialog.getByLabel('Servicio', { exact: true })).toHaveValue(/.+/);
  await dialog.chooseProfessional('Ana Ruiz');
  await dialog.goTo(day);
  await expect(dialog.times.getByRole('group', { name: 'Mañana' }).getByRole('button')).toHaveCount(5);
  await expect(dialog.times.getByRole('group', { name: 'Tarde' }).getByRole('button')).toHaveCount(4);
  await dialog.pick('10:00');
  await expect(dialog.chosen).toContainText('10:00–11:00');
  await expect(dialog.chosen).toContainText('Ana Ruiz');
  await dialog.note('Primera vez');
  await dialog.confirm();
  await expect(dialog.dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Cita agendada: Lucía Muñoz' })).toBeVisible();

  // The card's history lists it as upcoming.
  await expect(card.historyList('upcoming').getByRole('row').filter({ hasText: 'Corte de pelo' })).toContainText('10:00');
  await expect(card.historyList('upcoming')).toContainText('Ana Ruiz');
  await expect(card.historyList('upcoming')).toContainText('Agendada');

  // Its time is gone from the picker, for Ana and for "any professional".
  await card.book();
  await dialog.chooseProfessional('Ana Ruiz');
  await dialog.goTo(day);
  await expect(dialog.slot('11:00')).toBeVisible();
  await expect(dialog.slot('10:00')).toHaveCount(0);
  await dialog.chooseProfessional('any');
  await expect(dialog.slot('16:00')).toHaveAccessibleName('16:00, con Ana Ruiz, Luis Gómez');
  await expect(dialog.slot('11:00')).toHaveAccessibleName('11:00, con Ana Ruiz');
  await expect(dialog.slot('10:00')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog.dialog).toBeHidden();

  // The team day view shows it in Ana's column.
  const agenda = new AgendaPage(page);
  await agenda.open();
  await agenda.switchTo('team');
  await agenda.teamDay(day);
  await expect(agenda.teamColumn('Ana Ruiz')).toContainText('Lucía Muñoz · Corte de pelo');
  await expect(agenda.teamColumn('Ana Ruiz')).toContainText('10:00–11:00');
  await expect(agenda.teamColumn('Luis Gómez')).not.toContainText('Lucía Muñoz');

  // The daily list of that day lists her, with her note flagged.
  await page.goto(`/#/lista-diaria?fecha=${day}`);
  const daily = new DailyListPage(page);
  await expect(daily.row('Lucía Muñoz')).toContainText('10:00');
  await expect(daily.row('Lucía Muñoz')).toContainText('Corte de pelo');
  await expect(daily.row('Lucía Muñoz')).toContainText('Ana Ruiz');
  await expect(daily.row('Lucía Muñoz')).toContainText('Agendada');
  await expect(daily.row('Lucía Muñoz')).toContainText('Alergia al látex');

  // Cancel it from its panel, with a reason.
  await agenda.open();
  await agenda.switchTo('team');
  await agenda.teamDay(day);
  await agenda.teamAppointment('Corte de pelo', 'Lucía Muñoz').click();
  const panel = new AppointmentPanel(page, 'Corte de pelo · Lucía Muñoz');
  await expect(panel.panel).toContainText('Ana Ruiz');
  await expect(panel.panel).toContainText('Primera vez');
  await expect(panel.panel.getByRole('button', { name: 'Escribir a Lucía Muñoz por WhatsApp' })).toBeVisible();
  await expect(panel.panel.getByRole('link', { name: 'Abrir la ficha de Lucía Muñoz' })).toBeVisible();
  await panel.cancel('Se ha resfriado');
  await expect(panel.panel).toContainText('Esta cita está cancelada.');
  await expect(panel.panel).toContainText('Motivo: Se ha resfriado');
  await expect(agenda.teamColumn('Ana Ruiz')).not.toContainText('Lucía Muñoz');
  await panel.close();

  // The slot is back: book from Ana's column (its "+" button) on that day.
  await agenda.teamView.getByRole('button', { name: 'Agendar cita con Ana Ruiz' }).click();
  await expect(dialog.dialog).toHaveAccessibleName('Agendar cita');
  await expect(dialog.dialog.getByLabel('Profesional', { exact: true })).toHaveValue(/.+/);
  await expect(dialog.slot('10:00')).toBeVisible();
  await page.keyboard.press('Escape');

  // The card's history keeps the cancelled appointment, with its reason.
  await page.goto(`/#/clients/${lucia.id}`);
  await card.openTab('Historial');
  const row = card.history().getByRole('row').filter({ hasText: 'Corte de pelo' });
  await expect(row).toContainText('Cancelada');
  await expect(row).toContainText('Motivo: Se ha resfriado');
});

test('booking a blacklisted client is refused beside the client', async ({ page, api }) => {
  const { pedro, day } = await arrange(api);
  const card = new ClientCardPage(page);
  const dialog = new AppointmentDialog(page);
  await page.goto(`/#/clients/${pedro.id}`);
  await expect(card.heading).toHaveText('Pedro Sanz');
  await card.book();
  await dialog.goTo(day);
  await dialog.pick('09:00');
  await dialog.confirm();
  await expect(dialog.fieldErrors).toHaveText(new RegExp(errorMessages.es.client_blacklisted.replace(/[.]/g, '\\.')));
  await expect(dialog.dialog).toBeVisible();
  expect(must(await api.invoke('clients.history', { clientId: pedro.id })).appointments).toHaveLength(0);
});

test('reschedule moves an appointment to another free time, and its old time is free again', async ({ page, api }) => {
  const { ana, cut, lucia, marta, day } = await arrange(api);
  must(await api.invoke('appointments.book', { clientId: lucia.id, staffId: ana.id, serviceId: cut.id, startsAt: madrid(day, '10:00') }));
  must(await api.invoke('appointments.book', { clientId: marta.id, staffId: ana.id, serviceId: cut.id, startsAt: madrid(day, '11:00') }));

  const agenda = new AgendaPage(page);
  await agenda.open();
  await agenda.switchTo('team');
  await agenda.teamDay(day);
  await agenda.teamAppointment('Corte de pelo', 'Lucía Muñoz').click();
  const panel = new AppointmentPanel(page, 'Corte de pelo · Lucía Muñoz');
  const dialog = await panel.reschedule();
  await expect(dialog.dialog.getByLabel('Profesional', { exact: true })).toHaveValue(ana.id);
  // Its own time counts as free while moving it; Marta's does not.
  await expect(dialog.slot('10:00')).toBeVisible();
  await expect(dialog.slot('11:00')).toHaveCount(0);
  await dialog.pick('12:00');
  await dialog.confirm('Mover la cita');
  await expect(dialog.dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Cita movida' })).toBeVisible();
  await expect(panel.panel).toContainText('12:00–13:00');
  await expect(agenda.teamColumn('Ana Ruiz')).toContainText('12:00–13:00');
  await expect(agenda.teamColumn('Ana Ruiz')).not.toContainText('10:00–11:00');

  // For anyone else, 10:00 is free again and 12:00 is taken.
  const free = must(await api.invoke('slots.find', { serviceId: cut.id, staffId: ana.id, from: day, to: day })).map((s) => s.localStart);
  expect(free).toContain('10:00');
  expect(free).not.toContain('12:00');
});

test('a click on free time in the team view books there; the appointment shows in the week view, the kind filter and the figures', async ({ page, api }) => {
  const { day } = await arrange(api);
  const agenda = new AgendaPage(page);
  const dialog = new AppointmentDialog(page);
  await agenda.open();
  await agenda.switchTo('team');
  await agenda.teamDay(day);

  await agenda.clickTeamTime('Luis Gómez', '17:20');
  await expect(dialog.chosen).toContainText('17:00–18:00');
  await expect(dialog.chosen).toContainText('Luis Gómez');
  await dialog.chooseClient('Marta', 'Marta Díaz');
  await dialog.confirm();
  await expect(dialog.dialog).toBeHidden();
  await expect(agenda.teamColumn('Luis Gómez')).toContainText('Marta Díaz · Corte de pelo');

  // Outside Luis's hours only with the override, which is recorded.
  await agenda.clickTeamTime('Luis Gómez', '10:00');
  await expect(dialog.chosen).toHaveCount(0);
  await dialog.chooseClient('Marta', 'Marta Díaz');
  await dialog.confirm();
  await expect(dialog.fieldErrors).toHaveText(/Elige una hora libre/);
  await dialog.override('10:00');
  await dialog.confirm();
  await expect(dialog.dialog).toBeHidden();
  await agenda.teamAppointment('Corte de pelo', 'Marta Díaz', '10:00').click();
  const panel = new AppointmentPanel(page, 'Corte de pelo · Marta Díaz');
  await expect(panel.panel).toContainText('10:00–11:00');
  await expect(panel.panel).toContainText('Fuera de horario');
  await panel.close();

  await agenda.switchTo('week');
  await expect(agenda.entries('Marta Díaz · Corte de pelo')).toHaveCount(2);
  await agenda.showKind('appointment', false);
  await expect(agenda.entries('Marta Díaz · Corte de pelo')).toHaveCount(0);
  await agenda.showKind('appointment', true);
  await expect(agenda.entries('Marta Díaz · Corte de pelo')).toHaveCount(2);
  await expect(agenda.figures.locator('.figure-appointments dd')).toHaveText('2');
});

test('on its day the desk opens the appointment from the card\'s history and marks it attended, then undoes it', async ({ page, api }) => {
  test.skip(localTimeOf(new Date()) >= '23:00', 'the appointment must start later today');
  const { ana, cut, lucia } = await arrange(api);
  // Ten minutes from now, outside any grid: booked with the staff override.
  const startsAt = new Date(Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000).toISOString();
  must(await api.invoke('appointments.book', { clientId: lucia.id, staffId: ana.id, serviceId: cut.id, startsAt, override: true }));

  const card = new ClientCardPage(page);
  await page.goto(`/#/clients/${lucia.id}?pestana=historial`);
  await card.historyList('upcoming').getByRole('button', { name: /^Ver la cita de Corte de pelo del / }).click();
  const panel = new AppointmentPanel(page, 'Corte de pelo · Lucía Muñoz');
  await expect(panel.panel).toContainText(localTimeOf(startsAt));
  await panel.panel.getByRole('button', { name: 'Marcar que Lucía Muñoz asistió a la cita' }).click();
  await expect(panel.panel.locator('.status-badge')).toHaveText('Asistió');
  await expect(card.historyList('upcoming')).toContainText('Asistió');
  await expect(panel.panel.getByRole('button', { name: 'Reprogramar', exact: true })).toHaveCount(0);
  await panel.panel.getByRole('button', { name: 'Deshacer la asistencia de Lucía Muñoz' }).click();
  await expect(panel.panel.locator('.status-badge')).toHaveText('Agendada');
});
