import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

/** Clientes › Importar CSV: the dialog with its file, column mapping, dry run and import. */
export class ClientImportDialog {
  readonly dialog: Locator;
  readonly fileInput: Locator;
  readonly checkButton: Locator;
  readonly problems: Locator;
  readonly skipDuplicates: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: es.clientImport.title });
    this.fileInput = this.dialog.getByLabel(es.clientImport.pickLabel);
    this.checkButton = this.dialog.getByRole('button', { name: es.clientImport.check });
    this.problems = this.dialog.getByRole('table').filter({ has: page.getByRole('columnheader', { name: es.clientImport.colProblem }) });
    this.skipDuplicates = this.dialog.getByRole('checkbox', { name: es.clientImport.skipDuplicates });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: es.clientImport.importButton }).click();
    await this.dialog.waitFor();
  }

  async choose(name: string, bytes: Buffer): Promise<void> {
    await this.fileInput.setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
  }

  /** The select that maps the column with this header. */
  column(header: string): Locator {
    return this.dialog.getByLabel(es.clientImport.fieldFor.replace('{{header}}', header), { exact: true });
  }

  problemRow(row: number): Locator {
    return this.problems.getByRole('row').filter({ has: this.page.getByRole('cell', { name: String(row), exact: true }) });
  }

  importButton(count: number): Locator {
    const label = (count === 1 ? es.clientImport.import_one : es.clientImport.import_other).replace('{{count}}', String(count));
    return this.dialog.getByRole('button', { name: label });
  }
}
