import type { ApiHost } from '../../src-main/api/open-api';
import { errorMessages } from '../../src-shared/i18n/errors';
import { dayFromToday } from '../helpers/agenda-fixtures';
import { expect, test } from './fixtures';
import { SchedulesSettings } from './pages/schedules-settings';

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** A local date as the settings show it: "lunes, 12 de enero de 2026". */
function longDate(date: string): string {
  return new Intl.DateTimeFormat('es-ES', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** A salon with one professional (and a receptionist, who never offers appointments) and two services. */
async function arrange(api: ApiHost) {
  const ana = must(await api.invoke('staff.create', { name: 'Ana Ruiz', role: 'professional', colour: '#2a9d8f' }));
  must(await api.invoke('staff.create', { name: 'Rosa Vidal', role: 'reception', colour: '#e76f51' }));
  const massage = must(await api.invoke('services.create', { name: 'Masaje relajante', durationMin: 60, priceMinor: 4500 }));
  const facial = must(await api.invoke('services.create', { name: 'Limpieza facial', durationMin: 45, priceMinor: 3500 }));
  return { ana, massage, facial };
}

test('the desk sets a professional\'s weekly hours, is told beside the range when two overlap, adds a day off and a holiday, and deletes the schedule', async ({ page, api }) => {
  const { ana, massage } = await arrange(api);
  const settings = new SchedulesSettings(page);
  await settings.open();
  await expect(settings.section).toContainText('Todavía no hay horarios de citas.');

  // Two ranges on Monday, one on Tuesday; ten minutes kept free after each appointment.
  await settings.createSchedule({
    staff: 'Ana Ruiz',
    name: 'Masajes',
    services: ['Masaje relajante'],
    durationMin: 60,
    bufferAfterMin: 10,
    ranges: [
      { weekday: 1, start: '09:00', end: '13:00' },
      { weekday: 1, start: '16:00', end: '20:00' },
      { weekday: 2, start: '10:00', end: '14:00' },
    ],
  });
  await expect(page.getByRole('status').filter({ hasText: 'Horario «Masajes» guardado.' })).toBeVisible();
  const row = settings.groupOf('Ana Ruiz').getByRole('listitem', { name: 'Masajes', exact: true });
  await expect(row).toContainText('lun 09:00–13:00, 16:00–20:00 · mar 10:00–14:00');
  await expect(row).toContainText('Masaje relajante · 60 min · 10 min libres después');
  const [saved] = must(await api.invoke('schedules.list', { staffId: ana.id }));
  expect(saved).toMatchObject({
    name: 'Masajes',
    durationMin: 60,
    bufferBeforeMin: 0,
    bufferAfterMin: 10,
    serviceIds: [massage.id],
    visibility: 'all',
    active: true,
    ranges: [
      { weekday: 1, start: '09:00', end: '13:00' },
      { weekday: 1, start: '16:00', end: '20:00' },
      { weekday: 2, start: '10:00', end: '14:00' },
    ],
  });
  if (!saved) throw new Error('no schedule');

  // A third Monday range overlapping the morning: the error is beside it, and nothing changes.
  await settings.openEdit('Masajes');
  await expect(settings.rangeStart(1, 2)).toHaveValue('16:00');
  await settings.addRange({ weekday: 1, start: '12:00', end: '17:00' });
  await settings.submit();
  const overlap = errorMessages.es.overlapping_ranges;
  await expect(settings.rangeItem(1, 3)).toContainText(overlap);
  await expect(settings.rangeStart(1, 3)).toHaveAttribute('aria-invalid', 'true');
  await expect(settings.rangeStart(1, 3)).toBeFocused();
  await expect(settings.rangeItem(1, 1)).not.toContainText(overlap);
  await expect(settings.rangeItem(1, 2)).not.toContainText(overlap);
  await expect(settings.editor).toBeVisible();
  expect(must(await api.invoke('schedules.get', { id: saved.id })).ranges).toEqual(saved.ranges);
  await settings.cancel();
  await expect(row).toContainText('lun 09:00–13:00, 16:00–20:00 · mar 10:00–14:00');

  // A day off for Ana, with a note.
  const dayOff = dayFromToday(10);
  await settings.addDayOff('Ana Ruiz', dayOff, 'Formación');
  const exceptions = settings.exceptionList('Ana Ruiz');
  await expect(exceptions.getByRole('listitem', { name: longDate(dayOff) })).toContainText('Día libre · Todos sus horarios');
  await expect(exceptions.getByRole('listitem', { name: longDate(dayOff) })).toContainText('Formación');
  const setExceptions = must(await api.invoke('schedules.exceptions', { staffId: ana.id, from: dayFromToday(0), to: dayFromToday(60) }));
  expect(setExceptions).toMatchObject([{ date: dayOff, kind: 'day_off', scheduleId: null, ranges: [], note: 'Formación' }]);

  // A centre holiday.
  const holiday = dayFromToday(20);
  await settings.addHoliday(holiday, 'Fiesta local');
  await expect(settings.holidayRow('Fiesta local')).toContainText(longDate(holiday));
  expect(must(await api.invoke('holidays.list', {}))).toEqual([{ date: holiday, name: 'Fiesta local' }]);

  // Delete the schedule, after confirming.
  await settings.deleteSchedule('Masajes');
  await expect(settings.row('Masajes')).toHaveCount(0);
  await expect(settings.section).toContainText('Todavía no hay horarios de citas.');
  expect(must(await api.invoke('schedules.list', { includeInactive: true }))).toEqual([]);
});

test('the editor copies a day to Monday–Friday, proposes the service\'s length, deactivates a schedule, and special hours refuse overlapping ranges', async ({ page, api }) => {
  const { ana, facial } = await arrange(api);
  const settings = new SchedulesSettings(page);
  await settings.open();

  await settings.openNew();
  const e = settings.editor;
  await e.getByLabel('Profesional', { exact: true }).selectOption({ label: 'Ana Ruiz' });
  // The first service ticked proposes its name and length.
  await e.getByRole('group', { name: 'Servicios que ofrece' }).getByRole('checkbox', { name: 'Limpieza facial' }).check();
  await expect(e.getByLabel('Nombre del horario', { exact: true })).toHaveValue('Limpieza facial');
  await expect(e.getByLabel('Duración de la cita (min)', { exact: true })).toHaveValue('45');
  // A lead time in days is sent in minutes.
  await e.getByLabel('Antelación mínima', { exact: true }).fill('2');
  await e.getByLabel('Unidad de la antelación mínima', { exact: true }).selectOption({ label: 'días' });
  await settings.addRange({ weekday: 3, start: '10:00', end: '14:00' });
  await settings.addRange({ weekday: 3, start: '15:00', end: '19:00' });
  await settings.copyToWorkingDays(3);
  await expect(settings.rangeStart(1, 2)).toHaveValue('15:00');
  await expect(settings.rangeEnd(5, 1)).toHaveValue('14:00');
  await expect(settings.day(6).locator('.range-item')).toHaveCount(0);
  // The bin removes Friday's afternoon.
  await settings.removeRange(5, 2);
  await expect(settings.day(5).locator('.range-item')).toHaveCount(1);
  await settings.submit();
  await expect(settings.editor).toHaveCount(0);

  const row = settings.row('Limpieza facial');
  await expect(row).toContainText('lun–jue 10:00–14:00, 15:00–19:00 · vie 10:00–14:00');
  const [saved] = must(await api.invoke('schedules.list', { staffId: ana.id }));
  expect(saved).toMatchObject({ durationMin: 45, leadTimeMin: 2 * 24 * 60, serviceIds: [facial.id] });
  expect(saved?.ranges).toHaveLength(9);

  // Active off, and back on.
  await settings.setActive('Limpieza facial', false);
  await expect.poll(async () => must(await api.invoke('schedules.list', { includeInactive: true }))[0]?.active).toBe(false);
  await settings.setActive('Limpieza facial', true);
  await expect.poll(async () => must(await api.invoke('schedules.list', {}))[0]?.active).toBe(true);

  // Different hours on one date: an overlapping second range is refused beside it; fixed, it is saved.
  const date = dayFromToday(5);
  await settings.addException('Ana Ruiz', date, {
    ranges: [
      { start: '10:00', end: '12:00' },
      { start: '11:00', end: '13:00' },
    ],
    schedule: 'Limpieza facial',
  });
  await expect(settings.exceptionRangeItem(2)).toContainText(errorMessages.es.overlapping_ranges);
  await expect(settings.exceptionRangeItem(1)).not.toContainText(errorMessages.es.overlapping_ranges);
  expect(must(await api.invoke('schedules.exceptions', { staffId: ana.id, from: dayFromToday(0), to: dayFromToday(30) }))).toEqual([]);
  await settings.exceptions.getByLabel('Inicio de la franja 2 del día', { exact: true }).fill('12:00');
  await settings.exceptions.getByRole('button', { name: 'Añadir excepción', exact: true }).click();
  const item = settings.exceptionList('Ana Ruiz').getByRole('listitem', { name: longDate(date) });
  await expect(item).toContainText('Horario especial: 10:00–12:00, 12:00–13:00 · Limpieza facial');
  await settings.removeException(longDate(date));
  await expect(item).toHaveCount(0);
  expect(must(await api.invoke('schedules.exceptions', { staffId: ana.id, from: dayFromToday(0), to: dayFromToday(30) }))).toEqual([]);
});
