import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

/** The top bar's desk switcher ("who is working here") and the notices bell. */
export class DeskBar {
  readonly deskSwitcher: Locator;
  readonly bell: Locator;
  readonly notices: Locator;

  constructor(readonly page: Page) {
    this.deskSwitcher = page.getByRole('combobox', { name: es.desk.label });
    this.bell = page.getByRole('button', { name: /^Avisos/ });
    this.notices = page.getByRole('region', { name: es.notifications.title });
  }

  async workAs(name: string): Promise<void> {
    await this.deskSwitcher.selectOption({ label: name });
  }
}
