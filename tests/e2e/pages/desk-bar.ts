import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

/**
 * The top bar's "who is working here" and the notices bell. With PINs off, a select of the team
 * ("my calendar"); with PINs on, the signed-in person's menu: switch person, lock.
 */
export class DeskBar {
  readonly deskSwitcher: Locator;
  readonly signedIn: Locator;
  readonly bell: Locator;
  readonly notices: Locator;

  constructor(readonly page: Page) {
    this.deskSwitcher = page.getByRole('combobox', { name: es.desk.label });
    this.signedIn = page.getByRole('banner').getByRole('button', { name: /^Sesión de / });
    this.bell = page.getByRole('button', { name: /^Avisos/ });
    this.notices = page.getByRole('region', { name: es.notifications.title });
  }

  /** PINs off: chooses whose calendar is "Mi calendario". */
  async workAs(name: string): Promise<void> {
    await this.deskSwitcher.selectOption({ label: name });
  }

  /** PINs on: the menu button of the person signed in, by name and role ("Sesión de Rosa Pérez (Recepción)"). */
  signedInAs(name: string, role: keyof typeof es.staff.roles): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: es.desk.menu.replace('{{name}}', name).replace('{{role}}', es.staff.roles[role]), exact: true });
  }

  private menu(): Locator {
    return this.page.getByRole('group', { name: /^Sesión de / });
  }

  /** "Cambiar de persona" → the person: their PIN pad comes up. */
  async switchTo(name: string): Promise<void> {
    await this.signedIn.click();
    await this.menu().getByRole('group', { name: es.desk.switchPerson }).getByRole('button', { name: new RegExp(`^${name}`) }).click();
  }

  async lock(): Promise<void> {
    await this.signedIn.click();
    await this.menu().getByRole('button', { name: es.desk.lockLabel }).click();
  }
}
