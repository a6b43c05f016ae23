import type { ApiHost } from '../../src-main/api/open-api';
import { localToInstant } from '../../src-main/engine/time/local-time';
import { en } from '../../src-renderer/i18n/en';
import { es } from '../../src-renderer/i18n/es';
import { weekdayOf } from '../../src-shared/time/calendar-date';
import { dayFromToday } from '../helpers/agenda-fixtures';
import { expect, test } from './fixtures';
import { AgendaPage } from './pages/agenda-page';
import { AppointmentDialog } from './pages/appointment-dialog';
import { ClientCardPage } from './pages/client-card-page';

/** Issue 12, item 11 (and the toast of item 12): the small things that cost a receptionist time. */

test.use({ viewport: { width: 1366, height: 768 } });

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

function longDate(date: string): string {
  return new Intl.DateTimeFormat('es-ES', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** Ana cuts hair 09:00–14:00, only on the weekday of `workDay` (so today and tomorrow have no free time). Lucía has an allergy on her card. */
async function arrange(api: ApiHost, workDay: string) {
  const ana = must(await api.invoke('staff.create', { name: 'Ana Ruiz', role: 'professional', colour: '#2a9d8f' }));
  const cut = must(await api.invoke('services.create', { name: 'Corte de pelo', durationMin: 60, priceMinor: 2500 }));
  must(
    await api.invoke('schedules.create', {
      staffId: ana.id,
      name: 'Peluquería',
      durationMin: 60,
      serviceIds: [cut.id],
      ranges: [{ weekday: weekdayOf(workDay), start: '09:00', end: '14:00' }],
    }),
  );
  const lucia = must(await api.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz', phone: '612 34 56 78', notes: 'Alergia al látex' })).client;
  return { ana, cut, lucia };
}

test('the cancel dialog’s way back is “Volver”, never a “Cancelar” beside “Cancelar cita”', async ({ page, api }) => {
  const day = dayFromToday(3);
  const { ana, cut, lucia } = await arrange(api, day);
  const appointment = must(
    await api.invoke('appointments.book', { clientId: lucia.id, staffId: ana.id, serviceId: cut.id, startsAt: localToInstant(day, '10:00', 'Europe/Madrid').toISOString() }),
  );

  // The team view of that day, straight from the address.
  await page.goto(`/#/agenda?dia=${day}&vista=equipo`);
  const agenda = new AgendaPage(page);
  await expect(agenda.teamView).toHaveAccessibleName(es.team.grid.replace('{{date}}', longDate(day)));
  await agenda.teamAppointment('Corte de pelo', 'Lucía Muñoz', '10:00').click();
  await page.getByRole('dialog', { name: 'Corte de pelo · Lucía Muñoz' }).getByRole('button', { name: es.appointments.cancel, exact: true }).click();

  const dialog = page.getByRole('dialog', { name: /^¿Cancelar la cita de / });
  await expect(dialog.getByRole('button', { name: es.app.back, exact: true })).toBeVisible();
  await expect(dialog.getByRole('button', { name: es.appointments.cancel, exact: true })).toBeVisible();
  await expect(dialog.getByRole('button', { name: es.app.cancel, exact: true })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Volver', exact: true }).click();
  await expect(dialog).toBeHidden();
  expect(must(await api.invoke('appointments.get', { appointmentId: appointment.id })).status).toBe('booked');
});

test('the booking dialog opens on the first day with free times and shows the allergy; “Ver en la agenda” shows that day in the team view', async ({ page, api }) => {
  const day = dayFromToday(2);
  const { lucia } = await arrange(api, day);
  const card = new ClientCardPage(page);
  await page.goto(`/#/clients/${lucia.id}`);
  await expect(card.heading).toHaveText('Lucía Muñoz');
  await card.book();

  const dialog = new AppointmentDialog(page);
  // The card's notes are in front of whoever books.
  await expect(dialog.dialog.getByRole('note', { name: es.appointments.clientNotes })).toContainText('Alergia al látex');
  // Today and tomorrow are full (Ana does not work): the dialog is on the day after, with its times.
  await expect(dialog.times).toHaveAccessibleName(es.appointments.timesOf.replace('{{date}}', longDate(day)));
  await expect(dialog.slot('10:00')).toBeVisible();
  await dialog.pick('10:00');
  await dialog.confirm();
  await expect(dialog.dialog).toBeHidden();

  const toast = page.locator('.toast').filter({ hasText: 'Cita agendada' });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: es.appointments.seeInAgenda, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/agenda\\?dia=${day}&vista=equipo$`));
  const agenda = new AgendaPage(page);
  await expect(agenda.teamView).toHaveAccessibleName(es.team.grid.replace('{{date}}', longDate(day)));
  await expect(agenda.teamAppointment('Corte de pelo', 'Lucía Muñoz', '10:00')).toBeVisible();
  await expect(toast).toBeHidden();
});

test('a toast belongs to its page: it clears on navigation and on a language switch', async ({ page }) => {
  await page.goto('/#/settings');
  const centre = page.locator('section[aria-labelledby="settings-centre"]');
  const saved = page.locator('.toast').filter({ hasText: es.settings.saved });

  await centre.getByRole('button', { name: es.app.save, exact: true }).click();
  await expect(saved).toBeVisible();
  await page.getByRole('navigation', { name: es.nav.main }).getByRole('link', { name: es.nav.clients }).click();
  await expect(page).toHaveURL(/#\/clients$/);
  await expect(saved).toBeHidden();

  await page.getByRole('navigation', { name: es.nav.main }).getByRole('link', { name: es.nav.settings }).click();
  await centre.getByRole('button', { name: es.app.save, exact: true }).click();
  await expect(saved).toBeVisible();
  await page.getByRole('combobox', { name: es.settings.language, exact: true }).selectOption('en');
  await expect(page.getByRole('navigation', { name: en.nav.main })).toBeVisible();
  // No Spanish toast left under an English page.
  await expect(page.locator('.toast')).toHaveCount(0);
});

test('the daily list: the booked apart from the waitlist, end times and places, a tick box each, when it was printed', async ({ page, api }) => {
  const day = dayFromToday(4);
  const ana = must(await api.invoke('staff.create', { name: 'Ana Ruiz', role: 'professional' }));
  must(await api.invoke('series.create', { title: 'Pilates suelo', organizerId: ana.id, startDate: day, startTime: '10:00', durationMin: 55, places: 1 }));
  const lucia = must(await api.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz', notes: 'Alergia al látex: usar guantes de nitrilo siempre, también en la camilla.' })).client;
  const marta = must(await api.invoke('clients.create', { firstName: 'Marta', lastName: 'Díaz' })).client;
  const { occurrences } = must(await api.invoke('agenda.range', { from: day, to: day }));
  const occurrence = occurrences[0]!;
  must(await api.invoke('sessions.book', { occurrenceId: occurrence.id, clientId: lucia.id }));
  must(await api.invoke('sessions.book', { occurrenceId: occurrence.id, clientId: marta.id }));

  await page.goto(`/#/lista-diaria?fecha=${day}`);
  const booked = page.getByRole('table', { name: es.dailyList.booked, exact: true });
  const waiting = page.getByRole('table', { name: es.dailyList.waitlist, exact: true });
  const lucias = booked.getByRole('row').filter({ hasText: 'Lucía Muñoz' });
  await expect(lucias).toContainText('10:00–10:55');
  await expect(lucias).toContainText('1/1 + 1 en espera');
  await expect(lucias.getByRole('checkbox', { name: 'Marcar a Lucía Muñoz' })).toBeVisible();
  await expect(booked).not.toContainText('Marta Díaz');
  await expect(waiting.getByRole('row').filter({ hasText: 'Marta Díaz' })).toContainText('En espera');
  // The notes column is wide enough to read a long note on a few lines, not a word a line.
  const notes = lucias.locator('td.daily-notes');
  const [noteBox, rowBox] = [await notes.boundingBox(), await lucias.boundingBox()];
  expect(noteBox!.width).toBeGreaterThan(180);
  expect(noteBox!.width / rowBox!.width).toBeGreaterThan(0.15);
  // …and the nine columns fit the reception screen: nothing to scroll sideways.
  const [tableBox, sheetBox] = [await booked.boundingBox(), await page.getByRole('article').boundingBox()];
  expect(tableBox!.x + tableBox!.width).toBeLessThanOrEqual(sheetBox!.x + sheetBox!.width);
  // On paper it says when it was printed.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-stamp')).toBeVisible();
  await expect(page.locator('.print-stamp')).toContainText(/^Impreso el /);
});
