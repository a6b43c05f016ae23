import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';
import { fillDate } from './date-field';

const a = es.appointments;

/** "Agendar cita" and "Reprogramar": client, service, professional, the day strip, the free times, override, note. */
export class AppointmentDialog {
  readonly dialog: Locator;
  /** The free times of the chosen day. */
  readonly times: Locator;
  readonly chosen: Locator;
  readonly fieldErrors: Locator;
  readonly banner: Locator;

  constructor(
    readonly page: Page,
    title: string | RegExp = new RegExp(`^${a.bookTitle}`),
  ) {
    this.dialog = page.getByRole('dialog', { name: title });
    this.times = this.dialog.getByRole('region', { name: new RegExp(`^${a.timesOf.replace(' {{date}}', '')} `) });
    this.chosen = this.dialog.locator('.slot-chosen');
    this.fieldErrors = this.dialog.locator('.field-error');
    this.banner = this.dialog.locator('.banner-error');
  }

  /** Finds a client by a word and chooses them. */
  async chooseClient(search: string, name: string): Promise<void> {
    await this.dialog.getByRole('searchbox', { name: a.clientSearch }).fill(search);
    await this.dialog.getByRole('button', { name: a.chooseClientFor.replace('{{name}}', name) }).click();
  }

  async chooseService(name: string): Promise<void> {
    await this.dialog.getByLabel(a.service, { exact: true }).selectOption({ label: name });
  }

  /** A professional by name, or "any". */
  async chooseProfessional(name: string | 'any'): Promise<void> {
    await this.dialog.getByLabel(a.professional, { exact: true }).selectOption({ label: name === 'any' ? a.anyProfessional : name });
  }

  async goTo(date: string): Promise<void> {
    await fillDate(this.dialog.getByLabel(a.date, { exact: true }), date);
  }

  /** A free time's button: "10:00" for one professional, "10:00, con Ana Ruiz" for any. */
  slot(time: string): Locator {
    return this.times.getByRole('button', { name: new RegExp(`^${time}(,|$)`) });
  }

  async pick(time: string): Promise<void> {
    await this.slot(time).click();
  }

  /** Books outside the hours / over a busy time at a typed time. */
  async override(time: string): Promise<void> {
    await this.dialog.getByRole('checkbox', { name: a.override }).check();
    await this.dialog.getByLabel(a.overrideTime, { exact: true }).fill(time);
  }

  async note(text: string): Promise<void> {
    await this.dialog.getByLabel(a.note, { exact: true }).fill(text);
  }

  /** What the client's plans and passes do for the chosen service (covered by…, or what is left to pay). */
  coverage(): Locator {
    return this.dialog.locator('.coverage-note');
  }

  async payWithCredit(pay: boolean): Promise<void> {
    await this.dialog.getByRole('checkbox', { name: es.checkout.payWithCredit }).setChecked(pay);
  }

  async confirm(label: string = a.bookConfirm): Promise<void> {
    await this.dialog.getByRole('button', { name: label, exact: true }).click();
  }
}

/** The side panel of an appointment: details, attendance, Reprogramar, Cancelar cita. */
export class AppointmentPanel {
  readonly panel: Locator;

  constructor(
    readonly page: Page,
    title: string | RegExp,
  ) {
    this.panel = page.getByRole('dialog', { name: title });
  }

  async reschedule(): Promise<AppointmentDialog> {
    await this.panel.getByRole('button', { name: a.reschedule, exact: true }).click();
    return new AppointmentDialog(this.page, /^Reprogramar la cita de /);
  }

  /** Cancelar cita, with a reason, confirmed. */
  async cancel(reason: string): Promise<void> {
    await this.panel.getByRole('button', { name: a.cancel, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: /^¿Cancelar la cita de / });
    await dialog.getByLabel(a.cancelReason, { exact: true }).fill(reason);
    await dialog.getByRole('button', { name: a.cancel, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** "Cobrar": the Caja with this appointment's line. */
  async charge(): Promise<void> {
    await this.panel.getByRole('link', { name: /^Cobrar la cita de / }).click();
  }

  async close(): Promise<void> {
    await this.panel.getByRole('button', { name: a.close }).click();
  }
}
