import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';
import { fillDate } from './date-field';

type View = keyof typeof es.agenda.view;
type Kind = keyof typeof es.agenda.kinds;

/** Agenda: view switcher, filters, month figures, the calendar views and the team day view. */
export class AgendaPage {
  readonly heading: Locator;
  readonly views: Locator;
  readonly filters: Locator;
  readonly figures: Locator;
  /** Whatever view is shown: Schedule-X's calendar or the team grid. */
  readonly body: Locator;
  readonly teamView: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: es.agenda.title });
    this.views = page.getByRole('group', { name: es.agenda.views });
    this.filters = page.getByRole('group', { name: es.agenda.filters });
    this.figures = page.getByRole('region', { name: /^Resumen de / });
    this.body = page.locator('.agenda-body');
    this.teamView = page.getByRole('region', { name: /^Agenda del equipo del / });
  }

  async open(): Promise<void> {
    await this.page.goto('/#/agenda');
    await this.heading.waitFor();
  }

  async switchTo(view: View): Promise<void> {
    await this.views.getByRole('button', { name: es.agenda.view[view], exact: true }).click();
  }

  /** The entries of a title in the view shown (a session's title carries its booked/places count). */
  entries(title: string | RegExp): Locator {
    const visible = this.body.locator('.agenda-calendar:not([hidden]), .team-view');
    return visible.getByText(title);
  }

  async create(kind: keyof typeof es.seriesForm.createTitle): Promise<void> {
    await this.page.getByRole('button', { name: es.agenda.create }).click();
    await this.page.getByRole('group', { name: es.agenda.createMenu }).getByRole('button', { name: es.agenda.kinds[kind] }).click();
  }

  /** One figure of the month's summary, by its label. */
  figure(label: keyof typeof es.figures): Locator {
    return this.figures.locator('.figure', { has: this.page.getByText(es.figures[label], { exact: true }) }).locator('dd');
  }

  async showKind(kind: Kind, shown: boolean): Promise<void> {
    await this.filters.getByRole('checkbox', { name: es.agenda.kinds[kind] }).setChecked(shown);
  }

  async chooseStaff(option: 'all' | 'mine' | string): Promise<void> {
    await this.filters.getByRole('button', { name: new RegExp(es.agenda.staffFilter) }).click();
    const panel = this.page.getByRole('group', { name: es.agenda.staffFilter });
    if (option === 'all') await panel.getByRole('radio', { name: es.agenda.staffAll }).check();
    else if (option === 'mine') await panel.getByRole('radio', { name: es.agenda.staffMine }).check();
    else await panel.getByRole('checkbox', { name: option }).check();
    await this.page.keyboard.press('Escape');
  }

  async chooseRecurrence(option: 'all' | 'recurring' | 'one_off'): Promise<void> {
    await this.filters.getByLabel(es.agenda.recurrenceFilter).selectOption(option);
  }

  /** The team view shows this day (its date input). */
  async teamDay(date: string): Promise<void> {
    await fillDate(this.teamView.getByLabel(es.team.date, { exact: true }), date);
  }

  /** A professional's column in the team view. */
  teamColumn(name: string): Locator {
    return this.teamView.getByRole('list', { name, exact: true });
  }

  /** An appointment's entry in the team view ("Cita: Lucía Muñoz · Corte, 10:00–11:00"), at a start time if given. */
  teamAppointment(service: string, client: string, start = ''): Locator {
    return this.teamView.getByRole('button', { name: new RegExp(`^Cita: ${client} · ${service}, ${start}`) });
  }

  /** Clicks the empty time of a professional's column at a wall-clock time (the grid is 60 px an hour). */
  async clickTeamTime(name: string, time: string): Promise<void> {
    const column = this.teamColumn(name);
    const firstHour = Number((await this.teamView.locator('.team-hour').first().innerText()).slice(0, 2));
    const [h, m] = time.split(':').map(Number);
    await column.scrollIntoViewIfNeeded();
    await column.click({ position: { x: 8, y: ((h ?? 0) - firstHour) * 60 + (m ?? 0) + 5 } });
  }

  /** The team view's check-in for an entry, then Asistió for a client. */
  async checkInFromTeam(title: string, time: string, client: string): Promise<Locator> {
    await this.teamView.getByRole('button', { name: `Asistencia de ${title} a las ${time}` }).click();
    const list = this.page.getByRole('group', { name: `Asistencia de ${title} a las ${time}` });
    await list.getByRole('button', { name: `Marcar que ${client} asistió` }).click();
    return list;
  }
}
