import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { ApiHost } from '../../src-main/api/open-api';
import { seedDemo } from '../../src-main/cli/seed-demo';
import { localToInstant } from '../../src-main/engine/time/local-time';
import { en } from '../../src-renderer/i18n/en';
import { es } from '../../src-renderer/i18n/es';
import { dayFromToday } from '../helpers/agenda-fixtures';
import { expect, test } from './fixtures';
import { AgendaPage } from './pages/agenda-page';

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

function madrid(date: string, time: string): string {
  return localToInstant(date, time, 'Europe/Madrid').toISOString();
}

const views = ['month', 'week', 'day', 'list', 'team'] as const;
type View = (typeof views)[number];
const shots = 'test-results/calendar-layout';

/**
 * The texts of the view shown that are cut (wider than their box) with no way to read them whole:
 * neither they nor the tile around them carry a title (the tooltip).
 */
async function clippedWithoutTooltip(page: Page): Promise<string[]> {
  // A string: these tests type-check without the DOM's types.
  return (await page.evaluate(`(() => {
    const root = document.querySelector('.agenda-calendar:not([hidden]), .team-view');
    if (!root) return ['no view shown'];
    const tiles = '.sx__event, .team-entry, .team-column-head, .sx__month-grid-day__header, .team-birthdays li';
    const found = [];
    for (const el of root.querySelectorAll(tiles + ', :is(' + tiles + ') *')) {
      if (!el.textContent.trim() || el.clientWidth === 0) continue;
      if (el.scrollWidth <= el.clientWidth + 1) continue;
      const style = getComputedStyle(el);
      if (style.overflowX === 'visible' && style.textOverflow !== 'ellipsis') continue;
      const withTitle = el.closest('[title]');
      const tooltip = withTitle && root.contains(withTitle) ? withTitle.title : '';
      if (!tooltip.trim()) found.push(el.className + ': ' + el.textContent.trim());
    }
    return found;
  })()`)) as string[];
}

/** What a list row's time column shows: its own text size (0 when hidden) and the text put before it. */
async function listRowTimes(page: Page, text: string): Promise<{ before: string; fontSize: string }> {
  return (await page.evaluate(`(() => {
    const row = [...document.querySelectorAll('.agenda-calendar:not([hidden]) .sx__list-event')].find((e) => e.textContent.includes(${JSON.stringify(text)}));
    const times = row.querySelector('.sx__list-event-times');
    return { before: getComputedStyle(times, '::before').content, fontSize: getComputedStyle(times).fontSize };
  })()`)) as { before: string; fontSize: string };
}

