import { es } from '../../src-renderer/i18n/es';
import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { ClientCardPage } from './pages/client-card-page';
import { ClientsPage } from './pages/clients-page';
import { TodayBoardPage } from './pages/today-page';

test('the client form shows a bad phone, a bad email and a missing first name at once, each beside its field', async ({ page, api }) => {
  const app = new AppShell(page);
  const card = new ClientCardPage(page);
  await app.open();
  await app.goTo('clients');
  await new ClientsPage(page).newClientButton.click();
  await card.fill({ lastName: 'Sin Nombre', phone: '12ab', email: 'no-es-un-correo' });
  await card.save();

  await expect(card.input('firstName')).toHaveAttribute('aria-invalid', 'true');
  await expect(card.input('firstName')).toHaveAccessibleDescription('Este campo es obligatorio.');
  await expect(card.input('phone')).toHaveAttribute('aria-invalid', 'true');
  await expect(card.input('phone')).toHaveAccessibleDescription('El teléfono no es válido.');
  await expect(card.input('email')).toHaveAttribute('aria-invalid', 'true');
  await expect(card.input('email')).toHaveAccessibleDescription('El correo electrónico no es válido.');
  await expect(card.input('firstName')).toBeFocused();
  await expect(card.errorBanner).toHaveCount(0);
  const all = await api.invoke('clients.search', {});
  expect(all.ok && all.value.total).toBe(0);

  // Fixing one clears only its own error.
  await card.input('phone').fill('612 34 56 78');
  await expect(card.input('phone')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(card.input('email')).toHaveAttribute('aria-invalid', 'true');
  await card.fill({ firstName: 'Ana', email: 'ana@correo.es' });
  await card.save();
  await expect(card.heading).toHaveText('Ana Sin Nombre');
});

const minute = 60_000;

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

function madridMinutes(instant: Date): { date: string; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

test('Hoy offers check-in only from the set time before the start, and Ajustes changes that time', async ({ page, api }) => {
  const later = new Date(Math.ceil((Date.now() + 180 * minute) / (5 * minute)) * 5 * minute);
  test.skip(madridMinutes(later).date !== madridMinutes(new Date()).date, 'too close to midnight in Madrid');
  const ana = must(await api.invoke('staff.create', { name: 'Ana Ruiz', role: 'professional' }));
  const corte = must(await api.invoke('services.create', { name: 'Corte de pelo', durationMin: 30, priceMinor: 2500 }));
  const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
  must(await api.invoke('schedules.create', { staffId: ana.id, name: 'Peluquería', durationMin: 30, serviceIds: [corte.id], ranges: allDay }));
  const soon = new Date(Math.ceil((Date.now() + 30 * minute) / (5 * minute)) * 5 * minute);
  const marta = must(await api.invoke('clients.create', { firstName: 'Marta', lastName: 'Gil' })).client;
  const pedro = must(await api.invoke('clients.create', { firstName: 'Pedro', lastName: 'Sanz' })).client;
  must(await api.invoke('appointments.book', { clientId: marta.id, staffId: ana.id, serviceId: corte.id, startsAt: soon.toISOString(), override: true }));
  must(await api.invoke('appointments.book', { clientId: pedro.id, staffId: ana.id, serviceId: corte.id, startsAt: later.toISOString(), override: true }));

  const board = new TodayBoardPage(page);
  await page.goto('/');
  await expect(board.heading).toBeVisible();
  // Marta starts within the hour: check-in is offered. Pedro starts in three hours: not yet, and the board says when.
  await expect(board.row('Marta Gil').getByRole('button', { name: es.today.actions.checkInFor.replace('{{name}}', 'Marta Gil') })).toBeVisible();
  await expect(board.row('Pedro Sanz').getByRole('button', { name: es.today.actions.checkInFor.replace('{{name}}', 'Pedro Sanz') })).toHaveCount(0);
  await expect(board.row('Pedro Sanz')).toContainText(/El check-in se abre a las \d{2}:\d{2}/);
  await expect(board.statusButton('Pedro Sanz', 'arrived')).toBeDisabled();

  // Ajustes: check-in from 240 minutes before.
  await new AppShell(page).goTo('settings');
  const field = page.getByLabel(es.restrictions.checkInBefore, { exact: true });
  await expect(field).toHaveValue('60');
  await field.fill('240');
  await page.getByRole('region', { name: es.settings.centre }).getByRole('button', { name: es.app.save, exact: true }).click();
  await expect.poll(async () => must(await api.invoke('settings.get', {})).checkInMinutesBefore).toBe(240);

  await page.goto('/');
  await board.row('Pedro Sanz').getByRole('button', { name: es.today.actions.checkInFor.replace('{{name}}', 'Pedro Sanz') }).click();
  await expect(board.statusButton('Pedro Sanz', 'arrived')).toHaveAttribute('aria-pressed', 'true');
});
