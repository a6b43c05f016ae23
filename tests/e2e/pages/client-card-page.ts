import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

type Field = keyof typeof es.field;

/** The client card: header and actions, the form, and its two confirmation dialogs. */
export class ClientCardPage {
  readonly heading: Locator;
  readonly actions: Locator;
  readonly blacklistNote: Locator;
  readonly errorBanner: Locator;
  readonly warningBanner: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.actions = page.getByRole('toolbar', { name: es.card.actions });
    this.blacklistNote = page.getByRole('note');
    this.errorBanner = page.locator('.banner-error');
    this.warningBanner = page.locator('.banner-warning');
  }

  /** An input of the form by its visible label. */
  input(field: Field): Locator {
    return this.page.getByLabel(es.field[field], { exact: true });
  }

  /** A value of the card in view mode, by its label. */
  value(field: Field): Locator {
    return this.page.locator('dt', { hasText: new RegExp(`^${escape(es.field[field])}$`) }).locator('+ dd');
  }

  async fill(values: Partial<Record<Field, string>>): Promise<void> {
    for (const [field, value] of Object.entries(values) as [Field, string][]) await this.input(field).fill(value);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: es.app.save, exact: true }).click();
  }

  async edit(): Promise<void> {
    await this.actions.getByRole('button', { name: es.app.edit, exact: true }).click();
  }

  async blacklist(reason: string): Promise<void> {
    await this.actions.getByRole('button', { name: es.card.blacklistOn }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel(es.card.blacklistReasonLabel).fill(reason);
    await dialog.getByRole('button', { name: es.card.blacklistConfirm }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async unblacklist(): Promise<void> {
    await this.actions.getByRole('button', { name: es.card.blacklistOff }).click();
  }

  /** Opens the delete confirmation; the caller confirms or cancels it. */
  async askToDelete(): Promise<Locator> {
    await this.actions.getByRole('button', { name: es.app.delete, exact: true }).click();
    return this.page.getByRole('dialog');
  }

  async confirmDelete(dialog: Locator): Promise<void> {
    await dialog.getByRole('button', { name: es.card.deleteConfirm }).click();
  }

  /** "Agendar": the booking dialog with this client set. */
  /** Opens one of the card's tabs by its name ("Historial", "Bonos y planes"…). */
  async openTab(name: string): Promise<void> {
    await this.page.getByRole('tablist', { name: es.cardTabs.label }).getByRole('tab', { name, exact: true }).click();
  }

  async book(): Promise<void> {
    await this.actions.getByRole('button', { name: /^Agendar una cita para / }).click();
  }

  /** The "Historial" section: upcoming and past appointments and session bookings. */
  history(): Locator {
    return this.page.getByRole('region', { name: es.appointments.history, exact: true });
  }

  historyList(which: 'upcoming' | 'past'): Locator {
    return this.history().getByRole('region', { name: es.appointments[which], exact: true });
  }

  whatsappButton(): Locator {
    return this.actions.getByRole('button', { name: /WhatsApp/ });
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
