import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

const c = es.checkout;
const r = es.receipt;

/** Caja: the new sale (client, lines, promo code, totals, payments, Cobrar), the day's sales and credits pending. */
export class CheckoutPage {
  readonly heading: Locator;
  readonly sale: Locator;
  readonly lines: Locator;
  readonly totals: Locator;
  readonly payments: Locator;
  readonly fieldErrors: Locator;
  readonly sales: Locator;
  readonly pending: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: c.title });
    this.sale = page.getByRole('form', { name: c.newSale });
    this.lines = this.sale.getByRole('table', { name: c.lines });
    this.totals = this.sale.getByLabel(c.totals, { exact: true });
    this.payments = this.sale.getByRole('group', { name: c.payments });
    this.fieldErrors = this.sale.locator('.field-error');
    this.sales = page.getByRole('table', { name: c.salesList });
    this.pending = page.getByRole('list', { name: c.pendingList });
  }

  /** #/checkout, with ?cliente=…&cita=… when given. */
  async open(query = ''): Promise<void> {
    await this.page.goto(`/#/checkout${query}`);
    await this.heading.waitFor();
  }

  async chooseClient(search: string, name: string): Promise<void> {
    await this.sale.getByRole('searchbox', { name: c.clientSearch }).fill(search);
    await this.sale.getByRole('button', { name: c.chooseClientFor.replace('{{name}}', name) }).click();
  }

  /** Adds a service, pass or plan by its name (the option also shows its price). */
  async add(name: string): Promise<void> {
    const select = this.sale.getByLabel(c.addLabel, { exact: true });
    const value = await select.locator('option', { hasText: `${name} · ` }).getAttribute('value');
    if (!value) throw new Error(`nothing named ${name} to sell`);
    await select.selectOption(value);
    await this.sale.getByRole('button', { name: c.add, exact: true }).click();
  }

  line(name: string): Locator {
    return this.lines.getByRole('row', { name });
  }

  /** The amount a total shows, by its label (Subtotal, Total…). */
  total(label: string): Locator {
    return this.totals.locator('div', { has: this.page.getByText(label, { exact: true }) }).locator('dd');
  }

  async applyPromo(code: string): Promise<void> {
    await this.sale.getByLabel(c.promoCode, { exact: true }).fill(code);
    await this.sale.getByRole('button', { name: c.promoApply, exact: true }).click();
  }

  /** The n-th payment (1-based): its method and amount. */
  async pay(n: number, method: keyof typeof c.methods, amount?: string): Promise<void> {
    await this.payments.getByLabel(c.paymentMethodN.replace('{{n}}', String(n)), { exact: true }).selectOption(method);
    if (amount !== undefined) await this.payments.getByLabel(new RegExp(`^${c.paymentAmountN.replace('{{n}}', String(n)).replace(' ({{currency}})', '')} `)).fill(amount);
  }

  async addPayment(): Promise<void> {
    await this.payments.getByRole('button', { name: c.addPayment }).click();
  }

  /** The n-th payment's voucher or operation number. */
  async reference(n: number, text: string): Promise<void> {
    await this.payments.getByLabel(r.referenceN.replace('{{n}}', String(n)), { exact: true }).fill(text);
  }

  /** The cash handed over; the change shows as it is typed. */
  async tendered(amount: string): Promise<void> {
    await this.payments.getByLabel(new RegExp(`^${r.tenderedLabel.replace(' ({{currency}})', '')} `)).fill(amount);
  }

  get change(): Locator {
    return this.payments.locator('.sale-change');
  }

  /** The quote's VAT breakdown (before charging). */
  get taxes(): Locator {
    return this.sale.getByRole('table', { name: r.taxes });
  }

  /** Cobrar (the button shows the total). */
  chargeButton(): Locator {
    return this.sale.getByRole('button', { name: new RegExp(`^${c.charge}`) });
  }

  async charge(): Promise<void> {
    await this.chargeButton().click();
  }

  /** A credit pending's row, by client and what it pays for. */
  pendingRow(client: string, what: string): Locator {
    return this.pending.getByRole('listitem', { name: `${client}, ${what}` });
  }
}

/** One sale's documents: the printable sheet (the document shown), Imprimir, Anular venta, Emitir factura completa. */
export class ReceiptPage {
  readonly sheet: Locator;
  readonly heading: Locator;
  /** "Venta anulada." and the reason, on screen above the document (a corrective one is not itself void). */
  readonly voided: Locator;

  constructor(readonly page: Page) {
    this.sheet = page.locator('article.receipt');
    this.heading = this.sheet.getByRole('heading', { level: 1 });
    this.voided = page.getByRole('note').filter({ hasText: r.saleVoided });
  }

  async print(): Promise<void> {
    await this.page.getByRole('button', { name: c.print, exact: true }).click();
  }

  /** The document's VERI*FACTU QR code (an SVG whose data-qr-text is what it encodes). */
  get qr(): Locator {
    return this.sheet.getByRole('img', { name: r.qrLabel });
  }

  /** The document's VAT breakdown. */
  get taxes(): Locator {
    return this.sheet.getByRole('table', { name: r.taxes });
  }

  /** Voids the sale: a corrective invoice (the default) or, same day, cancelling the invoice issued in error. */
  async void(reason: string, document: 'corrective' | 'cancel' = 'corrective'): Promise<void> {
    await this.page.getByRole('button', { name: c.void, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: /^¿Anular la venta/ });
    if (document === 'cancel') await dialog.getByRole('radio', { name: new RegExp(`^${r.voidCancel.replace(/[()]/g, '\\$&')}`) }).check();
    await dialog.getByLabel(c.voidReason, { exact: true }).fill(reason);
    await dialog.getByRole('button', { name: c.void, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** "Emitir factura completa": the dialog, prefilled from the client's card. */
  async openIssueFull(): Promise<Locator> {
    await this.page.getByRole('button', { name: r.issueFull, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: r.issueFullTitle });
    await dialog.waitFor();
    return dialog;
  }
}