/** The buttons of the team view's tiles and column heads that overlap a title (they must sit beside or under it). */
async function buttonsOverTitles(page: Page): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const found = [];
    const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    for (const box of document.querySelectorAll('.team-view .team-entry, .team-view .team-column-head')) {
      const title = box.querySelector('.team-entry-title, .team-column-name');
      if (!title) continue;
      for (const button of box.querySelectorAll('button:not(.team-entry-open)')) {
        if (overlap(button.getBoundingClientRect(), title.getBoundingClientRect())) found.push(button.textContent + ' over ' + title.textContent);
      }
    }
    return found;
  })()`)) as string[];
}

/** A demo centre, plus a client with a long name whose birthday is tomorrow and two of today's states. */
async function arrangeDemo(api: ApiHost) {
  await seedDemo(api.invoke);
  const tomorrow = dayFromToday(1);
  must(
    await api.invoke('clients.create', {
      firstName: 'María de los Ángeles',
      lastName: 'Fernández-Villaverde Santisteban',
      phone: '611 22 33 44',
      birthDate: `1990${tomorrow.slice(4)}`,
    }),
  );
  return { tomorrow };
}

async function showView(agenda: AgendaPage, view: View): Promise<void> {
  await agenda.switchTo(view);
  if (view === 'team') await expect(agenda.teamView).toBeVisible();
  else await expect(agenda.page.locator('.agenda-calendar:not([hidden]) .sx__calendar')).toBeVisible();
  // Schedule-X paints its tiles a frame after the range arrives.
  await agenda.page.waitForTimeout(300);
}

test('at 1366×768 the calendar gets most of the height and every view shows its texts whole or in a tooltip; screenshots of each view', async ({ page, api }) => {
  test.setTimeout(120_000);
  await arrangeDemo(api);
  mkdirSync(shots, { recursive: true });
  const agenda = new AgendaPage(page);
  await agenda.open();

  for (const view of views) {
    await showView(agenda, view);
    const body = await agenda.body.boundingBox();
    expect(body, view).not.toBeNull();
    // Most of the height: the header, the filters and the folded figures take the rest.
    expect(body!.height / 768, `${view}: the calendar's share of the height`).toBeGreaterThan(0.7);
    expect(await clippedWithoutTooltip(page), `${view}: clipped without a tooltip`).toEqual([]);
    if (view === 'team') expect(await buttonsOverTitles(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/${view}-1366x768.png` });
  }

  // The figures fold into one line; the rest open on demand.
  await expect(agenda.figures.locator('.figure')).toHaveCount(4);
  const toggle = agenda.figures.getByRole('button', { name: es.calendar.moreFigures });
  await toggle.click();
  await expect(agenda.figures.locator('.figure')).toHaveCount(9);
  await agenda.figures.getByRole('button', { name: es.calendar.fewerFigures }).click();
  await expect(agenda.figures.locator('.figure')).toHaveCount(4);

  await page.setViewportSize({ width: 1920, height: 1080 });
  for (const view of views) {
    await showView(agenda, view);
    expect(await clippedWithoutTooltip(page), `${view} at 1920×1080`).toEqual([]);
    await page.screenshot({ path: `${shots}/${view}-1920x1080.png` });
  }
});

test('a tile shows the client first, then the service, with status icons; the team view\'s buttons never cover a title', async ({ page, api }) => {
  const ana = must(await api.invoke('staff.create', { name: 'Ana Ruiz', role: 'professional', colour: '#2a9d8f' }));
  const cut = must(await api.invoke('services.create', { name: 'Corte de pelo', durationMin: 60, priceMinor: 2500 }));
  must(await api.invoke('schedules.create', { staffId: ana.id, name: 'Peluquería', durationMin: 60, serviceIds: [cut.id], ranges: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '20:00' })) }));
  const lucia = must(await api.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz', phone: '612 34 56 78', notes: 'Alergia al látex' })).client;
  const day = dayFromToday(2);
  must(await api.invoke('appointments.book', { clientId: lucia.id, staffId: ana.id, serviceId: cut.id, startsAt: madrid(day, '10:00') }));

  const agenda = new AgendaPage(page);
  await agenda.open();
  await agenda.switchTo('team');
  await agenda.teamDay(day);
  const entry = agenda.teamColumn('Ana Ruiz').getByRole('listitem');
  await expect(entry).toContainText('Lucía Muñoz · Corte de pelo');
  await expect(entry.getByRole('img', { name: es.calendar.icons.notes })).toBeVisible();
  await expect(entry).toHaveAttribute('title', /Lucía Muñoz · Corte de pelo · 10:00–11:00 · Alergias o notas importantes/);

  // The column head's "+" sits beside the name, not over it.
  const head = agenda.teamView.locator('.team-column-head').first();
  const name = await head.locator('.team-column-name').boundingBox();
  const plus = await head.getByRole('button').boundingBox();
  expect(name!.x + name!.width).toBeLessThanOrEqual(plus!.x + 0.5);

  await agenda.switchTo('week');
  const tile = page.locator('.agenda-calendar:not([hidden]) .sx__time-grid-event', { hasText: 'Lucía Muñoz · Corte de pelo' });
  await expect(tile).toContainText('⚠');
  await expect(tile).toHaveAttribute('title', /Lucía Muñoz · Corte de pelo · 10:00–11:00 · Ana Ruiz · Alergias o notas importantes/);
});

test('birthdays are all-day entries, never 0:00, with their label in both languages', async ({ page, api }) => {
  const tomorrow = dayFromToday(1);
  must(await api.invoke('clients.create', { firstName: 'Rosa', lastName: 'Vidal', phone: '611 22 33 55', birthDate: `1990${tomorrow.slice(4)}` }));
  const agenda = new AgendaPage(page);
  await agenda.open();
  await agenda.switchTo('team');
  await agenda.teamDay(tomorrow);
  await expect(agenda.teamView.locator('.team-birthdays')).toContainText(`Cumpleaños de Rosa Vidal`);
  await expect(agenda.teamView.locator('.team-birthdays')).toContainText(es.calendar.allDay);

  // The week view: in the all-day row, not in the hours.
  await agenda.switchTo('week');
  const calendar = page.locator('.agenda-calendar:not([hidden])');
  await expect(calendar.locator('.sx__date-grid-event', { hasText: 'Cumpleaños de Rosa Vidal' })).toBeVisible();
  await expect(calendar.locator('.sx__time-grid-event', { hasText: 'Cumpleaños' })).toHaveCount(0);

  // The list view: "Todo el día", never 0:00 / 0:00.
  await agenda.switchTo('list');
  const row = calendar.locator('.sx__list-event', { hasText: 'Cumpleaños de Rosa Vidal' });
  await expect(row).toBeVisible();
  expect(await listRowTimes(page, 'Cumpleaños de Rosa Vidal')).toEqual({ before: JSON.stringify(es.calendar.allDay), fontSize: '0px' });
  await expect(row).toHaveAttribute('title', new RegExp(es.calendar.allDay));

  // In English.
  must(await api.invoke('settings.update', { language: 'en' }));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: en.agenda.title }).waitFor();
  await page.getByRole('group', { name: en.agenda.views }).getByRole('button', { name: en.agenda.view.list, exact: true }).click();
  const rowEn = calendar.locator('.sx__list-event', { hasText: "Rosa Vidal's birthday" });
  await expect(rowEn).toBeVisible();
  expect(await listRowTimes(page, "Rosa Vidal's birthday")).toEqual({ before: JSON.stringify(en.calendar.allDay), fontSize: '0px' });
});

/** Ana works 09:00–14:00 and 16:00–20:00; Lucía at 10:00 and Marta at 12:00, two days ahead. */
async function arrangeMoves(api: ApiHost) {
  const ana = must(await api.invoke('staff.create', { name: 'Ana Ruiz', role: 'professional', colour: '#2a9d8f' }));
  const cut = must(await api.invoke('services.create', { name: 'Corte de pelo', durationMin: 60, priceMinor: 2500 }));
  must(
    await api.invoke('schedules.create', {
      staffId: ana.id,
      name: 'Peluquería',
      durationMin: 60,
      serviceIds: [cut.id],
      ranges: [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
        { weekday, start: '09:00', end: '14:00' },
        { weekday, start: '16:00', end: '20:00' },
      ]),
    }),
  );
  const lucia = must(await api.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz', phone: '612 34 56 78' })).client;
  const marta = must(await api.invoke('clients.create', { firstName: 'Marta', lastName: 'Díaz', phone: '632 34 56 78' })).client;
  const day = dayFromToday(2);
  const luciaAt = must(await api.invoke('appointments.book', { clientId: lucia.id, staffId: ana.id, serviceId: cut.id, startsAt: madrid(day, '10:00') }));
  must(await api.invoke('appointments.book', { clientId: marta.id, staffId: ana.id, serviceId: cut.id, startsAt: madrid(day, '12:00') }));
  return { day, luciaAt };
}

test('drag in the team view: to a free time it is rescheduled; onto a busy time it asks for a reason to override', async ({ page, api }) => {
  const { day, luciaAt } = await arrangeMoves(api);
  const agenda = new AgendaPage(page);
  await agenda.open();
  await agenda.switchTo('team');
  await agenda.teamDay(day);
  const column = agenda.teamColumn('Ana Ruiz');
  const firstHour = Number((await agenda.teamView.locator('.team-hour').first().innerText()).slice(0, 2));
  const at = (h: number, m = 0) => ({ x: 20, y: (h - firstHour) * 60 + m + 6 });
  const lucia = agenda.teamAppointment('Corte de pelo', 'Lucía Muñoz').locator('..');

  // 10:00 → 11:00, free: moved.
  await lucia.dragTo(column, { sourcePosition: { x: 20, y: 6 }, targetPosition: at(11) });
  await expect(page.getByText(/Cita movida: .* con Ana Ruiz/)).toBeVisible();
  await expect(agenda.teamAppointment('Corte de pelo', 'Lucía Muñoz', '11:00')).toBeVisible();
  expect(must(await api.invoke('appointments.get', { appointmentId: luciaAt.id })).startsAt).toBe(madrid(day, '11:00'));

  // 11:00 → 12:30, over Marta: refused, the reason asked; "Volver" leaves it.
  await lucia.dragTo(column, { sourcePosition: { x: 20, y: 6 }, targetPosition: at(12, 30) });
  const dialog = page.getByRole('dialog', { name: es.calendar.drag.overrideTitle });
  await expect(dialog).toContainText('Esa hora ya está ocupada');
  await dialog.getByRole('button', { name: es.calendar.drag.back }).click();
  await expect(dialog).toBeHidden();
  expect(must(await api.invoke('appointments.get', { appointmentId: luciaAt.id })).startsAt).toBe(madrid(day, '11:00'));

  // Again, and override with a reason: moved, the broken rule recorded.
  await lucia.dragTo(column, { sourcePosition: { x: 20, y: 6 }, targetPosition: at(12, 30) });
  await dialog.getByRole('button', { name: es.calendar.drag.overrideConfirm }).click();
  await expect(dialog.getByText(es.calendar.drag.overrideReasonRequired)).toBeVisible();
  await dialog.getByLabel(es.calendar.drag.overrideReason).fill('La clienta llega tarde del trabajo');
  await dialog.getByRole('button', { name: es.calendar.drag.overrideConfirm }).click();
  await expect(dialog).toBeHidden();
  await expect(agenda.teamAppointment('Corte de pelo', 'Lucía Muñoz', '12:30')).toBeVisible();
  const moved = must(await api.invoke('appointments.get', { appointmentId: luciaAt.id }));
  expect(moved.startsAt).toBe(madrid(day, '12:30'));
  expect(moved.overridden).toContain('busy');
  // The reason is in the audit log, beside the rule it broke.
  const logged = api.database.sqlite
    .prepare("SELECT changes FROM change_log WHERE call = 'appointments.reschedule' AND entity_id = ? ORDER BY rowid DESC LIMIT 1")
    .pluck()
    .get(luciaAt.id) as string;
  expect(JSON.parse(logged)).toMatchObject({ overridden: ['busy'], overrideReason: 'La clienta llega tarde del trabajo' });
});

test('drag in the week view: to a free time it is rescheduled; onto a busy time it is refused unless overridden', async ({ page, api }) => {
  const { day, luciaAt } = await arrangeMoves(api);
  const agenda = new AgendaPage(page);
  await agenda.open();
  // The week of that day.
  await agenda.switchTo('team');
  await agenda.teamDay(day);
  await agenda.switchTo('week');
  const calendar = page.locator('.agenda-calendar:not([hidden])');
  const column = calendar.locator(`[data-time-grid-date="${day}"]`);
  const tile = calendar.locator('.sx__time-grid-event', { hasText: 'Lucía Muñoz · Corte de pelo' });
  await expect(tile).toHaveAttribute('draggable', 'true');
  const height = (await column.boundingBox())!.height;
  // The grid runs 06:00–23:00.
  const at = (h: number, m = 0) => ({ x: 10, y: ((h * 60 + m - 360) / 1020) * height + 4 });

  await tile.dragTo(column, { sourcePosition: { x: 10, y: 4 }, targetPosition: at(9) });
  await expect(page.getByText(/Cita movida: .* con Ana Ruiz/)).toBeVisible();
  await expect.poll(async () => must(await api.invoke('appointments.get', { appointmentId: luciaAt.id })).startsAt).toBe(madrid(day, '09:00'));
  await expect(tile).toHaveAttribute('title', /09:00–10:00/);

  // Onto Marta at 12:00: refused; going back leaves it at 09:00.
  await tile.dragTo(column, { sourcePosition: { x: 10, y: 4 }, targetPosition: at(12) });
  const dialog = page.getByRole('dialog', { name: es.calendar.drag.overrideTitle });
  await expect(dialog).toContainText('Esa hora ya está ocupada');
  await dialog.getByRole('button', { name: es.calendar.drag.back }).click();
  await expect(dialog).toBeHidden();
  expect(must(await api.invoke('appointments.get', { appointmentId: luciaAt.id })).startsAt).toBe(madrid(day, '09:00'));

  // Outside the hours (15:00), with a reason: moved and recorded.
  await tile.dragTo(column, { sourcePosition: { x: 10, y: 4 }, targetPosition: at(15) });
  await expect(dialog).toContainText('fuera del horario');
  await dialog.getByLabel(es.calendar.drag.overrideReason).fill('Pidió la hora de la comida');
  await dialog.getByRole('button', { name: es.calendar.drag.overrideConfirm }).click();
  await expect(dialog).toBeHidden();
  const moved = must(await api.invoke('appointments.get', { appointmentId: luciaAt.id }));
  expect(moved.startsAt).toBe(madrid(day, '15:00'));
  expect(moved.overridden).toContain('outside_hours');
});
