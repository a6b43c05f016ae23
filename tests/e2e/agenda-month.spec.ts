import type { ApiHost } from '../../src-main/api/open-api';
import { localToInstant } from '../../src-main/engine/time/local-time';
import { monthViewPerDay } from '../../src-shared/agenda/month-view';
import { es } from '../../src-renderer/i18n/es';
import { dayFromToday } from '../helpers/agenda-fixtures';
import { expect, test } from './fixtures';
import { AgendaPage } from './pages/agenda-page';

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const times = ['09:00', '10:00', '11:00', '12:00', '13:00', '16:00', '17:00'];

/** Ana cuts hair all day, a week away: seven appointments, more than a month grid day lists. */
async function busyDay(api: ApiHost, day: string): Promise<string[]> {
  const ana = must(await api.invoke('staff.create', { name: 'Ana Ruiz', role: 'professional', colour: '#2a9d8f' }));
  const cut = must(await api.invoke('services.create', { name: 'Corte', durationMin: 60, priceMinor: 2500 }));
  const names: string[] = [];
  for (const [i, time] of times.entries()) {
    const client = must(await api.invoke('clients.create', { firstName: 'Cliente', lastName: `Número ${i + 1}` })).client;
    must(await api.invoke('appointments.book', { clientId: client.id, staffId: ana.id, serviceId: cut.id, startsAt: localToInstant(day, time, 'Europe/Madrid').toISOString(), override: true }));
    names.push(`Cliente Número ${i + 1} · Corte`);
  }
  return names;
}

test('a month view day with more appointments than fit lists the first ones and "N más", which opens the whole day', async ({ page, api }) => {
  const day = dayFromToday(7);
  const tiles = await busyDay(api, day);
  const agenda = new AgendaPage(page);
  await page.goto(`/#/agenda?dia=${day}`);
  await agenda.heading.waitFor();
  await agenda.switchTo('month');

  const cell = page.locator(`.agenda-calendar .sx__month-grid-day[data-date="${day}"]`);
  const more = es.agenda.moreEntries.replace('{{more}}', String(times.length - monthViewPerDay));
  await expect(cell.getByText(more, { exact: true })).toBeVisible();
  for (const tile of tiles.slice(0, monthViewPerDay)) await expect(cell.getByText(tile)).toBeVisible();
  for (const tile of tiles.slice(monthViewPerDay)) await expect(cell.getByText(tile)).toHaveCount(0);

  await cell.getByText(more, { exact: true }).click();
  await expect(agenda.views.getByRole('button', { name: es.agenda.view.day, exact: true })).toHaveAttribute('aria-pressed', 'true');
  for (const tile of tiles) await expect(agenda.entries(tile)).toBeVisible();
  await expect(agenda.entries(more)).toHaveCount(0);
});
