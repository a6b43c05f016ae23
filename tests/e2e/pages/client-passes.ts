import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

const p = es.passes;

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** The client card's passes and plans, "Por reservar", pending credits, promotions and the header's habits. */
export class ClientPasses {
  readonly passes: Locator;
  readonly toSchedule: Locator;
  readonly pending: Locator;
  readonly promotions: Locator;
  readonly habits: Locator;
  /** "Ajustar …" or "Canjear una promoción …". */
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.passes = page.getByRole('region', { name: p.title, exact: true });
    this.toSchedule = page.getByRole('region', { name: p.toSchedule.title, exact: true });
    this.pending = page.getByRole('region', { name: p.pending.title, exact: true });
    this.promotions = page.getByRole('region', { name: p.promos.cardTitle, exact: true });
    this.habits = page.getByRole('group', { name: p.habits.title, exact: true });
    this.dialog = page.getByRole('dialog');
  }

  /** One of the header's habits, by its label ("Gasto medio"…). */
  habit(label: keyof typeof p.habits): Locator {
    return this.habits.locator('dt', { hasText: p.habits[label] }).locator('+ dd');
  }

  /** A pass or plan line, by its name. */
  pass(name: string): Locator {
    return this.passes.getByRole('listitem', { name, exact: true });
  }

  /** Opens (or closes) a pass's movements; the table is named after it. */
  async toggleLedger(name: string): Promise<Locator> {
    await this.pass(name).getByRole('button', { name: fill(p.card.movementsFor, { name }), exact: true }).click();
    return this.pass(name).getByRole('table', { name: fill(p.card.movementsFor, { name }) });
  }

  async adjust(name: string, delta: number, reason: string): Promise<void> {
    await this.pass(name).getByRole('button', { name: fill(p.card.adjustFor, { name }), exact: true }).click();
    await this.dialog.getByLabel(p.adjust.delta, { exact: true }).fill(String(delta));
    await this.dialog.getByLabel(p.adjust.reason, { exact: true }).fill(reason);
    await this.dialog.getByRole('button', { name: p.adjust.confirm, exact: true }).click();
  }

  /** "Canjear promoción con código" from the header: types the code and confirms; the dialog stays open on a refusal. */
  async attachPromo(code: string): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: /^Canjear una promoción para / });
    if (!(await dialog.isVisible())) await this.page.getByRole('toolbar', { name: es.card.actions }).getByRole('button', { name: p.promos.attach, exact: true }).click();
    await dialog.getByLabel(p.promos.code, { exact: true }).fill(code);
    await dialog.getByRole('button', { name: p.promos.attachConfirm, exact: true }).click();
  }

  /** The promo dialog's code field error. */
  promoCodeError(): Locator {
    return this.page.getByRole('dialog', { name: /^Canjear una promoción para / }).locator('.field-error');
  }

  toScheduleItem(name: string): Locator {
    return this.toSchedule.getByRole('listitem').filter({ hasText: name });
  }

  pendingItem(what: string): Locator {
    return this.pending.getByRole('listitem').filter({ hasText: what });
  }
}
