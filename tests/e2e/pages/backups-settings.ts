import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

/** Ajustes › Copias de seguridad: make one now, the list, restore one and undo it. */
export class BackupsSettings {
  readonly section: Locator;
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: es.backups.title, exact: true });
    this.list = this.section.getByRole('list', { name: es.backups.list });
  }

  async open(): Promise<void> {
    await this.page.goto('/#/settings');
    await this.section.waitFor();
  }

  /** "Hacer copia ahora"; waits for the toast that says it was made and checked. */
  async backUpNow(): Promise<void> {
    await this.section.getByRole('button', { name: es.backups.runNow }).click();
    await this.page.getByRole('status').filter({ hasText: es.backups.done }).waitFor();
  }

  rows(): Locator {
    return this.list.getByRole('listitem');
  }

  /** "Restaurar" on a row: the confirmation, which shows what the backup holds. */
  async startRestore(row: Locator): Promise<Locator> {
    await row.getByRole('button', { name: /^Restaurar la copia del / }).click();
    return this.page.getByRole('dialog', { name: es.backups.restoreTitle });
  }

  undoButton(): Locator {
    return this.section.getByRole('button', { name: es.backups.undo });
  }
}
