import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';
import { fillDate } from './date-field';

const p = es.passes;

export interface PassFields {
  name: string;
  credits: number;
  /** Session type and service names, as their checkboxes are named. */
  sessionTypes?: string[];
  services?: string[];
  validity: { days: number } | { until: string };
  /** As the desk types it: "80,00". */
  price: string;
}

export interface PlanFields {
  name: string;
  items: { service: string; quantity: number }[];
  validityDays: number;
  price: string;
}

export interface PromoFields {
  code: string;
  description?: string;
  kind: 'percent' | 'amount';
  /** "10" (percent) or "5,00" (amount). */
  value: string;
  validFrom?: string;
  validTo?: string;
  maxUses?: number;
  maxUsesPerClient?: number;
  services?: string[];
}

/** Ajustes › Bonos, Planes, Códigos promocionales, Créditos y cancelaciones. */
export class PassesSettings {
  readonly passes: Locator;
  readonly plans: Locator;
  readonly promos: Locator;
  readonly policy: Locator;

  constructor(readonly page: Page) {
    this.passes = page.getByRole('region', { name: p.products.title, exact: true });
    this.plans = page.getByRole('region', { name: p.plans.title, exact: true });
    this.promos = page.getByRole('region', { name: p.promos.title, exact: true });
    this.policy = page.getByRole('region', { name: p.policy.title, exact: true });
  }

  async open(): Promise<void> {
    await this.page.goto('/#/settings');
    await this.passes.waitFor();
  }

  /** A row of a section's list, by a text it shows (a name, a code). */
  row(section: Locator, text: string): Locator {
    return section.getByRole('listitem').filter({ hasText: text });
  }

  /** The open "Nuevo …" form of a section. */
  newForm(section: Locator, title: string): Locator {
    return section.getByRole('region', { name: title, exact: true });
  }

  /** Opens "Nuevo bono" and fills it; the caller submits (submitNew) so a refusal can be checked first. */
  async fillNewPass(fields: PassFields): Promise<Locator> {
    await this.passes.getByRole('button', { name: p.products.new, exact: true }).click();
    const form = this.newForm(this.passes, p.products.new);
    await form.getByLabel(p.products.name, { exact: true }).fill(fields.name);
    await form.getByLabel(p.products.credits, { exact: true }).fill(String(fields.credits));
    await tick(form.getByRole('group', { name: p.products.sessionTypes }), fields.sessionTypes ?? []);
    await tick(form.getByRole('group', { name: p.products.services }), fields.services ?? []);
    if ('days' in fields.validity) {
      await form.getByRole('radio', { name: p.products.validityDays }).check();
      await form.getByLabel(p.products.days, { exact: true }).fill(String(fields.validity.days));
    } else {
      await form.getByRole('radio', { name: p.products.validityUntil }).check();
      await fillDate(form.getByLabel(p.products.until, { exact: true }), fields.validity.until);
    }
    await form.getByLabel(/^Precio/).fill(fields.price);
    return form;
  }

  async submitNew(form: Locator, submitText: string): Promise<void> {
    await form.getByRole('button', { name: submitText, exact: true }).click();
  }

  async createPass(fields: PassFields): Promise<void> {
    const form = await this.fillNewPass(fields);
    await this.submitNew(form, p.products.create);
    await form.waitFor({ state: 'detached' });
  }

  /** Opens "Nuevo plan", fills its lines ("+ Añadir servicio" for each after the first) and creates it. */
  async createPlan(fields: PlanFields): Promise<void> {
    await this.plans.getByRole('button', { name: p.plans.new, exact: true }).click();
    const form = this.newForm(this.plans, p.plans.new);
    await form.getByLabel(p.plans.name, { exact: true }).fill(fields.name);
    for (const [index, item] of fields.items.entries()) {
      if (index > 0) await form.getByRole('button', { name: `+ ${p.plans.addItem}` }).click();
      await form.getByLabel(p.plans.itemService.replace('{{n}}', String(index + 1)), { exact: true }).selectOption({ label: item.service });
      await form.getByLabel(p.plans.quantityOf.replace('{{name}}', item.service), { exact: true }).fill(String(item.quantity));
    }
    await form.getByLabel(p.plans.validityDays, { exact: true }).fill(String(fields.validityDays));
    await form.getByLabel(/^Precio/).fill(fields.price);
    await this.submitNew(form, p.plans.create);
    await form.waitFor({ state: 'detached' });
  }

  /** Opens "Nuevo código" and fills it; the caller submits (submitNew). */
  async fillNewPromo(fields: PromoFields): Promise<Locator> {
    await this.promos.getByRole('button', { name: p.promos.new, exact: true }).click();
    const form = this.newForm(this.promos, p.promos.new);
    await form.getByLabel(p.promos.code, { exact: true }).fill(fields.code);
    if (fields.description) await form.getByLabel(p.promos.description, { exact: true }).fill(fields.description);
    await form.getByRole('radio', { name: fields.kind === 'percent' ? p.promos.kindPercent : p.promos.kindAmount }).check();
    await form.getByLabel(fields.kind === 'percent' ? p.promos.percent : /^Importe \(/).fill(fields.value);
    if (fields.validFrom) await fillDate(form.getByLabel(p.promos.validFrom, { exact: true }), fields.validFrom);
    if (fields.validTo) await fillDate(form.getByLabel(p.promos.validTo, { exact: true }), fields.validTo);
    if (fields.maxUses !== undefined) await form.getByLabel(p.promos.maxUses, { exact: true }).fill(String(fields.maxUses));
    if (fields.maxUsesPerClient !== undefined) await form.getByLabel(p.promos.maxUsesPerClient, { exact: true }).fill(String(fields.maxUsesPerClient));
    await tick(form.getByRole('group', { name: p.promos.services }), fields.services ?? []);
    return form;
  }

  async createPromo(fields: PromoFields): Promise<void> {
    const form = await this.fillNewPromo(fields);
    await this.submitNew(form, p.promos.create);
    await form.waitFor({ state: 'detached' });
  }

  async setCreditPolicy(fields: { hours: number; lateCancelForfeits: boolean; noShowForfeits: boolean }): Promise<void> {
    await this.policy.getByLabel(p.policy.window, { exact: true }).fill(String(fields.hours));
    await this.policy.getByRole('checkbox', { name: p.policy.lateCancelForfeits }).setChecked(fields.lateCancelForfeits);
    await this.policy.getByRole('checkbox', { name: p.policy.noShowForfeits }).setChecked(fields.noShowForfeits);
    await this.policy.getByRole('button', { name: es.app.save, exact: true }).click();
  }
}

async function tick(group: Locator, names: string[]): Promise<void> {
  for (const name of names) await group.getByRole('checkbox', { name, exact: true }).check();
}
