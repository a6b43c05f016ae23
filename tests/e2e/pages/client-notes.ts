import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

const n = es.notes;

/** The card's "Notas" tab: general notes and attention notes, each a list item with its badge and byline. */
export class NotesTab {
  readonly general: Locator;
  readonly attention: Locator;

  constructor(readonly page: Page) {
    this.general = page.getByRole('region', { name: n.general, exact: true });
    this.attention = page.getByRole('region', { name: n.attention, exact: true });
  }

  async addGeneral(): Promise<NoteDialog> {
    await this.general.getByRole('button', { name: n.addGeneral }).click();
    return new NoteDialog(this.page, n.newGeneral);
  }
}

/** "Nueva nota …" / "Editar nota": the words, who may read it, Guardar. */
export class NoteDialog {
  readonly dialog: Locator;

  constructor(
    readonly page: Page,
    title: string,
  ) {
    this.dialog = page.getByRole('dialog', { name: title });
  }

  async write(body: string, visibility: 'shared' | 'private' = 'shared'): Promise<void> {
    await this.dialog.getByLabel(n.body, { exact: true }).fill(body);
    await this.dialog.getByRole('radio', { name: visibility === 'shared' ? n.shared : n.private }).check();
    await this.dialog.getByRole('button', { name: es.app.save, exact: true }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }
}
