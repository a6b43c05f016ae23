import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

/** Caja del día: open with a float, the running figures, the close (cash by note and coin) and the Z report. */
export class TillPage {
  readonly heading: Locator;
  readonly zReport: Locator;
  readonly cashTotal: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: es.till.title });
    this.zReport = page.getByRole('article');
    this.cashTotal = page.getByTestId('till-cash-total');
  }

  async goto(): Promise<void> {
    await this.page.goto('/#/caja');
    await this.heading.waitFor();
  }

  async open(float: string): Promise<void> {
    await this.page.getByLabel(es.till.float, { exact: true }).fill(float);
    await this.page.getByRole('button', { name: es.till.open, exact: true }).click();
  }

  expected(method: string): Locator {
    return this.page.getByTestId(`till-expected-${method}`);
  }

  /** The count of a note or coin, by its label as shown ("100,00 €"). */
  async count(label: string, count: number): Promise<void> {
    await this.page.getByLabel(es.till.countOf.replace('{{value}}', label), { exact: true }).fill(String(count));
  }

  async counted(method: string, amount: string): Promise<void> {
    await this.page.getByLabel(es.till.countedOf.replace('{{method}}', method), { exact: true }).fill(amount);
  }

  reason(method: string): Locator {
    return this.page.getByLabel(es.till.reasonFor.replace('{{method}}', method), { exact: true });
  }

  async close(): Promise<void> {
    await this.page.getByRole('button', { name: es.till.closeConfirm, exact: true }).click();
  }

  async print(): Promise<void> {
    await this.page.getByRole('button', { name: es.till.z.print }).click();
  }
}
