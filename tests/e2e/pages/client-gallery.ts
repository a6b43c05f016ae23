import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

export interface PickedFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The card's Galería tab: its toolbar, the grid of photos, and the photo dialog. */
export class GalleryTab {
  readonly grid: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('list', { name: es.gallery.title });
    this.dialog = page.getByRole('dialog');
  }

  /** The tiles of the grid, each a photo. */
  get tiles(): Locator {
    return this.grid.getByRole('listitem');
  }

  tile(caption: string): Locator {
    return this.tiles.filter({ hasText: caption });
  }

  /** Picks a file with "Añadir foto": the new-photo dialog opens with its preview. */
  async pick(file: PickedFile): Promise<void> {
    await this.page.getByLabel(es.gallery.addFromFile).setInputFiles(file);
  }

  /** Fills the open photo dialog and saves it. */
  async fillAndSave(options: { kind?: 'inspiration' | 'result'; caption?: string }): Promise<void> {
    if (options.kind) await this.dialog.getByRole('radio', { name: es.gallery[options.kind] }).check();
    if (options.caption !== undefined) await this.dialog.getByLabel(es.gallery.caption).fill(options.caption);
    await this.dialog.getByRole('button', { name: es.app.save }).click();
  }

  async add(file: PickedFile, options: { kind?: 'inspiration' | 'result'; caption?: string }): Promise<void> {
    await this.pick(file);
    await this.fillAndSave(options);
    await this.dialog.waitFor({ state: 'detached' });
  }

  async filter(name: string): Promise<void> {
    await this.page.getByRole('group', { name: es.gallery.filter }).getByRole('button', { name, exact: true }).click();
  }

  action(caption: string, name: string): Locator {
    return this.tile(caption).getByRole('button', { name, exact: true });
  }
}
