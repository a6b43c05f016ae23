import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

/** Ajustes › Equipo, Tipos de sesión and Servicios. */
export class CatalogueSettings {
  readonly staff: Locator;
  readonly sessionTypes: Locator;
  readonly services: Locator;

  constructor(readonly page: Page) {
    this.staff = page.getByRole('region', { name: es.staff.title, exact: true });
    this.sessionTypes = page.getByRole('region', { name: es.catalogue.typesTitle });
    this.services = page.getByRole('region', { name: es.catalogue.servicesTitle });
  }

  async open(): Promise<void> {
    await this.page.goto('/#/settings');
    await this.staff.waitFor();
  }

  async addStaff(name: string, role: keyof typeof es.staff.roles): Promise<void> {
    await this.staff.getByLabel(es.staff.name, { exact: true }).fill(name);
    await this.staff.getByLabel(es.staff.role, { exact: true }).selectOption({ label: es.staff.roles[role] });
    await this.staff.getByRole('button', { name: es.staff.create }).click();
  }

  async addSessionType(name: string, durationMin: number, places: number | null): Promise<void> {
    const s = this.sessionTypes;
    await s.getByLabel(es.catalogue.typeName, { exact: true }).fill(name);
    await s.getByLabel(es.catalogue.defaultDuration, { exact: true }).fill(String(durationMin));
    await s.getByLabel(es.catalogue.defaultPlaces, { exact: true }).fill(places === null ? '' : String(places));
    await s.getByRole('button', { name: es.catalogue.typeCreate }).click();
  }

  async addService(name: string, durationMin: number, price: string): Promise<void> {
    const s = this.services;
    await s.getByLabel(es.catalogue.serviceName, { exact: true }).fill(name);
    await s.getByLabel(es.catalogue.duration, { exact: true }).fill(String(durationMin));
    await s.getByLabel(/^Precio/).fill(price);
    await s.getByRole('button', { name: es.catalogue.serviceCreate }).click();
  }
}

/** Ajustes › Equipo's PINs: set one (typed twice) from a member's row. */
export class TeamPins {
  readonly staff: Locator;

  constructor(readonly page: Page) {
    this.staff = page.getByRole('region', { name: es.staff.title, exact: true });
  }

  row(name: string): Locator {
    return this.staff.getByRole('listitem').filter({ hasText: name });
  }

  /** "Poner PIN" (or "Cambiar PIN"), the PIN twice, "Guardar PIN"; waits for the dialog to close. */
  async setPin(name: string, pin: string, repeat = pin): Promise<Locator> {
    await this.staff.getByRole('button', { name: new RegExp(`^(Poner PIN a|Cambiar PIN de) ${name}$`) }).click();
    const dialog = this.page.getByRole('dialog', { name: es.staff.pinTitle.replace('{{name}}', name) });
    await dialog.getByLabel(es.staff.pinNew, { exact: true }).fill(pin);
    await dialog.getByLabel(es.staff.pinRepeat, { exact: true }).fill(repeat);
    await dialog.getByRole('button', { name: es.staff.pinSave, exact: true }).click();
    return dialog;
  }
}
