import { es } from '../../src-renderer/i18n/es';
import { errorMessages } from '../../src-shared/i18n/errors';
import { expect, test } from './fixtures';
import { FiscalSettingsScreens } from './pages/fiscal-settings';

/**
 * Ajustes as a manager fills it before selling: the centre's fiscal data (a bad NIF refused beside
 * its field, then a good one), a service's VAT, a retail product with its VAT, and a payment method
 * of the centre's own.
 */
test('fiscal data, VAT, products and payment methods in Ajustes', async ({ page, api }) => {
  const corte = await api.invoke('services.create', { name: 'Corte', durationMin: 30, priceMinor: 1800 });
  if (!corte.ok) throw new Error(JSON.stringify(corte.error));
  const screens = new FiscalSettingsScreens(page);
  await screens.open();

  await screens.saveTaxId('B12345670');
  await expect(screens.fiscal.locator('#fiscal-taxId-error')).toHaveText(errorMessages.es.invalid_tax_id);
  await screens.saveTaxId('b-87654323');
  await expect(page.getByText(es.fiscalSettings.saved)).toBeVisible();
  await expect(screens.fiscal.locator('#fiscal-taxId-error')).toHaveCount(0);
  const fiscal = await api.invoke('fiscal.settings.get', {});
  expect(fiscal.ok && fiscal.value.fiscal?.taxId).toBe('B87654323');

  await screens.setServiceVat('Corte', '10 %');
  await expect(screens.services.getByText('IVA 10 %')).toBeVisible();

  await screens.createProduct('Champú reparador', '14,50', '21 %');
  await expect(screens.products.getByRole('listitem').filter({ hasText: 'Champú reparador' })).toContainText('IVA 21 %');

  await screens.addMethod('Tarjeta regalo Alba');
  await expect(screens.methods.getByRole('listitem').filter({ hasText: 'Tarjeta regalo Alba' })).toBeVisible();
  const methods = await api.invoke('paymentMethods.list', {});
  expect(methods.ok && methods.value.map((m) => (m.kind === 'custom' ? m.name : m.method))).toEqual(['cash', 'card', 'bizum', 'transfer', 'voucher', 'Tarjeta regalo Alba']);
});
