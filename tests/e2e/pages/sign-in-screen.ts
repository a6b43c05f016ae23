import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

const s = es.signIn;

/** The full-screen sign-in: the team's buttons, the chosen person's PIN pad and what it says beside it. */
export class SignInScreen {
  readonly screen: Locator;
  readonly heading: Locator;
  readonly team: Locator;
  readonly pin: Locator;
  readonly keys: Locator;
  readonly padError: Locator;

  constructor(readonly page: Page) {
    this.team = page.getByRole('list', { name: s.team, exact: true });
    this.screen = page.getByRole('main').filter({ has: this.team });
    this.heading = this.screen.getByRole('heading', { level: 1 });
    this.pin = this.screen.getByLabel(/^PIN de /);
    this.keys = this.screen.getByRole('group', { name: s.keys });
    this.padError = this.screen.locator('.pin-pad .field-error');
  }

  member(name: string): Locator {
    return this.team.getByRole('button', { name: new RegExp(`^${name}`) });
  }

  async choose(name: string): Promise<void> {
    await this.member(name).click();
  }

  /** Taps the PIN on the screen's keys, then OK. */
  async tapPin(pin: string): Promise<void> {
    for (const digit of pin) await this.keys.getByRole('button', { name: digit, exact: true }).click();
    await this.keys.getByRole('button', { name: s.okLabel, exact: true }).click();
  }

  /** Types the PIN on the keyboard, then Enter. */
  async typePin(pin: string): Promise<void> {
    await this.page.keyboard.type(pin);
    await this.page.keyboard.press('Enter');
  }

  async signIn(name: string, pin: string): Promise<void> {
    await this.choose(name);
    await this.typePin(pin);
    await this.screen.waitFor({ state: 'detached' });
  }
}

/** "Autorización de un responsable": who approves, and their PIN. */
export class ApprovalDialog {
  readonly dialog: Locator;
  readonly approver: Locator;
  readonly pin: Locator;
  readonly errors: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: es.approval.title });
    this.approver = this.dialog.getByLabel(es.approval.approver, { exact: true });
    this.pin = this.dialog.getByLabel(/^PIN de /);
    this.errors = this.dialog.locator('.field-error');
  }

  /** Picks the approver and types their PIN on the dialog's keys. */
  async approve(name: string, pin: string): Promise<void> {
    const value = await this.approver.locator('option', { hasText: name }).getAttribute('value');
    if (!value) throw new Error(`${name} cannot approve`);
    await this.approver.selectOption(value);
    for (const digit of pin) await this.dialog.getByRole('button', { name: digit, exact: true }).click();
    await this.dialog.getByRole('button', { name: es.approval.confirm, exact: true }).click();
  }
}
