import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { ApiHost } from '../../src-main/api/open-api';
import { es } from '../../src-renderer/i18n/es';
import { historyWriter } from '../helpers/client-history';
import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { ClientCardPage } from './pages/client-card-page';

const DAY_MS = 86_400_000;
/** Whole hours, `days` days ago (the API books only ahead: the past is written into the file). */
const daysAgo = (days: number) => new Date(Math.floor((Date.now() - days * DAY_MS) / 3_600_000) * 3_600_000).toISOString();

/** axe-core on the page as it is: no serious or critical violation. */
async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function invoke<T>(api: ApiHost, name: string, input: unknown): Promise<T> {
  const r = await api.invoke(name as never, input as never);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** Lucía: four haircuts ten days apart, each paid 18 €, then three no-shows; Pedro: under the thresholds. */
async function arrange(api: ApiHost) {
  const staffId = (await invoke<{ id: string }>(api, 'staff.create', { name: 'Marta', role: 'professional' })).id;
  const corte = (await invoke<{ id: string }>(api, 'services.create', { name: 'Corte', durationMin: 30, priceMinor: 1800 })).id;
  const lucia = (await invoke<{ client: { id: string } }>(api, 'clients.create', { firstName: 'Lucía', lastName: 'Muñoz', phone: '612345678' })).client.id;
  const pedro = (await invoke<{ client: { id: string } }>(api, 'clients.create', { firstName: 'Pedro', lastName: 'Gil' })).client.id;
  const history = historyWriter(api.database.sqlite, 'Europe/Madrid');
  for (const days of [100, 90, 80, 70]) {
    history.appointment({ clientId: lucia, staffId, serviceId: corte, startsAt: daysAgo(days), status: 'attended' });
    history.sale({ clientId: lucia, totalMinor: 1800, at: daysAgo(days) });
  }
  for (const days of [40, 25, 10]) history.appointment({ clientId: lucia, staffId, serviceId: corte, startsAt: daysAgo(days), status: 'no_show' });
  history.appointment({ clientId: pedro, staffId, serviceId: corte, startsAt: daysAgo(5), status: 'no_show' });
  return { lucia, pedro };
}

test('the statistics tab says its figures in words and tables, beside the charts', async ({ page, api }) => {
  const { lucia } = await arrange(api);
  await new AppShell(page).open();
  await page.goto(`/#/clients/${lucia}`);
  await page.getByRole('tab', { name: 'Estadísticas' }).click();

  const summary = page.getByRole('region', { name: es.stats.summary });
  const figure = (label: string) => summary.locator('dt', { hasText: label }).locator('+ dd');
  await expect(figure(es.stats.visits)).toHaveText('4');
  await expect(figure(es.stats.frequency)).toHaveText('cada 10 días (mediana)');
  await expect(figure(es.stats.averageSpend)).toHaveText(/18,00\s€ en 4 ventas/);
  await expect(figure(es.stats.totalSpend)).toHaveText(/72,00\s€/);
  await expect(figure(es.stats.noShows)).toHaveText('3');

  // Each chart: a sentence with its figures (also the canvas's name), and the data as a table.
  const services = page.getByRole('region', { name: es.stats.servicesTitle });
  await expect(services).toContainText('Preferido: Corte, 4 de 4 visitas (100 %)');
  await expect(services.getByRole('img', { name: /Preferido: Corte/ })).toBeVisible();
  const visits = page.getByRole('region', { name: es.stats.visitsTitle });
  await expect(visits.locator('.stats-chart-summary')).toContainText(/^4 visitas entre /);
  await expect(visits.getByRole('img')).toHaveAttribute('aria-label', /^4 visitas entre /);
  await visits.getByText(es.stats.showData).click();
  const rows = visits.getByRole('table').getByRole('row');
  await expect(rows.first()).toContainText(es.stats.month);
  const spend = page.getByRole('region', { name: es.stats.spendTitle });
  await expect(spend).toContainText(/72,00\s€ en 4 ventas/);
  await expectNoSeriousViolations(page);
});

test('a blacklist suggestion shows in Clientes and on the card with its evidence; the desk blacklists from it', async ({ page, api }) => {
  const { lucia } = await arrange(api);
  const app = new AppShell(page);
  const card = new ClientCardPage(page);
  await app.open();
  await app.goTo('clients');

  const list = page.getByRole('region', { name: /Sugerencias de lista negra/ });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  const item = list.getByRole('listitem').filter({ hasText: 'Lucía Muñoz' });
  await expect(item).toContainText('3 faltas sin avisar en los últimos 6 meses');
  await item.getByText(es.blacklistSuggestion.showEvidence).click();
  await expect(item.getByRole('list').getByRole('listitem')).toHaveCount(3);
  await expect(item.getByRole('list').getByRole('listitem').first()).toContainText('No se presentó');
  await expect(item.getByRole('list').getByRole('listitem').first()).toContainText('Corte');

  // On the card: the same suggestion, its evidence, and the desk's decision.
  await expectNoSeriousViolations(page);
  await item.getByRole('link', { name: 'Lucía Muñoz' }).click();
  await expect(card.heading).toHaveText('Lucía Muñoz');
  const banner = page.getByRole('region', { name: es.blacklistSuggestion.title });
  await expect(banner).toContainText('3 faltas sin avisar en los últimos 6 meses');
  await expect(banner.getByRole('list', { name: es.blacklistSuggestion.evidence }).getByRole('listitem')).toHaveCount(3);
  await banner.getByRole('button', { name: es.blacklistSuggestion.blacklist }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(es.card.blacklistReasonLabel).fill('No se presentó 3 veces');
  await dialog.getByRole('button', { name: es.card.blacklistConfirm }).click();
  await expect(card.blacklistNote).toContainText('No se presentó 3 veces');
  await expect(banner).toHaveCount(0);
  const saved = await invoke<{ blacklisted: boolean }>(api, 'clients.get', { id: lucia });
  expect(saved.blacklisted).toBe(true);

  // Clientes has nothing left to suggest.
  await app.goTo('clients');
  await expect(page.getByRole('heading', { level: 1, name: es.clients.title })).toBeVisible();
  await expect(page.getByRole('region', { name: /Sugerencias de lista negra/ })).toHaveCount(0);
});

test('dismissing a suggestion on the card removes it until something new happens', async ({ page, api }) => {
  const { lucia } = await arrange(api);
  await new AppShell(page).open();
  await page.goto(`/#/clients/${lucia}`);
  const banner = page.getByRole('region', { name: es.blacklistSuggestion.title });
  await banner.getByRole('button', { name: es.blacklistSuggestion.dismiss }).click();
  await expect(page.getByText(es.blacklistSuggestion.dismissed)).toBeVisible();
  await expect(banner).toHaveCount(0);
  expect(await invoke(api, 'blacklistSuggestions.forClient', { clientId: lucia })).toBeNull();
});

test('the centre sets the thresholds in Ajustes: a bad one is refused beside its box', async ({ page, api }) => {
  await arrange(api);
  const app = new AppShell(page);
  await app.open();
  await app.goTo('settings');
  const section = page.getByRole('region', { name: es.blacklistSuggestion.rulesTitle });
  const noShows = section.getByLabel(es.blacklistSuggestion.noShowCount, { exact: true });
  await expect(noShows).toHaveValue('3');
  await noShows.fill('');
  await section.getByRole('button', { name: es.app.save }).click();
  await expect(noShows).toHaveAttribute('aria-invalid', 'true');
  expect(await invoke(api, 'blacklistRules.get', {})).toMatchObject({ noShowCount: 3 });

  // One no-show is enough now: Pedro is suggested too.
  await noShows.fill('1');
  await section.getByRole('button', { name: es.app.save }).click();
  await expect(page.getByText(es.blacklistSuggestion.saved)).toBeVisible();
  await app.goTo('clients');
  const list = page.getByRole('region', { name: /Sugerencias de lista negra/ });
  await expect(list.getByRole('listitem').filter({ has: page.getByRole('heading') })).toHaveCount(2);
  await expect(list).toContainText('Pedro Gil');
});
