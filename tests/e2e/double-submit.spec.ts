import { dayFromToday } from '../helpers/agenda-fixtures';
import { expect, test } from './fixtures';
import { CheckoutPage, ReceiptPage } from './pages/checkout-page';

test('Cobrar sent twice before the page can react (a double click) charges once', async ({ page, api }) => {
  const cut = await api.invoke('services.create', { name: 'Corte de pelo', durationMin: 30, priceMinor: 2500 });
  expect(cut.ok).toBe(true);
  const checkout = new CheckoutPage(page);
  await checkout.open();
  await checkout.add('Corte de pelo');
  await expect(checkout.payments.getByLabel(/^Importe 1 /)).toHaveValue('25,00');
  // Two submits in one task: React has no chance to disable the button in between.
  await checkout.sale.evaluate((form) => {
    const sale = form as unknown as { requestSubmit(): void };
    sale.requestSubmit();
    sale.requestSubmit();
  });
  await expect(new ReceiptPage(page).heading).toHaveText(/^Factura simplificada n\.º FS-[0-9A-Z]{4}-\d{4}-1$/);
  const sales = await api.invoke('sales.list', { from: dayFromToday(0), to: dayFromToday(0) });
  expect(sales.ok && sales.value).toHaveLength(1);
});
