import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

/** Clientes: the list with its filters and the "Nuevo cliente" button. */
export class ClientsPage {
  readonly heading: Locator;
  readonly newClientButton: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: es.clients.title });
    this.newClientButton = page.getByRole('link', { name: es.clients.new });
    this.table = page.getByRole('table');
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async filterByTag(tag: string): Promise<void> {
    await this.page.getByLabel(es.clients.filterTag, { exact: true }).selectOption({ label: tag });
  }
}
