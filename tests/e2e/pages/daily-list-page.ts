import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

/** The printable daily list: date and professional pickers, the table, Imprimir. */
export class DailyListPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly sheet: Locator;
  readonly printButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: new RegExp(`^${es.dailyList.title}`) });
    this.table = page.getByRole('table');
    this.sheet = page.getByRole('article');
    this.printButton = page.getByRole('button', { name: new RegExp(es.dailyList.print) });
  }

  row(client: string): Locator {
    return this.table.getByRole('row').filter({ hasText: client });
  }

  async chooseProfessional(name: string): Promise<void> {
    await this.page.getByLabel(es.dailyList.professional, { exact: true }).selectOption({ label: name });
  }
}
