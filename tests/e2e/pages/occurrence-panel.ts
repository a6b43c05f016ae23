import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

const o = es.occurrence;

/** The side panel of an agenda entry: details, bookings, waitlist, notices and the booking box. */
export class OccurrencePanel {
  readonly panel: Locator;
  readonly bookings: Locator;
  readonly waitlist: Locator;
  readonly cancelled: Locator;
  readonly notices: Locator;
  readonly status: Locator;
  readonly error: Locator;

  constructor(
    readonly page: Page,
    title: string,
  ) {
    this.panel = page.getByRole('dialog', { name: title });
    this.bookings = this.panel.getByRole('list', { name: o.bookings, exact: true });
    this.waitlist = this.panel.getByRole('list', { name: o.waitlist, exact: true });
    this.cancelled = this.panel.getByRole('list', { name: o.cancelledList, exact: true });
    this.notices = this.panel.getByRole('region', { name: o.notices });
    this.status = this.panel.getByRole('status');
    this.error = this.panel.getByRole('alert');
  }

  /** Finds the client in the booking box and books them; `redeemPass` sets "Canjear bono" (sessions redeemable with passes). */
  async book(search: string, name: string, opts: { overPlaces?: boolean; redeemPass?: boolean } = {}): Promise<void> {
    await this.panel.getByRole('searchbox', { name: o.bookSearch }).fill(search);
    if (opts.overPlaces) await this.panel.getByRole('checkbox', { name: o.override }).check();
    if (opts.redeemPass !== undefined) await this.panel.getByRole('checkbox', { name: es.checkout.bookRedeem }).setChecked(opts.redeemPass);
    await this.panel.getByRole('button', { name: `Reservar a ${name}` }).click();
  }

  booking(name: string): Locator {
    return this.bookings.getByRole('listitem', { name });
  }

  async cancelBooking(name: string): Promise<void> {
    await this.panel.getByRole('button', { name: `Cancelar reserva de ${name}` }).click();
  }

  /** The error said beside the booking box's search field (blacklisted, no valid pass). */
  bookError(): Locator {
    return this.panel.locator('.book-box .field-error');
  }

  async noShow(name: string): Promise<void> {
    await this.panel.getByRole('button', { name: `Marcar que ${name} no asistió` }).click();
  }

  /** "Canjear" on a booking whose credit is pending. */
  async redeem(name: string): Promise<void> {
    await this.panel.getByRole('button', { name: es.checkout.redeemFor.replace('{{name}}', name) }).click();
  }

  async checkIn(name: string): Promise<void> {
    await this.panel.getByRole('button', { name: `Marcar que ${name} asistió` }).click();
  }

  async close(): Promise<void> {
    await this.panel.getByRole('button', { name: o.close }).click();
  }
}
