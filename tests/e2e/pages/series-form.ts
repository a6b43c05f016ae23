import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';
import { fillDate } from './date-field';

const f = es.seriesForm;

export interface SessionFields {
  title: string;
  organizer: string;
  date: string;
  startTime: string;
  durationMin?: number;
  /** Full weekday names, as the toggles are named (lunes, miércoles…). */
  weekdays?: string[];
  endAfterWeeks?: number;
  tags?: { match: 'all' | 'any'; names: string[] };
  places?: number;
}

/** "+ Crear" → Sesión: the form of a new session (or a meeting, private event, reminder). */
export class SeriesForm {
  readonly dialog: Locator;

  constructor(
    readonly page: Page,
    title: string = f.createTitle.session,
  ) {
    this.dialog = page.getByRole('dialog', { name: title });
  }

  /** "Se repetirá N veces; la última, el …": what a new weekly series will be, before saving. */
  get extent(): Locator {
    return this.dialog.locator('#series-extent');
  }

  input(label: string): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }

  async fill(s: SessionFields): Promise<void> {
    const d = this.dialog;
    await this.input(f.title).fill(s.title);
    await this.input(f.organizer).selectOption({ label: s.organizer });
    await fillDate(this.input(f.date), s.date);
    await this.input(f.startTime).fill(s.startTime);
    if (s.durationMin !== undefined) await this.input(f.duration).fill(String(s.durationMin));
    if (s.weekdays) {
      await d.getByRole('radio', { name: f.weekly }).check();
      for (const day of s.weekdays) await d.getByRole('button', { name: day, exact: true }).click();
      if (s.endAfterWeeks) {
        await d.getByRole('radio', { name: f.endsWeeks }).check();
        await this.input(f.endWeeks).fill(String(s.endAfterWeeks));
      }
    }
    if (s.tags) {
      await d.getByRole('radio', { name: f.attendanceTags }).check();
      await d.getByRole('radio', { name: s.tags.match === 'all' ? f.tagMatchAll : f.tagMatchAny }).check();
      for (const name of s.tags.names) await d.getByRole('group', { name: f.tags }).getByRole('checkbox', { name }).check();
    }
    if (s.places !== undefined) await this.input(f.places).fill(String(s.places));
  }

  async submit(): Promise<void> {
    await this.dialog.getByRole('button', { name: f.create, exact: true }).click();
  }
}
