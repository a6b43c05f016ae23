import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { ApiHost } from '../../src-main/api/open-api';
import { errorMessages } from '../../src-shared/i18n/errors';
import { expect, test } from './fixtures';
import { TillPage } from './pages/till-page';

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** An amount as es-ES shows it ("118,00 €", with a no-break space). */
const eur = (amount: string) => new RegExp(`${amount.replace(/[.]/g, '\\.')}\\s€`);

/** Serious or critical axe-core violations on the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A cut (18,00 €) paid in cash with 20 € handed over, and one by card. */
async function twoSales(api: ApiHost) {
  const corte = must(await api.invoke('services.create', { name: 'Corte', durationMin: 30, priceMinor: 1800 }));
  const lines = [{ kind: 'service' as const, serviceId: corte.id }];
  must(await api.invoke('checkout.commit', { lines, payments: [{ method: 'cash', amountMinor: 1800 }], cashTenderedMinor: 2000 }));
  must(await api.invoke('checkout.commit', { lines, payments: [{ method: 'card', amountMinor: 1800, reference: 'VOUCHER-77' }] }));
  return lines;
}

test('the desk opens the till with a float, closes it with a difference and its reason, prints the Z report; the closed day takes no sale', async ({ page, api }) => {
  const till = new TillPage(page);
  await till.goto();
  await till.open('100');
  await expect(till.expected('cash')).toHaveText(eur('100,00'));

  const lines = await twoSales(api);
  await page.reload();
  // The change (2 €) went back to the client: the till holds the float and the 18 €.
  await expect(till.expected('cash')).toHaveText(eur('118,00'));
  await expect(till.expected('card')).toHaveText(eur('18,00'));
  expect(await axeProblems(page)).toEqual([]);

  // Counted 117 €: a 100 € note, a 10, a 5 and a 2 € coin; one euro missing.
  await till.count('100,00 €', 1);
  await till.count('10,00 €', 1);
  await till.count('5,00 €', 1);
  await till.count('2,00 €', 1);
  await expect(till.cashTotal).toContainText(eur('117,00'));
  await expect(page.getByTestId('till-cash-difference')).toHaveText(/-1,00\s€/);
  await till.counted('Tarjeta', '18');
  // No reason yet: refused beside the field, nothing closed.
  await till.close();
  await expect(page.getByText(/Explica por qué no cuadra/)).toBeVisible();
  await till.reason('Efectivo').fill('Falta 1 € del cambio');
  await till.close();

  // The Z report.
  await expect(till.zReport.getByRole('heading', { level: 1 })).toHaveText('Informe Z · Z nº 1');
  const methods = till.zReport.locator('.z-methods');
  await expect(methods.getByRole('row', { name: /Efectivo/ })).toContainText(/118,00\s€.*117,00\s€.*-1,00\s€.*Falta 1 € del cambio/);
  await expect(methods.getByRole('row', { name: /Tarjeta/ })).toContainText(/18,00\s€.*18,00\s€.*0,00\s€/);
  await expect(till.zReport.locator('.z-count')).toContainText(/100,00\s€\s*1\s*100,00\s€/);
  await expect(till.zReport.locator('.z-documents tbody tr')).toHaveCount(1);
  await expect(till.zReport.locator('.z-documents tbody tr td.num').first()).toHaveText('2');
  await expect(till.zReport.locator('.z-taxes')).toContainText('21 %');
  await expect(till.zReport).toContainText('Fondo: 100,00');
  await expect(till.zReport).toContainText('B12345674');
  expect(await axeProblems(page)).toEqual([]);

  // Imprimir uses the browser's print in the browser host; on paper only the report shows.
  await page.evaluate(() => {
    const w = globalThis as unknown as { printed: number; print: () => void };
    w.printed = 0;
    w.print = () => {
      w.printed += 1;
    };
  });
  await till.print();
  expect(await page.evaluate(() => (globalThis as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Navegación principal' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Imprimir el informe Z' })).toBeHidden();
  await expect(till.zReport).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // A manager's correction of the closed day, added beside the close (no PINs here: the desk is the owner's).
  await page.getByRole('button', { name: 'Corregir', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Corregir un día cerrado' });
  await dialog.getByLabel('Importe (negativo para restar)').fill('-5');
  await dialog.getByLabel('Motivo', { exact: true }).fill('Billete falso de 5 €');
  await dialog.getByRole('button', { name: 'Añadir la corrección' }).click();
  await expect(till.zReport.getByRole('heading', { name: 'Correcciones posteriores' })).toBeVisible();
  await expect(till.zReport).toContainText(/Efectivo -5,00\s€ · Billete falso de 5 €/);
  await expect(methods.getByRole('row', { name: /Efectivo/ })).toContainText(/-1,00\s€/);

  // A new sale on the closed day is refused until the next day's till is opened.
  const refused = await api.invoke('checkout.commit', { lines, payments: [{ method: 'cash', amountMinor: 1800 }] });
  expect(refused).toMatchObject({ ok: false, error: { code: 'till_closed', message: errorMessages.es.till_closed } });
  await expect(page.getByRole('button', { name: 'Abrir la caja de mañana' })).toBeVisible();
});
