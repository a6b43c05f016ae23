import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

/** Ajustes › Datos fiscales, Productos, Métodos de pago, and the VAT select of Servicios. */
export class FiscalSettingsScreens {
  readonly fiscal: Locator;
  readonly products: Locator;
  readonly methods: Locator;
  readonly services: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.fiscal = main.getByRole('region', { name: es.fiscalSettings.title, exact: true });
    this.products = main.getByRole('region', { name: es.retailProducts.title, exact: true });
    this.methods = main.getByRole('region', { name: es.paymentMethodsSettings.title, exact: true });
    this.services = main.getByRole('region', { name: es.catalogue.servicesTitle, exact: true });
  }

  async open(): Promise<void> {
    await this.page.goto('/#/settings');
    await this.fiscal.waitFor();
  }

  async saveTaxId(taxId: string): Promise<void> {
    await this.fiscal.getByLabel(es.fiscalSettings.taxId.ES, { exact: true }).fill(taxId);
    await this.fiscal.getByRole('button', { name: es.fiscalSettings.save, exact: true }).click();
  }

  async setServiceVat(name: string, rateText: string): Promise<void> {
    await this.services.getByRole('button', { name: es.catalogue.serviceEdit.replace('{{name}}', name), exact: true }).click();
    await this.services.locator('select[id$="-vatRateBp"]').first().selectOption({ label: rateText });
    await this.services.getByRole('button', { name: es.app.save, exact: true }).click();
  }

  async createProduct(name: string, price: string, rateText: string): Promise<void> {
    await this.products.getByLabel(es.retailProducts.name, { exact: true }).fill(name);
    await this.products.locator('#product-new-price').fill(price);
    await this.products.locator('#product-new-vatRateBp').selectOption({ label: rateText });
    await this.products.getByRole('button', { name: es.retailProducts.create, exact: true }).click();
  }

  async addMethod(name: string): Promise<void> {
    await this.methods.getByLabel(es.paymentMethodsSettings.name, { exact: true }).fill(name);
    await this.methods.getByRole('button', { name: es.paymentMethodsSettings.create, exact: true }).click();
  }
}
