import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { es } from '../../src-renderer/i18n/es';
import { localDate } from '../../src-main/engine/time/local-date';
import { addDays } from '../../src-shared/time/calendar-date';
import { expect, test } from './fixtures';
import { fillDate } from './pages/date-field';

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

test('Informes: a date range, the sales by method and the day, and a CSV download for Spanish Excel', async ({ page, api }) => {
  const corte = must(await api.invoke('services.create', { name: 'Corte', durationMin: 30, priceMinor: 1800 }));
  const tinte = must(await api.invoke('services.create', { name: 'Tinte', durationMin: 60, priceMinor: 4500 }));
  must(await api.invoke('checkout.commit', { lines: [{ kind: 'service', serviceId: corte.id }], payments: [{ method: 'cash', amountMinor: 1800 }] }));
  must(await api.invoke('checkout.commit', { lines: [{ kind: 'service', serviceId: tinte.id }], payments: [{ method: 'card', amountMinor: 4500 }] }));
  const today = localDate(new Date(), 'Europe/Madrid');

  await page.goto('/#/informes');
  await expect(page.getByRole('heading', { level: 1, name: es.reports.title })).toBeVisible();
  await fillDate(page.getByLabel(es.reports.from, { exact: true }), addDays(today, -7));
  await fillDate(page.getByLabel(es.reports.to, { exact: true }), today);
  await expect(page.getByTestId('reports-totals')).toContainText(/2 ventas, 0 anulaciones, total 63,00\s€/);
  const byMethod = page.locator('section[data-table="methods"] table');
  await expect(byMethod.getByRole('row', { name: /Tarjeta/ })).toContainText(/1\s*45,00\s€/);
  await expect(byMethod.getByRole('row', { name: /Efectivo/ })).toContainText(/1\s*18,00\s€/);
  await expect(page.locator('section[data-table="items"] tbody tr').first()).toContainText('Tinte');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // Exportar CSV: semicolons, decimal commas, a BOM so Excel reads the accents.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `${es.reports.exportCsv}: ${es.reports.byDay}` }).click()]);
  expect(download.suggestedFilename()).toBe(`ventas-por-dia_${addDays(today, -7)}_${today}.csv`);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('\uFEFFDía;Ventas;Anulaciones;Total;Impuestos\r\n')).toBe(true);
  expect(text).toContain(`${today};2;0;63,00;`);
  // A range too long is refused with its reason.
  await fillDate(page.getByLabel(es.reports.from, { exact: true }), addDays(today, -400));
  await expect(page.getByRole('alert')).toContainText('El intervalo de fechas es demasiado largo.');
});
