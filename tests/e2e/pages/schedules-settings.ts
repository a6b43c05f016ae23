import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';
import { fillDate } from './date-field';

const s = es.schedules;

/** Spanish weekday names, Monday first, as the weekly grid names its rows. */
export const weekdayNamesEs = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'] as const;

export interface RangeFields {
  /** 1..7, Monday = 1. */
  weekday: number;
  start: string;
  end: string;
}

export interface ScheduleFields {
  /** The professional's name as the select lists it. */
  staff: string;
  name: string;
  /** Service names, as the checkboxes are named. */
  services: string[];
  durationMin: number;
  ranges: RangeFields[];
  bufferBeforeMin?: number;
  bufferAfterMin?: number;
}

/** Fills `{{name}}` placeholders of a Spanish text. */
function text(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function dayName(weekday: number): string {
  const name = weekdayNamesEs[weekday - 1];
  if (!name) throw new Error(`No weekday ${weekday}`);
  return name;
}

/** Ajustes › Horarios de citas (list and editor), Días libres y horarios especiales, Festivos del centro. */
export class SchedulesSettings {
  readonly section: Locator;
  readonly exceptions: Locator;
  readonly holidays: Locator;
  /** The schedule editor, new or edit. */
  readonly editor: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: s.title, exact: true });
    this.exceptions = page.getByRole('region', { name: s.exceptionsTitle, exact: true });
    this.holidays = page.getByRole('region', { name: s.holidaysTitle, exact: true });
    this.editor = page.getByRole('dialog', { name: new RegExp(`^(${escape(s.newTitle)}|${escape(s.editTitle.split('{{')[0] ?? '')})`) });
  }

  async open(): Promise<void> {
    await this.page.goto('/#/settings');
    await this.section.waitFor();
  }

  /** A schedule's row in the list, by its name. */
  row(name: string): Locator {
    return this.section.getByRole('listitem', { name, exact: true });
  }

  /** The schedules of one professional. */
  groupOf(staff: string): Locator {
    return this.section.getByRole('list', { name: text(s.listOf, { name: staff }), exact: true });
  }

  async openNew(): Promise<void> {
    await this.section.getByRole('button', { name: s.new, exact: true }).click();
    await this.editor.waitFor();
  }

  async openEdit(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name: text(s.edit, { name }), exact: true }).click();
    await this.editor.waitFor();
  }

  /** One weekday's row of the weekly grid. */
  day(weekday: number): Locator {
    return this.editor.getByRole('group', { name: dayName(weekday), exact: true });
  }

  /** The start input of the n-th range (1-based) of a weekday. */
  rangeStart(weekday: number, n: number): Locator {
    return this.editor.getByLabel(text(s.rangeStart, { n, owner: dayName(weekday) }), { exact: true });
  }

  rangeEnd(weekday: number, n: number): Locator {
    return this.editor.getByLabel(text(s.rangeEnd, { n, owner: dayName(weekday) }), { exact: true });
  }

  /** The n-th range of a weekday with its error, if any. */
  rangeItem(weekday: number, n: number): Locator {
    return this.day(weekday).locator('.range-item').nth(n - 1);
  }

  /** Adds a range after the weekday's last one with "+", then types its times. */
  async addRange(range: RangeFields): Promise<void> {
    const n = (await this.day(range.weekday).locator('.range-item').count()) + 1;
    await this.editor.getByRole('button', { name: text(s.rangeAdd, { owner: dayName(range.weekday) }), exact: true }).click();
    await this.rangeStart(range.weekday, n).fill(range.start);
    await this.rangeEnd(range.weekday, n).fill(range.end);
  }

  async removeRange(weekday: number, n: number): Promise<void> {
    await this.editor.getByRole('button', { name: text(s.rangeRemove, { n, owner: dayName(weekday) }), exact: true }).click();
  }

  async copyToWorkingDays(weekday: number): Promise<void> {
    await this.editor.getByRole('button', { name: text(s.copyToWorkingDaysFor, { day: dayName(weekday) }), exact: true }).click();
  }

  /** Fills the open editor: professional (new schedules only), name, services, duration, buffers and ranges. */
  async fill(f: ScheduleFields): Promise<void> {
    const e = this.editor;
    const staff = e.getByLabel(s.professional, { exact: true });
    if (await staff.isEnabled()) await staff.selectOption({ label: f.staff });
    await e.getByLabel(s.name, { exact: true }).fill(f.name);
    const services = e.getByRole('group', { name: s.services, exact: true });
    for (const name of f.services) await services.getByRole('checkbox', { name }).check();
    // After the services: the first one ticked proposes its own length.
    await e.getByLabel(s.duration, { exact: true }).fill(String(f.durationMin));
    if (f.bufferBeforeMin !== undefined) await e.getByLabel(s.bufferBefore, { exact: true }).fill(String(f.bufferBeforeMin));
    if (f.bufferAfterMin !== undefined) await e.getByLabel(s.bufferAfter, { exact: true }).fill(String(f.bufferAfterMin));
    for (const range of f.ranges) await this.addRange(range);
  }

  /** Create (new) or Save (edit). */
  async submit(): Promise<void> {
    await this.editor.getByRole('button', { name: new RegExp(`^(${escape(s.create)}|${escape(es.app.save)})$`) }).click();
  }

  async cancel(): Promise<void> {
    await this.editor.getByRole('button', { name: es.app.cancel, exact: true }).click();
    await this.editor.waitFor({ state: 'detached' });
  }

  /** Through the UI: "Nuevo horario", the whole form, Create; resolves once the editor has closed. */
  async createSchedule(f: ScheduleFields): Promise<void> {
    await this.openNew();
    await this.fill(f);
    await this.submit();
    await this.editor.waitFor({ state: 'detached' });
  }

  async setActive(name: string, active: boolean): Promise<void> {
    await this.row(name).getByRole('checkbox', { name: text(s.activeFor, { name }), exact: true }).setChecked(active);
  }

  /** Delete, then confirm in the dialog. */
  async deleteSchedule(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name: text(s.delete, { name }), exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: text(s.deleteTitle, { name }) });
    await dialog.getByRole('button', { name: s.deleteConfirm, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** The exceptions list of the professional chosen in that section. */
  exceptionList(staff: string): Locator {
    return this.exceptions.getByRole('list', { name: text(s.exceptionsOf, { name: staff }), exact: true });
  }

  async chooseExceptionsProfessional(staff: string): Promise<void> {
    await this.exceptions.getByLabel(s.professional, { exact: true }).selectOption({ label: staff });
  }

  /** A day off (or, with ranges, different hours) on a date for a professional; all their schedules unless one is named. */
  async addException(staff: string, date: string, opts: { ranges?: { start: string; end: string }[]; note?: string; schedule?: string } = {}): Promise<void> {
    const x = this.exceptions;
    await this.chooseExceptionsProfessional(staff);
    await fillDate(x.getByLabel(s.exceptionDate, { exact: true }), date);
    if (opts.schedule) await x.getByLabel(s.exceptionSchedule, { exact: true }).selectOption({ label: opts.schedule });
    if (opts.ranges) {
      await x.getByRole('radio', { name: s.otherHours }).check();
      // Choosing different hours starts with one range.
      for (const [i, r] of opts.ranges.entries()) {
        if (i > 0) await x.getByRole('button', { name: text(s.rangeAdd, { owner: s.thatDay }), exact: true }).click();
        await x.getByLabel(text(s.rangeStart, { n: i + 1, owner: s.thatDay }), { exact: true }).fill(r.start);
        await x.getByLabel(text(s.rangeEnd, { n: i + 1, owner: s.thatDay }), { exact: true }).fill(r.end);
      }
    } else {
      await x.getByRole('radio', { name: s.dayOff }).check();
    }
    if (opts.note !== undefined) await x.getByLabel(s.exceptionNote, { exact: true }).fill(opts.note);
    await x.getByRole('button', { name: s.exceptionAdd, exact: true }).click();
  }

  async addDayOff(staff: string, date: string, note?: string): Promise<void> {
    await this.addException(staff, date, note === undefined ? {} : { note });
  }

  /** The n-th range (1-based) of the exception form, with its error. */
  exceptionRangeItem(n: number): Locator {
    return this.exceptions.locator('.range-item').nth(n - 1);
  }

  async removeException(longDate: string): Promise<void> {
    await this.exceptions.getByRole('button', { name: text(s.exceptionRemoveFor, { date: longDate }), exact: true }).click();
  }

  holidayRow(name: string): Locator {
    return this.holidays.getByRole('listitem', { name, exact: true });
  }

  async addHoliday(date: string, name: string): Promise<void> {
    await this.holidays.getByLabel(s.holidayName, { exact: true }).fill(name);
    await fillDate(this.holidays.getByLabel(s.holidayDate, { exact: true }), date);
    await this.holidays.getByRole('button', { name: s.holidayAdd, exact: true }).click();
  }

  async removeHoliday(name: string, longDate: string): Promise<void> {
    await this.holidays.getByRole('button', { name: text(s.holidayRemoveFor, { name, date: longDate }), exact: true }).click();
  }
}
