import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

/** Ajustes › VERI*FACTU and the top bar's VERI*FACTU status with its panel. */
export class VerifactuScreens {
  readonly section: Locator;
  readonly url: Locator;
  readonly certificate: Locator;
  readonly enabled: Locator;
  readonly save: Locator;
  readonly submitNow: Locator;
  readonly waiting: Locator;
  readonly rejections: Locator;
  /** The top bar's status button (absent while submission is off and nothing waits). */
  readonly indicator: Locator;
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('main').getByRole('region', { name: es.verifactu.title, exact: true });
    this.url = this.section.getByLabel(es.verifactu.url, { exact: true });
    this.certificate = this.section.getByLabel(es.verifactu.certificate, { exact: true });
    this.enabled = this.section.getByRole('switch', { name: es.verifactu.enabled });
    this.save = this.section.getByRole('button', { name: es.verifactu.save, exact: true });
    this.submitNow = this.section.getByRole('button', { name: es.verifactu.submitNow, exact: true });
    this.waiting = this.section.locator('.verifactu-waiting');
    this.rejections = this.section.locator('.verifactu-rejections');
    this.indicator = page.locator('.topbar').getByRole('button', { name: /^VERI\*FACTU: / });
    this.panel = page.getByRole('region', { name: es.verifactu.panelTitle, exact: true });
  }

  async open(): Promise<void> {
    await this.page.goto('/#/settings');
    await this.section.waitFor();
  }

  async configure(url: string, enabled: boolean): Promise<void> {
    await this.url.fill(url);
    await this.enabled.setChecked(enabled);
    await this.save.click();
  }
}
