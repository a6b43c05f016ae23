import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { ApiHost } from '../../src-main/api/open-api';
import { en } from '../../src-renderer/i18n/en';
import { es } from '../../src-renderer/i18n/es';
import { dayFromToday } from '../helpers/agenda-fixtures';
import { expect, test } from './fixtures';
import { AgendaPage } from './pages/agenda-page';
import { AppointmentDialog } from './pages/appointment-dialog';
import { dateText } from './pages/date-field';

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/**
 * A small centre with something on every page: light and dark tags on clients, a professional
 * with hours, a class today and next week, an appointment, a pass sold and a credit pending.
 */
async function arrange(api: ApiHost) {
  const ana = must(await api.invoke('staff.create', { name: 'Ana Ruiz', role: 'professional', colour: '#2a9d8f' }));
  const pilates = must(await api.invoke('sessionTypes.create', { name: 'Pilates', defaultDurationMin: 55, defaultPlaces: 8 }));
  const cut = must(await api.invoke('services.create', { name: 'Corte de pelo', durationMin: 60, priceMinor: 2500 }));
  const week = [1, 2, 3, 4, 5, 6, 7];
  must(
    await api.invoke('schedules.create', {
      staffId: ana.id,
      name: 'Peluquería',
      durationMin: 60,
      serviceIds: [cut.id],
      ranges: week.map((weekday) => ({ weekday, start: '09:00', end: '20:00' })),
    }),
  );
  const pass = must(
    await api.invoke('passProducts.create', { name: 'Bono 10 clases', credits: 10, sessionTypeIds: [pilates.id], serviceIds: [], validity: { kind: 'days', days: 90 }, priceMinor: 8000 }),
  );
  must(await api.invoke('promos.create', { code: 'VERANO', kind: 'percent', value: 20, serviceIds: [cut.id] }));
  const tags = [];
  for (const [name, colour] of [
    ['Embarazo', '#e9c46a'],
    ['Bono 10 sesiones', '#f4a261'],
    ['Claro', '#f1faee'],
    ['VIP', '#d62872'],
    ['Fisioterapia', '#264653'],
  ] as const)
    tags.push(must(await api.invoke('tags.create', { name, colour })));
  must(await api.invoke('customFields.create', { label: 'Alergias', kind: 'text' }));
  const lucia = must(await api.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz', phone: '612 34 56 78', tagIds: tags.map((t) => t.id) })).client;
  const marta = must(await api.invoke('clients.create', { firstName: 'Marta', lastName: 'Díaz', phone: '632 34 56 78', tagIds: [tags[0]!.id] })).client;
  const pedro = must(await api.invoke('clients.create', { firstName: 'Pedro', lastName: 'Sanz', phone: '622 34 56 78', tagIds: [tags[2]!.id] })).client;
  must(await api.invoke('clients.create', { firstName: 'Luis', lastName: 'Martín', phone: '642 34 56 78' }));
  must(await api.invoke('clients.setBlacklist', { id: pedro.id, blacklisted: true, reason: 'Impagos' }));
  const today = dayFromToday(0);
  const day = dayFromToday(7);
  must(await api.invoke('series.create', { title: 'Pilates tarde', organizerId: ana.id, sessionTypeId: pilates.id, redeemableWithPasses: true, startDate: today, startTime: '21:00', durationMin: 55, places: 8 }));
  const { series } = must(
    await api.invoke('series.create', { title: 'Pilates mañana', organizerId: ana.id, sessionTypeId: pilates.id, redeemableWithPasses: true, startDate: day, startTime: '08:00', durationMin: 55, places: 8 }),
  );
  const sale = must(await api.invoke('checkout.commit', { clientId: lucia.id, lines: [{ kind: 'pass', passProductId: pass.id }], payments: [{ method: 'card', amountMinor: 8000 }] }));
  const occurrence = must(await api.invoke('agenda.range', { from: day, to: day })).occurrences.find((o) => o.seriesId === series.id)!;
  must(await api.invoke('sessions.book', { occurrenceId: occurrence.id, clientId: lucia.id }));
  must(await api.invoke('sessions.book', { occurrenceId: occurrence.id, clientId: marta.id }));
  const slot = must(await api.invoke('slots.find', { serviceId: cut.id, staffId: ana.id, from: day, to: day }))[2]!;
  must(await api.invoke('appointments.book', { clientId: marta.id, staffId: ana.id, serviceId: cut.id, startsAt: slot.startsAt }));
  return { ana, lucia, marta, day, today, sale };
}

/** Serious and critical violations of the page as it is now, one line each with the first nodes. */
async function audit(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) — ${v.help}\n    ${v.nodes.slice(0, 8).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`).join('\n    ')}`);
}

