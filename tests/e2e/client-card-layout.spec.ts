import { es } from '../../src-renderer/i18n/es';
import { dayFromToday } from '../helpers/agenda-fixtures';
import { expect, test } from './fixtures';
import { ClientCardPage } from './pages/client-card-page';

const s = es.cardSummary;

function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

test('the card header shows alerts, next visit and balances first; the tabs carry the seed names and keep tab and scroll over a reload', async ({ page, api }) => {
  const ana = must(await api.invoke('staff.create', { name: 'Ana Ruiz', role: 'professional' }));
  const pilates = must(await api.invoke('sessionTypes.create', { name: 'Pilates', colour: '#3d85c6', defaultDurationMin: 60, defaultPlaces: 8 }));
  const bono = must(await api.invoke('passProducts.create', { name: 'Bono 10 clases', credits: 10, sessionTypeIds: [pilates.id], serviceIds: [], validity: { kind: 'days', days: 90 }, priceMinor: 8000 }));
  const lucia = must(await api.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz', phone: '612 34 56 78', notes: 'Alergia al látex' })).client;
  must(await api.invoke('checkout.commit', { clientId: lucia.id, lines: [{ kind: 'pass', passProductId: bono.id }], payments: [{ method: 'cash', amountMinor: 8000 }] }));
  const day = dayFromToday(2);
  const { series } = must(
    await api.invoke('series.create', { title: 'Pilates suelo', organizerId: ana.id, sessionTypeId: pilates.id, startDate: day, startTime: '10:00', durationMin: 60, places: 8, redeemableWithPasses: true }),
  );
  const occurrence = must(await api.invoke('agenda.range', { from: day, to: day })).occurrences.find((o) => o.seriesId === series.id)!;
  must(await api.invoke('sessions.book', { occurrenceId: occurrence.id, clientId: lucia.id }));

  const card = new ClientCardPage(page);
  await page.goto(`/#/clients/${lucia.id}`);
  await expect(card.heading).toHaveText('Lucía Muñoz');

  // First, what the desk must see: the allergy, the credit still to redeem, the next visit, the pass balance.
  const alerts = page.getByRole('list', { name: s.alerts });
  await expect(alerts).toContainText(s.importantNotes.replace('{{notes}}', 'Alergia al látex'));
  await expect(alerts).toContainText(s.pendingCredits_one.replace('{{count}}', '1'));
  await expect(page.locator('.card-summary-facts')).toContainText(/Pilates suelo con Ana Ruiz/);
  await expect(page.locator('.card-summary-facts')).toContainText(/Bono 10 clases: 10\/10 hasta el/);

  // The sections as tabs, with the seed's names, in its order.
  const tablist = page.getByRole('tablist', { name: es.cardTabs.label });
  const names = await tablist.getByRole('tab').allTextContents();
  expect(names.slice(0, 2)).toEqual(['Datos personales', 'Historial']);
  expect(names).toEqual(expect.arrayContaining(['Datos personales', 'Historial', 'Bonos y planes', 'Promociones']));
  await expect(tablist.getByRole('tab', { name: 'Datos personales' })).toHaveAttribute('aria-selected', 'true');

  // Arrow keys move between tabs; the alert's link opens the passes tab with the pending credit.
  await tablist.getByRole('tab', { name: 'Datos personales' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tablist.getByRole('tab', { name: 'Historial' })).toBeFocused();
  await expect(tablist.getByRole('tab', { name: 'Historial' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toContainText('Pilates suelo');
  await alerts.getByRole('link', { name: s.pendingCredits_one.replace('{{count}}', '1') }).click();
  await expect(tablist.getByRole('tab', { name: 'Bonos y planes' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toContainText('Pilates suelo');

  // The tab and the scroll position survive a reload.
  await page.setViewportSize({ width: 1366, height: 500 });
  const content = page.locator('.content');
  await content.evaluate((el) => el.scrollTo(0, 220));
  await page.waitForTimeout(150);
  const before = await content.evaluate((el) => el.scrollTop);
  expect(before).toBeGreaterThan(100);
  await page.reload();
  await expect(page.getByRole('tablist', { name: es.cardTabs.label }).getByRole('tab', { name: 'Bonos y planes' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => content.evaluate((el) => el.scrollTop)).toBe(before);
});
