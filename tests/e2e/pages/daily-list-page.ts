import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

/** The printable daily list: date and professional pickers, the booked and the waitlist tables, Imprimir. */
export class DailyListPage {
  readonly heading: Locator;
  /** The booked ("Citados"). */
  readonly table: Locator;
  /** Those waiting for a place ("En lista de espera"), in a table of their own. */
  readonly waitlist: Locator;
  readonly sheet: Locator;
  readonly printButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: new RegExp(`^${es.dailyList.title}`) });
    this.table = page.getByRole('table', { name: es.dailyList.booked, exact: true });
    this.waitlist = page.getByRole('table', { name: es.dailyList.waitlist, exact: true });
    this.sheet = page.getByRole('article');
    this.printButton = page.getByRole('button', { name: new RegExp(es.dailyList.print) });
  }

  /** A client's row, booked or waiting. */
  row(client: string): Locator {
    return this.sheet.getByRole('row').filter({ hasText: client });
  }

  async chooseProfessional(name: string): Promise<void> {
    await this.page.getByLabel(es.dailyList.professional, { exact: true }).selectOption({ label: name });
  }
}