test('every page passes an axe-core audit with no serious or critical violation', async ({ page, api }) => {
  test.setTimeout(180_000);
  const { lucia, day, sale } = await arrange(api);
  const problems: string[] = [];
  const check = async (where: string) => problems.push(...(await audit(page, where)));

  await page.goto('/#/hoy');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForTimeout(500);
  await check('today (Hoy)');

  await page.goto('/#/clients');
  await expect(page.getByText('Lucía Muñoz').first()).toBeVisible();
  await check('clients list');

  await page.goto(`/#/clients/${lucia.id}`);
  await expect(page.getByRole('heading', { level: 1, name: /Lucía Muñoz/ })).toBeVisible();
  await check('client card');
  await page.getByRole('button', { name: es.app.edit, exact: true }).click();
  await expect(page.getByRole('button', { name: es.app.save, exact: true })).toBeVisible();
  await check('client card, editing (its date fields)');

  await page.goto('/#/clients/new');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await check('new client');

  const agenda = new AgendaPage(page);
  await agenda.open();
  for (const view of ['month', 'week', 'day', 'list', 'team'] as const) {
    await agenda.switchTo(view);
    await page.waitForTimeout(400);
    await check(`agenda ${view}`);
  }
  await agenda.teamDay(day);
  await expect(agenda.teamColumn('Ana Ruiz')).toBeVisible();
  await check('agenda team, a day with a class and an appointment');
  await agenda.teamView.getByRole('button', { name: es.dateField.open }).click();
  await expect(page.getByRole('dialog', { name: es.dateField.calendar })).toBeVisible();
  await check('a date field’s calendar');
  await page.keyboard.press('Escape');

  // The session's panel, an appointment's panel, the booking dialog, the series form.
  await agenda.teamColumn('Ana Ruiz').getByRole('button', { name: /^Pilates mañana/ }).click();
  await expect(page.getByRole('dialog', { name: /Pilates mañana/ })).toBeVisible();
  await check('session panel');
  await page.keyboard.press('Escape');
  await agenda.teamAppointment('Corte de pelo', 'Marta Díaz').click();
  await expect(page.getByRole('dialog', { name: /Corte de pelo/ })).toBeVisible();
  await check('appointment panel');
  await page.keyboard.press('Escape');
  await agenda.teamView.getByRole('button', { name: 'Agendar cita con Ana Ruiz' }).click();
  const booking = new AppointmentDialog(page);
  await booking.chooseClient('Lucía', 'Lucía Muñoz');
  await expect(booking.times).toBeVisible();
  await check('booking dialog');
  await page.keyboard.press('Escape');
  await agenda.create('session');
  await expect(page.getByRole('dialog')).toBeVisible();
  await check('series form');
  await page.keyboard.press('Escape');

  await page.goto('/#/agenda/agendadas');
  await page.waitForTimeout(500);
  await check('scheduled');

  await page.goto(`/#/lista-diaria?fecha=${day}`);
  await page.waitForTimeout(500);
  await check('daily list');

  await page.goto('/#/checkout');
  await expect(page.getByText('Pilates mañana').first()).toBeVisible();
  await check('checkout (Caja) with a pending credit and today’s sales');

  await page.goto(`/#/checkout/recibo/${sale.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await check('receipt');

  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForTimeout(500);
  await check('settings');

  expect(problems, problems.join('\n')).toEqual([]);
});

test('in English too, the desk\'s pages pass the audit (accessible names follow the visible English text)', async ({ page, api }) => {
  test.setTimeout(120_000);
  const { lucia, day, sale } = await arrange(api);
  must(await api.invoke('settings.update', { language: 'en' }));
  const problems: string[] = [];
  const check = async (where: string) => problems.push(...(await audit(page, `${where} (en)`)));
  for (const [where, path] of [
    ['today', '/#/hoy'],
    ['clients list', '/#/clients'],
    ['client card', `/#/clients/${lucia.id}`],
    ['daily list', `/#/lista-diaria?fecha=${day}`],
    ['checkout', '/#/checkout'],
    ['receipt', `/#/checkout/recibo/${sale.id}`],
    ['settings', '/#/settings'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await page.waitForTimeout(300);
    await check(where);
  }
  await page.goto('/#/agenda');
  for (const view of ['week', 'team'] as const) {
    await page.getByRole('group', { name: en.agenda.views }).getByRole('button', { name: en.agenda.view[view], exact: true }).click();
    await page.waitForTimeout(400);
    await check(`agenda ${view}`);
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

test('focus moves into a card and a dialog; Esc closes every dialog and panel', async ({ page, api }) => {
  const { day } = await arrange(api);
  // The global search: arrows move through the results, Enter opens the card, which takes focus.
  await page.goto('/#/clients');
  const search = page.getByRole('combobox', { name: es.search.label });
  await search.fill('m');
  const options = page.getByRole('listbox', { name: es.search.results }).getByRole('option');
  await expect(options).toHaveCount(3);
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await search.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await search.press('ArrowUp');
  await search.press('ArrowUp');
  await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');
  const card = page.locator('.client-card, main').first();
  await expect(page.getByRole('heading', { level: 1, name: /Luis Martín|Lucía Muñoz|Marta Díaz/ })).toBeVisible();
  await expect.poll(() => card.evaluate((el) => el.contains(el.ownerDocument.activeElement) && el.ownerDocument.activeElement !== el.ownerDocument.body)).toBe(true);

  // The booking dialog: focus inside; arrows move along the day strip; Esc closes it.
  const agenda = new AgendaPage(page);
  await agenda.open();
  await agenda.switchTo('team');
  await agenda.teamDay(day);
  await agenda.teamView.getByRole('button', { name: 'Agendar cita con Ana Ruiz' }).click();
  const booking = new AppointmentDialog(page);
  await expect(booking.dialog).toBeVisible();
  await expect.poll(() => booking.dialog.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(true);
  // The client search of the dialog: arrows move through its results, Up from the first back to the box.
  const clientSearch = booking.dialog.getByRole('searchbox', { name: es.appointments.clientSearch });
  await clientSearch.fill('lu');
  const results = booking.dialog.getByRole('list', { name: es.appointments.clientResults }).getByRole('button');
  await expect(results).toHaveCount(2);
  await clientSearch.press('ArrowDown');
  await expect(results.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(results.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(results.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(clientSearch).toBeFocused();
  await clientSearch.press('ArrowDown');
  const first = (await results.nth(0).getAttribute('aria-label'))!.replace(es.appointments.chooseClientFor.replace('{{name}}', ''), '');
  await page.keyboard.press('Enter');
  await expect(booking.dialog.locator('.picked-client')).toContainText(first);
  const strip = booking.dialog.getByRole('group', { name: es.appointments.days });
  const pressed = strip.locator('button[aria-pressed="true"]');
  await pressed.focus();
  const before = await pressed.getAttribute('data-date');
  await page.keyboard.press('ArrowRight');
  await expect(strip.locator('button:focus')).not.toHaveAttribute('data-date', before ?? '');
  await expect(strip.locator('button[aria-pressed="true"]')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(strip.locator('button[aria-pressed="true"]')).toHaveAttribute('data-date', before ?? '');
  await page.keyboard.press('Escape');
  await expect(booking.dialog).toBeHidden();

  // The session's panel and the appointment's panel: focus inside, Esc closes them.
  await agenda.teamColumn('Ana Ruiz').getByRole('button', { name: /^Pilates mañana/ }).click();
  const session = page.getByRole('dialog', { name: /Pilates mañana/ });
  await expect(session).toBeVisible();
  await expect.poll(() => session.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(session).toBeHidden();
  // …and when the desk clicked elsewhere on the page, with nothing focused.
  await agenda.teamColumn('Ana Ruiz').getByRole('button', { name: /^Pilates mañana/ }).click();
  await expect(session).toBeVisible();
  await agenda.heading.click();
  await page.keyboard.press('Escape');
  await expect(session).toBeHidden();
  await agenda.teamAppointment('Corte de pelo', 'Marta Díaz').click();
  const appointment = page.getByRole('dialog', { name: /Corte de pelo/ });
  await expect(appointment).toBeVisible();
  await expect.poll(() => appointment.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(true);
  // A confirmation over the panel: focus inside it; Esc closes it and leaves the panel open.
  await appointment.getByRole('button', { name: es.appointments.cancel, exact: true }).click();
  const confirm = page.getByRole('dialog', { name: /^¿Cancelar la cita de / });
  await expect(confirm).toBeVisible();
  await expect.poll(() => confirm.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(appointment).toBeVisible();
  await appointment.focus();
  await page.keyboard.press('Escape');
  await expect(appointment).toBeHidden();

  // The create menu (a popover): Esc closes it.
  await page.getByRole('button', { name: es.agenda.create }).click();
  const menu = page.getByRole('group', { name: es.agenda.createMenu });
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();

  // The series form and the create menu.
  await agenda.create('session');
  const form = page.getByRole('dialog');
  await expect(form).toBeVisible();
  await expect.poll(() => form.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();

  // A date field's calendar: Esc closes it, and then the dialog.
  await agenda.teamView.getByRole('button', { name: 'Agendar cita con Ana Ruiz' }).click();
  await expect(booking.dialog).toBeVisible();
  await booking.dialog.getByRole('button', { name: es.dateField.open }).click();
  const calendar = booking.dialog.getByRole('dialog', { name: es.dateField.calendar });
  await expect(calendar).toBeVisible();
  await expect.poll(() => calendar.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  await expect(booking.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(booking.dialog).toBeHidden();
});

test('a date field is written day first in Spanish and per en-GB in English, with a keyboard calendar', async ({ page, api }) => {
  const { day } = await arrange(api);
  const agenda = new AgendaPage(page);
  await agenda.open();
  await agenda.switchTo('team');
  const field = agenda.teamView.getByLabel(es.team.date, { exact: true });
  await field.fill(dateText(day));
  await field.press('Enter');
  await expect(field).toHaveValue(dateText(day));
  await expect(agenda.teamColumn('Ana Ruiz')).toContainText('Pilates mañana');
  const [y, m, d] = day.split('-').map(Number);
  expect(dateText(day)).toBe(`${d}/${m}/${y}`);

  // The calendar: arrows move by day, Enter picks.
  await agenda.teamView.getByRole('button', { name: es.dateField.open }).click();
  const calendar = page.getByRole('dialog', { name: es.dateField.calendar });
  await expect(calendar.getByRole('gridcell', { selected: true })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(calendar).toBeHidden();
  const next = new Date(Date.UTC(y!, m! - 1, d! + 1));
  await expect(field).toHaveValue(`${next.getUTCDate()}/${next.getUTCMonth() + 1}/${next.getUTCFullYear()}`);

  // A wrong date says so and keeps the day shown.
  await field.fill('31/2/2027');
  await field.press('Tab');
  await expect(agenda.teamView.getByText(es.dateField.invalid)).toBeVisible();

  // In English (en-GB): day first too, two digits each, and the English calendar.
  must(await api.invoke('settings.update', { language: 'en' }));
  await page.reload();
  await page.getByRole('group', { name: en.agenda.views }).getByRole('button', { name: en.agenda.view.team, exact: true }).click();
  const enField = page.getByRole('region', { name: /^Team's agenda for / }).getByLabel(en.team.date, { exact: true });
  await expect(enField).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  await enField.fill(`${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`);
  await enField.press('Enter');
  await expect(enField).toHaveValue(`${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`);
  await expect(page.getByRole('list', { name: 'Ana Ruiz', exact: true })).toContainText('Pilates mañana');
  await expect(enField).toHaveAttribute('placeholder', en.dateField.placeholder);
});
