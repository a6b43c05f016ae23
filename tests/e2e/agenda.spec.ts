import type { ApiHost } from '../../src-main/api/open-api';
import { es } from '../../src-renderer/i18n/es';
import { pdfText } from '../helpers/pdf-text';
import { expect, test } from './fixtures';
import { AgendaPage } from './pages/agenda-page';
import { CatalogueSettings } from './pages/catalogue-settings';
import { DailyListPage } from './pages/daily-list-page';
import { DeskBar } from './pages/desk-bar';
import { fillDate } from './pages/date-field';
import { OccurrencePanel } from './pages/occurrence-panel';
import { SeriesForm } from './pages/series-form';

const zone = 'Europe/Madrid';

/** Today's date and time in the centre's zone (the default centre is in Spain). */
function nowInZone(): { date: string; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first Monday at least a week away: its class is never in the past while the test runs. */
function mondayAfterNextWeek(today: string): string {
  let d = addDays(today, 7);
  while (new Date(`${d}T12:00:00Z`).getUTCDay() !== 1) d = addDays(d, 1);
  return d;
}

/** "miércoles, 5 de febrero de 2025": a local date as the desk reads it. */
function longDate(date: string): string {
  return new Intl.DateTimeFormat('es-ES', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

async function arrange(api: ApiHost) {
  const ana = must(await api.invoke('staff.create', { name: 'Ana Ruiz', role: 'professional', colour: '#2a9d8f' }));
  const luis = must(await api.invoke('staff.create', { name: 'Luis Gómez', role: 'professional', colour: '#e76f51' }));
  const pilates = must(await api.invoke('tags.create', { name: 'Pilates', colour: '#8e6bbf' }));
  const morning = must(await api.invoke('tags.create', { name: 'Mañana', colour: '#e9c46a' }));
  const tagIds = [pilates.id, morning.id];
  const lucia = must(await api.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz', phone: '612 34 56 78', notes: 'Alergia al látex', tagIds })).client;
  const pedro = must(await api.invoke('clients.create', { firstName: 'Pedro', lastName: 'Sanz', phone: '622 34 56 78', tagIds })).client;
  const marta = must(await api.invoke('clients.create', { firstName: 'Marta', lastName: 'Díaz', phone: '632 34 56 78', tagIds })).client;
  return { ana, luis, lucia, pedro, marta };
}

test('the desk sets up a Monday/Wednesday class, fills it, runs its waitlist, checks in and prints the daily list', async ({ page, api }) => {
  const { ana, lucia } = await arrange(api);
  const today = nowInZone();
  const monday = mondayAfterNextWeek(today.date);
  const agenda = new AgendaPage(page);
  const form = new SeriesForm(page);

  // Create the class through the form: weekly on Monday and Wednesday, 8 weeks, 2 places, tags ALL.
  await agenda.open();
  await agenda.switchTo('week');
  await agenda.create('session');
  await form.fill({
    title: 'Pilates mañana',
    organizer: 'Ana Ruiz',
    date: monday,
    startTime: '10:00',
    durationMin: 55,
    weekdays: ['lunes', 'miércoles'],
    endAfterWeeks: 8,
    tags: { match: 'all', names: ['Pilates', 'Mañana'] },
    places: 2,
  });
  // Before saving, the form says how many classes there will be and the date of the last (Wednesday of week 8).
  await expect(form.extent).toHaveText(`Se repetirá 16 veces; la última, el ${longDate(addDays(monday, 7 * 7 + 2))}.`);
  await form.submit();
  await expect(form.dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '«Pilates mañana» (16 sesiones)' })).toBeVisible();

  // The week of its first Monday shows both classes; open Monday's.
  await expect(agenda.entries('Pilates mañana · 0/2')).toHaveCount(2);
  await agenda.entries('Pilates mañana · 0/2').first().click();
  const panel = new OccurrencePanel(page, 'Pilates mañana');
  await expect(panel.panel).toBeVisible();
  await expect(panel.panel).toContainText('Ana Ruiz');
  await expect(panel.panel).toContainText('Todas las etiquetas');
  await expect(panel.panel).toContainText('Cada semana: lunes, miércoles, durante 8 semanas');

  // Three clients for two places: the third waits, and the desk is told so.
  await panel.book('Lucía', 'Lucía Muñoz');
  await expect(panel.status.filter({ hasText: 'Lucía Muñoz tiene plaza.' })).toBeVisible();
  await panel.book('Pedro', 'Pedro Sanz');
  await panel.book('Marta', 'Marta Díaz');
  await expect(panel.status.filter({ hasText: 'La sesión está completa: Marta Díaz queda en lista de espera (n.º 1).' })).toBeVisible();
  await expect(panel.bookings.getByRole('listitem')).toHaveCount(2);
  await expect(panel.waitlist.getByRole('listitem', { name: 'Marta Díaz' })).toContainText('n.º 1');
  await expect(panel.panel).toContainText('2 reservadas de 2 · 0 libres');

  // Pedro cancels: the place is freed, the waitlisted client is notified, and completes her booking from the notice.
  await panel.cancelBooking('Pedro Sanz');
  await expect(panel.status.filter({ hasText: 'Se ha liberado una plaza: se ha avisado a 1 cliente en lista de espera.' })).toBeVisible();
  await expect(panel.notices).toContainText('Marta Díaz');
  await expect(panel.notices.getByRole('button', { name: 'Escribir a Marta Díaz por WhatsApp' })).toBeVisible();
  const bar = new DeskBar(page);
  await expect(bar.bell).toHaveAccessibleName('Avisos: 1 pendiente');
  await panel.notices.getByRole('button', { name: 'Completar la reserva de Marta Díaz' }).click();
  await expect(panel.booking('Marta Díaz')).toBeVisible();
  await expect(panel.waitlist).toHaveCount(0);
  await expect(panel.cancelled).toContainText('Pedro Sanz');
  await expect(bar.bell).toHaveAccessibleName('Avisos');
  await expect(panel.booking('Lucía Muñoz').getByLabel('Tiene notas en su ficha')).toBeVisible();
  await panel.close();

  // Every view shows the class.
  await agenda.switchTo('month');
  await expect(agenda.entries('Pilates mañana · 2/2').first()).toBeVisible();
  await agenda.switchTo('week');
  await expect(agenda.entries('Pilates mañana · 2/2')).toBeVisible();
  await agenda.switchTo('day');
  await expect(agenda.entries('Pilates mañana · 2/2')).toBeVisible();
  await agenda.switchTo('list');
  await expect(agenda.entries('Pilates mañana · 2/2').first()).toBeVisible();
  await agenda.switchTo('team');
  await expect(agenda.teamView.getByRole('list', { name: 'Ana Ruiz' })).toContainText('Pilates mañana');
  await expect(agenda.teamView.getByRole('list', { name: 'Ana Ruiz' })).toContainText('2/2');

  // The daily list of that Monday: who comes, with the note flagged; and as a PDF.
  await page.getByRole('link', { name: 'Lista diaria' }).click();
  const daily = new DailyListPage(page);
  await expect(page).toHaveURL(new RegExp(`#/lista-diaria\\?fecha=${monday}`));
  await expect(daily.table).toBeVisible();
  await expect(daily.row('Lucía Muñoz')).toContainText('10:00');
  await expect(daily.row('Lucía Muñoz')).toContainText('+34 612 34 56 78');
  await expect(daily.row('Lucía Muñoz')).toContainText('Pilates mañana');
  await expect(daily.row('Lucía Muñoz')).toContainText('Ana Ruiz');
  await expect(daily.row('Lucía Muñoz')).toContainText('⚠ Alergia al látex');
  await expect(daily.row('Marta Díaz')).toContainText('Reservada');
  await expect(daily.table).not.toContainText('Pedro Sanz');
  await expect(daily.printButton).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Navegación principal' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(pdf);
  expect(text).toContain('Lucía Muñoz');
  expect(text).toContain('Marta Díaz');
  expect(text).toContain('Alergia al látex');
  expect(text).not.toContain('Buscar cliente');

  // Check-in happens on the day: a class later today, Lucía booked, checked in from the team view.
  test.skip(today.minutes > 23 * 60 + 40, 'Too close to midnight for a class later today');
  const start = Math.ceil((today.minutes + 5) / 5) * 5;
  const startTime = `${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')}`;
  const { series } = must(await api.invoke('series.create', { title: 'Yoga hoy', organizerId: ana.id, startDate: today.date, startTime, durationMin: 15, places: 5 }));
  const occurrence = must(await api.invoke('agenda.range', { from: today.date, to: today.date })).occurrences.find((x) => x.seriesId === series.id);
  if (!occurrence) throw new Error('no occurrence today');
  must(await api.invoke('sessions.book', { occurrenceId: occurrence.id, clientId: lucia.id }));

  await agenda.open();
  await agenda.switchTo('team');
  await agenda.teamView.getByRole('button', { name: 'Hoy', exact: true }).click();
  const checkIn = await agenda.checkInFromTeam('Yoga hoy', startTime, 'Lucía Muñoz');
  await expect(checkIn.getByText('Asistió', { exact: true })).toBeVisible();
  await expect(checkIn.getByRole('button', { name: 'Deshacer la asistencia de Lucía Muñoz' })).toBeVisible();
  const detail = must(await api.invoke('sessions.get', { occurrenceId: occurrence.id }));
  expect(detail.bookings.map((b) => [b.clientName, b.status])).toEqual([['Lucía Muñoz', 'attended']]);
});

test('views and filters: my calendar, chosen professionals, event types and recurrence; errors beside their fields', async ({ page, api }) => {
  const { ana, luis, pedro } = await arrange(api);
  const today = nowInZone();
  const day = addDays(today.date, 2);
  must(await api.invoke('series.create', { title: 'Yoga suave', organizerId: ana.id, startDate: day, startTime: '09:00', durationMin: 60, places: 8, recurrence: { weekdays: [1, 2, 3, 4, 5, 6, 7], intervalWeeks: 1, end: { kind: 'weeks', weeks: 2 } } }));
  must(await api.invoke('series.create', { kind: 'meeting', title: 'Reunión de equipo', organizerId: luis.id, startDate: day, startTime: '13:00', durationMin: 30 }));
  must(await api.invoke('series.create', { title: 'Taller de espalda', organizerId: luis.id, startDate: day, startTime: '18:00', durationMin: 90, places: 1 }));
  must(await api.invoke('clients.setBlacklist', { id: pedro.id, blacklisted: true, reason: 'Impagos' }));

  const agenda = new AgendaPage(page);
  const bar = new DeskBar(page);
  await agenda.open();
  await agenda.switchTo('day');
  // Go to the day of the entries through the team view's date field, then back to the day view.
  await agenda.switchTo('team');
  await agenda.teamDay(day);
  await expect(agenda.teamView.getByRole('list', { name: 'Luis Gómez' })).toContainText('Reunión de equipo');
  await expect(agenda.teamView.getByRole('list', { name: 'Luis Gómez' })).toContainText('Taller de espalda');
  await expect(agenda.teamView.getByRole('list', { name: 'Ana Ruiz' })).toContainText('Yoga suave');
  await agenda.switchTo('day');
  await expect(agenda.entries(/Yoga suave/)).toBeVisible();
  await expect(agenda.entries(/Reunión de equipo/)).toBeVisible();

  // "Mi calendario" follows who works at the desk.
  await bar.workAs('Ana Ruiz');
  await agenda.chooseStaff('mine');
  await expect(agenda.entries(/Yoga suave/)).toBeVisible();
  await expect(agenda.entries(/Reunión de equipo/)).toHaveCount(0);
  await bar.workAs('Luis Gómez');
  await expect(agenda.entries(/Reunión de equipo/)).toBeVisible();
  await expect(agenda.entries(/Yoga suave/)).toHaveCount(0);

  // Chosen professionals, then event types and recurrence.
  await agenda.chooseStaff('all');
  await agenda.chooseStaff('Ana Ruiz');
  await expect(agenda.entries(/Yoga suave/)).toBeVisible();
  await expect(agenda.entries(/Taller de espalda/)).toHaveCount(0);
  await agenda.filters.getByRole('button', { name: 'Quitar filtros' }).click();
  await agenda.showKind('session', false);
  await expect(agenda.entries(/Reunión de equipo/)).toBeVisible();
  await expect(agenda.entries(/Yoga suave/)).toHaveCount(0);
  await agenda.showKind('session', true);
  await agenda.chooseRecurrence('one_off');
  await expect(agenda.entries(/Taller de espalda/)).toBeVisible();
  await expect(agenda.entries(/Yoga suave/)).toHaveCount(0);
  await agenda.chooseRecurrence('recurring');
  await expect(agenda.entries(/Yoga suave/)).toBeVisible();
  await expect(agenda.entries(/Taller de espalda/)).toHaveCount(0);
  await agenda.chooseRecurrence('all');

  // The month's figures come from one call for the visible month.
  await expect(agenda.figure('totalSessions')).not.toHaveText('…');

  // A blacklisted client cannot book: said beside their name before any click, and their button does nothing.
  await agenda.entries(/Taller de espalda/).click();
  const panel = new OccurrencePanel(page, 'Taller de espalda');
  await panel.panel.getByRole('searchbox', { name: es.occurrence.bookSearch }).fill('Pedro');
  await expect(panel.panel.getByRole('list', { name: es.occurrence.bookResults })).toContainText(es.restrictions.blacklisted);
  await panel.panel.getByRole('button', { name: 'Reservar a Pedro Sanz' }).dispatchEvent('click');
  await expect(panel.bookings.getByRole('listitem')).toHaveCount(0);
  await panel.close();

  // A weekly session with no weekday is refused beside the weekdays, and nothing is created.
  await agenda.create('session');
  const form = new SeriesForm(page);
  await form.fill({ title: 'Sin días', organizer: 'Ana Ruiz', date: day, startTime: '11:00', weekdays: [] });
  await form.submit();
  await expect(form.dialog.getByRole('group', { name: 'Días de la semana' })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.dialog).toBeVisible();
  const all = must(await api.invoke('agenda.range', { from: day, to: addDays(day, 7) }));
  expect(all.occurrences.some((o) => o.title === 'Sin días')).toBe(false);
});

test('a session with two bad fields shows both errors beside their fields at once, and nothing is created', async ({ page, api }) => {
  await arrange(api);
  const start = mondayAfterNextWeek(nowInZone().date);
  const agenda = new AgendaPage(page);
  await agenda.open();
  await agenda.create('session');
  const form = new SeriesForm(page);
  const f = es.seriesForm;
  // No title (the contract refuses it) and a weekly rule that ends before it starts (checked by hand in main).
  await form.fill({ title: '', organizer: 'Ana Ruiz', date: start, startTime: '11:00', weekdays: ['lunes'] });
  await form.dialog.getByRole('radio', { name: f.endsUntil }).check();
  await fillDate(form.input(f.endDate), addDays(start, -7));
  await form.submit();
  await expect(form.input(f.title)).toHaveAttribute('aria-invalid', 'true');
  await expect(form.dialog.locator('#series-title-error')).toHaveText('Este campo es obligatorio.');
  await expect(form.dialog.getByRole('group', { name: f.ends })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.dialog.locator('#series-ends-error')).toHaveText('La fecha de fin es anterior al inicio.');
  await expect(form.dialog).toBeVisible();
  const week = must(await api.invoke('agenda.range', { from: addDays(start, -7), to: addDays(start, 7) }));
  expect(week.occurrences).toHaveLength(0);

  // Mending one leaves the other beside its field.
  await form.input(f.title).fill('Pilates');
  await form.submit();
  await expect(form.dialog.locator('#series-title-error')).toHaveCount(0);
  await expect(form.dialog.locator('#series-ends-error')).toHaveText('La fecha de fin es anterior al inicio.');
});


test('Ajustes: the team, session types and services; a session type fills in a new session', async ({ page, api }) => {
  const settings = new CatalogueSettings(page);
  await settings.open();

  await settings.addStaff('Carmen López', 'owner');
  await expect(settings.staff.getByRole('listitem').filter({ hasText: 'Carmen López' })).toContainText('Propietario/a');
  await settings.staff.getByRole('button', { name: 'Editar a Carmen López' }).click();
  const editing = settings.staff.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Guardar', exact: true }) });
  await editing.getByLabel('Nombre', { exact: true }).fill('Carmen López Gil');
  await settings.staff.getByRole('button', { name: 'Guardar', exact: true }).click();
  await expect(settings.staff.getByRole('listitem').filter({ hasText: 'Carmen López Gil' })).toBeVisible();

  await settings.addSessionType('Pilates reformer', 50, 6);
  await expect(settings.sessionTypes.getByRole('listitem').filter({ hasText: 'Pilates reformer' })).toContainText('50 min · 6 plazas');
  await settings.addSessionType('Sin duración', 0, null);
  await expect(settings.sessionTypes.getByLabel('Duración (min)', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await settings.addService('Masaje relajante', 60, '45,50');
  await expect(settings.services.getByRole('listitem').filter({ hasText: 'Masaje relajante' })).toContainText('45,50 €');
  const service = must(await api.invoke('services.list', {})).find((s) => s.name === 'Masaje relajante');
  expect(service?.priceMinor).toBe(4550);
  await settings.services.getByRole('button', { name: 'Retirar Masaje relajante' }).click();
  await expect(settings.services.getByRole('listitem').filter({ hasText: 'Masaje relajante' })).toHaveCount(0);
  await settings.services.getByLabel('Mostrar los retirados').check();
  await expect(settings.services.getByRole('listitem').filter({ hasText: 'Masaje relajante' })).toContainText('Retirado');

  // The desk works as Carmen; a new session of the type starts with its duration and places.
  await new DeskBar(page).workAs('Carmen López Gil');
  const agenda = new AgendaPage(page);
  await agenda.open();
  await agenda.create('session');
  const form = new SeriesForm(page);
  await expect(form.input('Organizador')).toHaveValue(/.+/);
  await expect(form.input('Organizador').locator('option:checked')).toHaveText('Carmen López Gil');
  await form.input('Tipo de sesión').selectOption({ label: 'Pilates reformer' });
  await expect(form.input('Duración (minutos)')).toHaveValue('50');
  await expect(form.input('Límite de plazas')).toHaveValue('6');
});

test('a 4-week Mon/Wed course sold on a Friday: the form says 8 classes and the last date before saving', async ({ page, api }) => {
  await arrange(api);
  const friday = addDays(mondayAfterNextWeek(nowInZone().date), 4);
  const agenda = new AgendaPage(page);
  const form = new SeriesForm(page);
  await agenda.open();
  await agenda.create('session');
  await form.fill({ title: 'Curso de pilates', organizer: 'Ana Ruiz', date: friday, startTime: '19:00', weekdays: ['lunes', 'miércoles'], endAfterWeeks: 4 });
  // 4 × 7 days from the first class (the Monday after): the last is the fourth Wednesday.
  await expect(form.extent).toHaveText(`Se repetirá 8 veces; la última, el ${longDate(addDays(friday, 26))}.`);
  await form.input('Número de semanas').fill('1');
  await expect(form.extent).toHaveText(`Se repetirá 2 veces; la última, el ${longDate(addDays(friday, 5))}.`);
  await form.dialog.getByRole('radio', { name: 'En una fecha' }).check();
  await fillDate(form.input('Fecha de fin'), addDays(friday, 3));
  await expect(form.extent).toHaveText(`Será una sola vez: el ${longDate(addDays(friday, 3))}.`);
  // A series with no end has no last date to tell.
  await form.dialog.getByRole('radio', { name: 'Nunca' }).check();
  await expect(form.extent).toHaveText('');
  await form.dialog.getByRole('radio', { name: 'Tras un número de semanas' }).check();
  await form.input('Número de semanas').fill('4');
  await expect(form.extent).toContainText('Se repetirá 8 veces');
  await form.submit();
  await expect(page.getByRole('status').filter({ hasText: '«Curso de pilates» (8 sesiones)' })).toBeVisible();
  const created = must(await api.invoke('agenda.range', { from: friday, to: addDays(friday, 40) })).occurrences.filter((o) => o.title === 'Curso de pilates');
  expect(created.map((o) => o.localDate)).toEqual([3, 5, 10, 12, 17, 19, 24, 26].map((n) => addDays(friday, n)));
});
