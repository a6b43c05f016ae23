import { expect, type Locator, type Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

/** Ajustes › Sincronización, the top bar's sync status with its panel, and the conflicts list. */
export class SyncScreens {
  readonly section: Locator;
  readonly endpoint: Locator;
  readonly key: Locator;
  readonly enabled: Locator;
  readonly test: Locator;
  readonly save: Locator;
  readonly connected: Locator;
  readonly conflictsLink: Locator;
  /** The top bar's status button (absent while sync is off). */
  readonly indicator: Locator;
  readonly panel: Locator;
  readonly syncNow: Locator;
  readonly conflicts: Locator;
  readonly conflictList: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('main').getByRole('region', { name: es.sync.title, exact: true });
    this.endpoint = this.section.getByLabel(es.sync.endpoint, { exact: true });
    this.key = this.section.getByLabel(es.sync.key, { exact: true });
    this.enabled = this.section.getByRole('switch', { name: es.sync.enabled });
    this.test = this.section.getByRole('button', { name: es.sync.test, exact: true });
    this.save = this.section.getByRole('button', { name: es.sync.save, exact: true });
    this.connected = this.section.getByRole('status');
    this.conflictsLink = this.section.getByRole('button', { name: /^Ver .*conflicto/ });
    this.indicator = page.locator('.topbar').getByRole('button', { name: /^Sincronización: / });
    this.panel = page.getByRole('region', { name: es.sync.panelTitle, exact: true });
    this.syncNow = this.panel.getByRole('button', { name: es.sync.syncNow });
    this.conflicts = page.getByRole('dialog', { name: es.sync.conflicts.title });
    this.conflictList = this.conflicts.getByRole('list', { name: es.sync.conflicts.list });
  }

  async open(): Promise<void> {
    await this.page.goto('/#/settings');
    await this.section.waitFor();
  }

  async configure(endpoint: string, key: string, enabled: boolean): Promise<void> {
    await this.endpoint.fill(endpoint);
    await this.key.fill(key);
    await this.enabled.setChecked(enabled);
    await this.save.click();
  }

  async openPanel(): Promise<void> {
    if ((await this.panel.count()) === 0) await this.indicator.click();
    await this.panel.waitFor();
  }

  conflict(summary: string | RegExp): Locator {
    return this.conflictList.getByRole('listitem', { name: summary });
  }

  /** "Sincronizado", "2 cambios pendientes", "Sin conexión desde 10:42 · 1 cambio pendiente"… as the top bar says it. */
  async expectState(text: string | RegExp): Promise<void> {
    const name = typeof text === 'string' ? `Sincronización: ${text}` : new RegExp(`^Sincronización: ${text.source}`);
    await expect(this.indicator).toHaveAccessibleName(name);
  }

  /** A field's error, said beside it (its accessible description). */
  async expectFieldError(field: Locator, message: string): Promise<void> {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(new RegExp(`^${escapeRegExp(message)}`));
  }

  async expectNoFieldError(field: Locator): Promise<void> {
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
