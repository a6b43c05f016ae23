import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

/** The "Hoy" board: one row per person expected today. */
export class TodayBoardPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly navLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: es.today.title });
    this.list = page.getByRole('list', { name: es.today.listLabel });
    this.navLink = page.getByRole('navigation', { name: es.nav.main }).getByRole('link', { name: es.nav.today });
  }

  async open(): Promise<void> {
    await this.page.goto('/#/hoy');
    await this.heading.waitFor();
  }

  /** A person's row, by their name. */
  row(name: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  statusButton(name: string, status: keyof typeof es.today.status): Locator {
    return this.row(name)
      .getByRole('group', { name: es.today.status.label.replace('{{name}}', name) })
      .getByRole('button', { name: es.today.status[status], exact: true });
  }
}
