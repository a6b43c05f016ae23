import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { ApiHost } from '../../src-main/api/open-api';
import { localToInstant } from '../../src-main/engine/time/local-time';
import { es } from '../../src-renderer/i18n/es';
import { dayFromToday } from '../helpers/agenda-fixtures';
import { expect, test } from './fixtures';
import { AgendaPage } from './pages/agenda-page';
import { AppointmentPanel } from './pages/appointment-dialog';
import { ClientCardPage } from './pages/client-card-page';
import { NoteDialog, NotesTab } from './pages/client-notes';
import { DeskBar } from './pages/desk-bar';
import { OccurrencePanel } from './pages/occurrence-panel';
import { SignInScreen } from './pages/sign-in-screen';

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const DAY = 86_400_000;

/** The serious and critical axe-core violations of one part of the page as it is now (by rule id). */
async function axeProblems(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * A salon with PINs on: Marta owns it, Rosa is at reception, Ana colours hair. Lucía came three
 * days ago for a colour with Ana and comes back in three days.
 */
async function arrange(api: ApiHost) {
  const marta = must(await api.invoke('staff.create', { name: 'Marta García', role: 'owner' }));
  const rosa = must(await api.invoke('staff.create', { name: 'Rosa Pérez', role: 'reception' }));
  const ana = must(await api.invoke('staff.create', { name: 'Ana Ruiz', role: 'professional' }));
  const colour = must(await api.invoke('services.create', { name: 'Color completo', durationMin: 60, priceMinor: 4500 }));
  const lucia = must(await api.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz' })).client;
  const book = async (day: string) =>
    must(await api.invoke('appointments.book', { clientId: lucia.id, staffId: ana.id, serviceId: colour.id, startsAt: localToInstant(day, '10:00', 'Europe/Madrid').toISOString(), override: true }));
  const past = await book(dayFromToday(3));
  const next = await book(dayFromToday(3 + 7));
  // The first visit happened: the API books only ahead, so the arrangement moves it six days back.
  const back = (iso: string) => new Date(Date.parse(iso) - 6 * DAY).toISOString();
  const row = api.database.sqlite.prepare('SELECT starts_at, ends_at, blocked_from, blocked_until FROM appointments WHERE id = ?').get(past.id) as Record<string, string>;
  api.database.sqlite
    .prepare('UPDATE appointments SET starts_at = ?, ends_at = ?, blocked_from = ?, blocked_until = ?, local_date = ? WHERE id = ?')
    .run(back(row.starts_at!), back(row.ends_at!), back(row.blocked_from!), back(row.blocked_until!), dayFromToday(-3), past.id);

  must(await api.invoke('auth.signIn', { staffId: marta.id }));
  must(await api.invoke('staff.setPin', { staffId: marta.id, pin: '1111' }));
  must(await api.invoke('staff.setPin', { staffId: rosa.id, pin: '2222' }));
  must(await api.invoke('staff.setPin', { staffId: ana.id, pin: '3333' }));
  return { lucia, next, past, ana };
}

test('a visit note written on a past visit shows on the next one; a private note stays its author\'s', async ({ page, api }) => {
  const { lucia } = await arrange(api);
  const signIn = new SignInScreen(page);
  const card = new ClientCardPage(page);
  const notes = new NotesTab(page);

  await page.goto(`/#/clients/${lucia.id}`);
  await signIn.signIn('Rosa Pérez', '2222');

  // Rosa notes the colour formula on the past visit, from the card's history.
  await card.openTab('Historial');
  const pastRow = card.historyList('past').getByRole('row').filter({ hasText: 'Color completo' });
  await pastRow.getByRole('button', { name: /^Añadir nota de la visita del / }).click();
  await new NoteDialog(page, es.notes.newVisit).write('Fórmula 7.1 + 20 vol, 35 min');
  await expect(pastRow).toContainText('Fórmula 7.1 + 20 vol, 35 min');
  await expect(pastRow).toContainText('Rosa Pérez');

  // And a private general note, for herself.
  await card.openTab('Notas');
  await (await notes.addGeneral()).write('Me debe un favor: no cobrarle el lavado', 'private');
  await expect(notes.general.getByRole('listitem')).toContainText(['Me debe un favor: no cobrarle el lavado']);
  await expect(notes.general.getByRole('listitem').first()).toContainText(es.notes.privateBadge);
  await expect(notes.attention.getByRole('listitem')).toContainText(['Fórmula 7.1 + 20 vol, 35 min']);
  expect(await axeProblems(page, '.notes-tab')).toEqual([]);

  // The next visit's panel tells the formula to repeat.
  await card.openTab('Historial');
  await card.historyList('upcoming').getByRole('button', { name: /^Ver la cita de Color completo del / }).click();
  const panel = new AppointmentPanel(page, 'Color completo · Lucía Muñoz');
  await expect(panel.panel.locator('.last-visit-note')).toContainText(`${es.notes.lastVisit}:`);
  await expect(panel.panel.locator('.last-visit-note')).toContainText('Fórmula 7.1 + 20 vol, 35 min');
  // A visit still to come takes no note yet.
  await expect(panel.panel.getByRole('button', { name: es.notes.addVisitNote })).toHaveCount(0);
  await panel.panel.getByRole('button', { name: es.appointments.close }).click();

  // Marta, signed in at the same desk, sees the shared formula and not Rosa's private note.
  const bar = new DeskBar(page);
  await bar.switchTo('Marta García');
  await signIn.typePin('1111');
  await expect(bar.signedInAs('Marta García', 'owner')).toBeVisible();
  await card.openTab('Notas');
  await expect(notes.attention.getByRole('listitem')).toContainText(['Fórmula 7.1 + 20 vol, 35 min']);
  await expect(notes.general).toContainText(es.notes.generalEmpty);
  await expect(page.getByText('Me debe un favor')).toHaveCount(0);
  // She cannot change Rosa's words, but as the owner may take the shared note down.
  const formula = notes.attention.getByRole('listitem').filter({ hasText: 'Fórmula 7.1' });
  await expect(formula.getByRole('button', { name: /^Editar/ })).toHaveCount(0);
  await expect(formula.getByRole('button', { name: /^Eliminar/ })).toHaveCount(1);
});

test('a session booking row shows the client\'s last visit note, and a past visit takes one from its panel', async ({ page, api }) => {
  const { lucia, past, ana } = await arrange(api);
  // Ana noted her formula on the visit she served (the host's own session is Marta's: the author is whoever calls).
  must(await api.invoke('notes.add', { clientId: lucia.id, body: 'Fórmula 8.3, sin amoniaco', visibility: 'shared', appointmentId: past.id }));
  const day = dayFromToday(1);
  must(await api.invoke('series.create', { title: 'Pilates suelo', organizerId: ana.id, startDate: day, startTime: '10:00', durationMin: 55, places: 8 }));
  const { occurrences } = must(await api.invoke('agenda.range', { from: day, to: day }));
  must(await api.invoke('sessions.book', { occurrenceId: occurrences[0]!.id, clientId: lucia.id }));

  const agenda = new AgendaPage(page);
  await page.goto('/#/agenda');
  await new SignInScreen(page).signIn('Rosa Pérez', '2222');
  await agenda.switchTo('team');
  await agenda.teamDay(day);
  await agenda.teamColumn('Ana Ruiz').getByRole('button', { name: /^Pilates suelo/ }).click();
  const panel = new OccurrencePanel(page, 'Pilates suelo');
  await expect(panel.booking('Lucía Muñoz').locator('.last-visit-note')).toContainText('Fórmula 8.3, sin amoniaco');
  // The class has not happened: no note on it yet.
  await expect(panel.booking('Lucía Muñoz').getByRole('button', { name: /^Añadir nota de la visita/ })).toHaveCount(0);

  // The past appointment's own panel takes a note, which lists under it with its author.
  const card = new ClientCardPage(page);
  await page.goto(`/#/clients/${lucia.id}`);
  await card.openTab('Historial');
  await card.historyList('past').getByRole('button', { name: /^Ver la cita de Color completo del / }).click();
  const visit = new AppointmentPanel(page, 'Color completo · Lucía Muñoz');
  await visit.panel.getByRole('button', { name: es.notes.addVisitNote }).click();
  const dialog = new NoteDialog(page, es.notes.newVisit);
  // An empty note is refused beside the field, in Spanish.
  await dialog.dialog.getByRole('button', { name: es.app.save, exact: true }).click();
  await expect(dialog.dialog.locator('.field-error')).toBeVisible();
  await dialog.write('Pidió menos capa la próxima vez', 'private');
  await expect(visit.panel.locator('.note-list')).toContainText('Pidió menos capa la próxima vez');
  await expect(visit.panel.locator('.note-list')).toContainText('Rosa Pérez');
  await expect(visit.panel.locator('.note-list')).toContainText(es.notes.privateBadge);
  expect(await axeProblems(page, '.visit-notes')).toEqual([]);
});
