import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

/** Ajustes › Actualizaciones: the feed, its channel and the state. */
export class UpdatesSettings {
  readonly section: Locator;
  readonly url: Locator;
  readonly channel: Locator;
  readonly save: Locator;
  readonly checkNow: Locator;
  readonly state: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: es.updates.title, exact: true });
    this.url = this.section.getByLabel(es.updates.url, { exact: true });
    this.channel = this.section.getByLabel(es.updates.channel, { exact: true });
    this.save = this.section.getByRole('button', { name: es.updates.save, exact: true });
    this.checkNow = this.section.getByRole('button', { name: es.updates.checkNow });
    this.state = this.section.getByRole('status');
  }

  async open(): Promise<void> {
    await this.page.goto('/#/settings');
    await this.section.waitFor();
  }

  async saveFeed(url: string, channel: keyof typeof es.updates.channels): Promise<void> {
    await this.url.fill(url);
    await this.channel.selectOption({ label: es.updates.channels[channel] });
    await this.save.click();
  }
}
