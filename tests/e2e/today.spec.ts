import { es } from '../../src-renderer/i18n/es';
import { expect, test } from './fixtures';
import { TodayBoardPage } from './pages/today-page';

const zone = 'Europe/Madrid';
const minute = 60_000;

test.use({ viewport: { width: 1366, height: 768 } });

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** A Madrid local date and HH:MM of an instant. */
function local(instant: Date): { date: string; time: string; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** The next whole five minutes at least `ahead` minutes from now. */
function roundedAhead(ahead: number): Date {
  const at = Date.now() + ahead * minute;
  return new Date(Math.ceil(at / (5 * minute)) * 5 * minute);
}

test('the app opens on Hoy: everyone expected today in time order, a status in one click each, late arrivals and flags shown, refreshing by itself', async ({ page, api }) => {
  // Everything has to fit in today, in Madrid: a class 45 minutes ahead and the board seen 25 minutes ahead.
  test.skip(local(new Date()).minutes > 23 * 60 + 5 || local(roundedAhead(50)).date !== local(new Date()).date, 'too close to midnight in Madrid');

  const ana = must(await api.invoke('staff.create', { name: 'Ana Ruiz', role: 'professional' }));
  const corte = must(await api.invoke('services.create', { name: 'Corte de pelo', durationMin: 30, priceMinor: 2500 }));
  const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
  must(await api.invoke('schedules.create', { staffId: ana.id, name: 'Peluquería', durationMin: 30, serviceIds: [corte.id], ranges: allDay }));
  const lucia = must(await api.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz', phone: '612 34 56 78', notes: 'Alergia al látex' })).client;
  const pedro = must(await api.invoke('clients.create', { firstName: 'Pedro', lastName: 'Sanz', phone: '612 34 56 79' })).client;
  const marta = must(await api.invoke('clients.create', { firstName: 'Marta', lastName: 'Gil', phone: '612 34 56 80' })).client;

  // Marta's appointment starts in ten minutes; the class in 45.
  const appointmentAt = roundedAhead(10);
  const appointment = must(await api.invoke('appointments.book', { clientId: marta.id, staffId: ana.id, serviceId: corte.id, startsAt: appointmentAt.toISOString(), override: true }));
  const classAt = roundedAhead(45);
  const { date: today, time: classTime } = local(classAt);
  const { series } = must(await api.invoke('series.create', { title: 'Pilates', organizerId: ana.id, startDate: today, startTime: classTime, durationMin: 60, places: 6 }));
  const occurrence = must(await api.invoke('agenda.range', { from: today, to: today })).occurrences.find((o) => o.seriesId === series.id)!;
  const luciaBooking = must(await api.invoke('sessions.book', { occurrenceId: occurrence.id, clientId: lucia.id }));
  must(await api.invoke('sessions.book', { occurrenceId: occurrence.id, clientId: pedro.id }));

  // The desk looks at the board 25 minutes from now: Marta is late.
  await page.clock.setFixedTime(new Date(Date.now() + 25 * minute));
  const board = new TodayBoardPage(page);
  await page.goto('/');
  await expect(board.heading).toBeVisible();
  await expect(board.navLink).toHaveAttribute('aria-current', 'page');
  const rows = board.list.getByRole('listitem');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Marta Gil');
  await expect(rows.nth(1)).toContainText('Lucía Muñoz');
  await expect(rows.nth(2)).toContainText('Pedro Sanz');
  await expect(rows.nth(0)).toContainText(local(appointmentAt).time);
  await expect(rows.nth(1)).toContainText(classTime);

  // The late arrival stands out; the others do not.
  await expect(board.row('Marta Gil')).toHaveClass(/today-late/);
  await expect(board.row('Marta Gil')).toContainText(es.today.late);
  await expect(board.row('Lucía Muñoz')).not.toHaveClass(/today-late/);
  await expect(page.getByText(es.today.counts.late.replace('{{count}}', '1'))).toBeVisible();

  // Flags: Lucía's allergy note and first visit.
  const luciaRow = board.row('Lucía Muñoz');
  await expect(luciaRow.getByText(es.today.flags.notes)).toHaveAttribute('title', 'Alergia al látex');
  await expect(luciaRow.getByText(es.today.flags.firstVisit)).toBeVisible();
  await expect(luciaRow.getByText(es.today.flags.unpaid)).toHaveCount(0);
  // Quick actions: WhatsApp, the card, and Cobrar with the booking.
  await expect(luciaRow.getByRole('button', { name: es.whatsapp.label.replace('{{name}}', 'Lucía Muñoz') })).toBeVisible();
  await expect(luciaRow.getByRole('link', { name: es.today.actions.cardFor.replace('{{name}}', 'Lucía Muñoz') })).toHaveAttribute('href', `#/clients/${lucia.id}`);
  await expect(luciaRow.getByRole('link', { name: es.today.actions.chargeFor.replace('{{name}}', 'Lucía Muñoz') })).toHaveAttribute(
    'href',
    `#/checkout?reserva=${luciaBooking.id}`,
  );
  await expect(board.statusButton('Lucía Muñoz', 'expected')).toHaveAttribute('aria-pressed', 'true');

  // Arrived → in service → done: one click each.
  await board.statusButton('Lucía Muñoz', 'arrived').click();
  await expect(board.statusButton('Lucía Muñoz', 'arrived')).toHaveAttribute('aria-pressed', 'true');
  await expect(luciaRow.getByText(es.today.flags.unpaid)).toBeVisible();
  await board.statusButton('Lucía Muñoz', 'in_service').click();
  await expect(board.statusButton('Lucía Muñoz', 'in_service')).toHaveAttribute('aria-pressed', 'true');
  await board.statusButton('Lucía Muñoz', 'done').click();
  await expect(board.statusButton('Lucía Muñoz', 'done')).toHaveAttribute('aria-pressed', 'true');
  await expect(luciaRow).toHaveAttribute('data-status', 'done');

  // Pedro does not come.
  await board.statusButton('Pedro Sanz', 'no_show').click();
  await expect(board.statusButton('Pedro Sanz', 'no_show')).toHaveAttribute('aria-pressed', 'true');

  const saved = must(await api.invoke('today.board', {})).entries;
  expect(saved.map((e) => [e.clientName, e.status])).toEqual([
    ['Marta Gil', 'expected'],
    ['Lucía Muñoz', 'done'],
    ['Pedro Sanz', 'no_show'],
  ]);

  // Another desk checks Marta in: the board follows without a reload, and she is no longer late.
  must(await api.invoke('appointments.setStatus', { appointmentId: appointment.id, status: 'attended' }));
  await expect(board.statusButton('Marta Gil', 'arrived')).toHaveAttribute('aria-pressed', 'true');
  await expect(board.row('Marta Gil')).not.toHaveClass(/today-late/);

  // A screenshot of the board at a reception PC's size (git-ignored).
  await page.screenshot({ path: 'test-results/screenshots/today-1366x768.png', fullPage: false });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(board.row('Marta Gil')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/today-1920x1080.png', fullPage: false });
});

test('check in from the quick action, and cancel an expected appointment', async ({ page, api }) => {
  test.skip(local(new Date()).minutes > 23 * 60 + 20, 'too close to midnight in Madrid');
  const ana = must(await api.invoke('staff.create', { name: 'Ana Ruiz', role: 'professional' }));
  const corte = must(await api.invoke('services.create', { name: 'Corte de pelo', durationMin: 30, priceMinor: 2500 }));
  const eva = must(await api.invoke('clients.create', { firstName: 'Eva', lastName: 'Luna', phone: '612 34 56 81' })).client;
  const rosa = must(await api.invoke('clients.create', { firstName: 'Rosa', lastName: 'Vega' })).client;
  must(await api.invoke('appointments.book', { clientId: eva.id, staffId: ana.id, serviceId: corte.id, startsAt: roundedAhead(20).toISOString(), override: true }));
  const rosaAppointment = must(await api.invoke('appointments.book', { clientId: rosa.id, staffId: ana.id, serviceId: corte.id, startsAt: roundedAhead(30).toISOString(), override: true }));

  const board = new TodayBoardPage(page);
  await board.open();
  await board.row('Eva Luna').getByRole('button', { name: es.today.actions.checkInFor.replace('{{name}}', 'Eva Luna') }).click();
  await expect(board.statusButton('Eva Luna', 'arrived')).toHaveAttribute('aria-pressed', 'true');
  // No phone: no WhatsApp, said so.
  await expect(board.row('Rosa Vega')).toContainText(es.notifications.noPhone);

  // The WhatsApp button opens with the reminder template filled in.
  const whatsapp = board.row('Eva Luna').getByRole('button', { name: es.whatsapp.label.replace('{{name}}', 'Eva Luna') });
  const url = new URL((await whatsapp.getAttribute('data-href'))!);
  expect(url.searchParams.get('text')).toMatch(/^Hola Eva Luna, te recordamos tu cita de Corte de pelo con Ana Ruiz el .+ a las \d\d:\d\d\./);

  // "Cancelada" asks first, in the app's own dialog: Volver keeps it, the confirmation cancels.
  await board.statusButton('Rosa Vega', 'cancelled').click();
  const confirm = page.getByRole('dialog', { name: es.today.confirmCancel.replace('{{name}}', 'Rosa Vega') });
  await confirm.getByRole('button', { name: 'Volver' }).click();
  await expect(confirm).toBeHidden();
  await expect(board.statusButton('Rosa Vega', 'expected')).toHaveAttribute('aria-pressed', 'true');
  await board.statusButton('Rosa Vega', 'cancelled').click();
  await confirm.getByRole('button', { name: es.today.confirmCancelButton }).click();
  await expect(board.statusButton('Rosa Vega', 'cancelled')).toHaveAttribute('aria-pressed', 'true');
  await expect(board.statusButton('Rosa Vega', 'expected')).toBeDisabled();
  expect(must(await api.invoke('appointments.get', { appointmentId: rosaAppointment.id })).status).toBe('cancelled');
});
