import type { Page } from '@playwright/test';
import type { ApiHost } from '../../src-main/api/open-api';
import { es } from '../../src-renderer/i18n/es';
import { errorMessages } from '../../src-shared/i18n/errors';
import { dayFromToday, localTimeOf } from '../helpers/agenda-fixtures';
import { expect, test } from './fixtures';
import { AgendaPage } from './pages/agenda-page';
import { AppointmentDialog, AppointmentPanel } from './pages/appointment-dialog';
import { CheckoutPage, ReceiptPage } from './pages/checkout-page';
import { OccurrencePanel } from './pages/occurrence-panel';

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** An amount as es-ES shows it ("80,00 €", with a no-break space). */
function eur(amount: string): RegExp {
  return new RegExp(`${amount.replace(/[.]/g, '\\.')}\\s€`);
}

/** An error message of the API, as a pattern. */
function said(code: keyof typeof errorMessages.es): RegExp {
  return new RegExp(errorMessages.es[code].replace(/[.()?]/g, '\\$&'));
}

/**
 * A studio: Ana teaches Pilates (a class a week away, redeemable with passes) and cuts hair by
 * appointment. It sells a 10-class pass; VERANO takes 20 % off haircuts. Pedro is blacklisted.
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
      ranges: week.flatMap((weekday) => [
        { weekday, start: '09:00', end: '14:00' },
        { weekday, start: '16:00', end: '20:00' },
      ]),
    }),
  );
  const pass = must(
    await api.invoke('passProducts.create', { name: 'Bono 10 clases', credits: 10, sessionTypeIds: [pilates.id], serviceIds: [], validity: { kind: 'days', days: 90 }, priceMinor: 8000 }),
  );
  must(await api.invoke('promos.create', { code: 'VERANO', kind: 'percent', value: 20, serviceIds: [cut.id] }));
  const lucia = must(await api.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz', phone: '612 34 56 78' })).client;
  const marta = must(await api.invoke('clients.create', { firstName: 'Marta', lastName: 'Díaz', phone: '632 34 56 78' })).client;
  const pedro = must(await api.invoke('clients.create', { firstName: 'Pedro', lastName: 'Sanz', phone: '622 34 56 78' })).client;
  must(await api.invoke('clients.setBlacklist', { id: pedro.id, blacklisted: true, reason: 'Impagos' }));
  const day = dayFromToday(8);
  const { series } = must(
    await api.invoke('series.create', { title: 'Pilates mañana', organizerId: ana.id, sessionTypeId: pilates.id, redeemableWithPasses: true, startDate: day, startTime: '10:00', durationMin: 55, places: 8 }),
  );
  return { ana, pilates, cut, pass, lucia, marta, pedro, day, series };
}

/** What is left on a client's passes (not plans): the ledger's sum. */
async function passBalance(api: ApiHost, clientId: string): Promise<number> {
  return must(await api.invoke('passes.ofClient', { clientId }))
    .filter((p) => p.kind === 'pass')
    .reduce((sum, p) => sum + p.balance, 0);
}

/** Opens a session's panel from the team view of its day. */
async function openSession(page: Page, date: string, title: string): Promise<OccurrencePanel> {
  const agenda = new AgendaPage(page);
  await agenda.open();
  await agenda.switchTo('team');
  await agenda.teamDay(date);
  await agenda.teamColumn('Ana Ruiz').getByRole('button', { name: new RegExp(`^${title}`) }).click();
  const panel = new OccurrencePanel(page, title);
  await expect(panel.panel).toBeVisible();
  return panel;
}

test('the desk sells a 10-class pass; a class booked with it spends a credit, a cancellation in time gives it back, a late no-show forfeits it', async ({ page, api }) => {
  const { ana, pilates, lucia, day } = await arrange(api);
  const checkout = new CheckoutPage(page);
  const receipt = new ReceiptPage(page);

  // Caja: Lucía buys the pass, paid in cash; the first payment starts at the total.
  await checkout.open();
  await checkout.chooseClient('Lucía', 'Lucía Muñoz');
  await checkout.add('Bono 10 clases');
  await expect(checkout.line('Bono 10 clases')).toContainText(eur('80,00'));
  await expect(checkout.total('Total')).toHaveText(eur('80,00'));
  await expect(checkout.payments.getByLabel(/^Importe 1 /)).toHaveValue('80,00');
  await checkout.pay(1, 'cash');
  await checkout.charge();
  await expect(page).toHaveURL(/#\/checkout\/recibo\//);
  await expect(receipt.heading).toHaveText(/^Factura simplificada n\.º FS-[0-9A-Z]{4}-\d{4}-1$/);
  await expect(receipt.sheet).toContainText('Cliente: Lucía Muñoz');
  await expect(receipt.sheet).toContainText('Bono 10 clases');
  await expect(receipt.sheet.locator('.sale-total dd')).toHaveText(eur('80,00'));
  await expect(receipt.sheet).toContainText('Efectivo');
  expect(await passBalance(api, lucia.id)).toBe(10);

  // The class a week away: "Canjear bono" is on by default, the credit is spent with the booking.
  const panel = await openSession(page, day, 'Pilates mañana');
  await expect(panel.panel.getByRole('checkbox', { name: 'Canjear bono' })).toBeChecked();
  await panel.book('Lucía', 'Lucía Muñoz');
  await expect(panel.booking('Lucía Muñoz')).toContainText('Bono canjeado');
  await expect.poll(() => passBalance(api, lucia.id)).toBe(9);

  // Cancelled days ahead, well inside the window: the credit comes back.
  await panel.cancelBooking('Lucía Muñoz');
  await expect(panel.cancelled).toContainText('Crédito devuelto');
  await expect.poll(() => passBalance(api, lucia.id)).toBe(10);
  await panel.close();

  // A class starting soon (inside the 12-hour window): booked with the pass, then a no-show forfeits the credit.
  const now = localTimeOf(new Date());
  const minutes = Number(now.slice(0, 2)) * 60 + Number(now.slice(3, 5));
  test.skip(minutes > 23 * 60 + 20, 'Too close to midnight for a class later today');
  const start = Math.ceil((minutes + 30) / 5) * 5;
  const startTime = `${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')}`;
  const today = dayFromToday(0);
  must(
    await api.invoke('series.create', { title: 'Pilates exprés', organizerId: ana.id, sessionTypeId: pilates.id, redeemableWithPasses: true, startDate: today, startTime, durationMin: 20, places: 8 }),
  );
  const late = await openSession(page, today, 'Pilates exprés');
  await late.book('Lucía', 'Lucía Muñoz');
  await expect(late.booking('Lucía Muñoz')).toContainText('Bono canjeado');
  await expect.poll(() => passBalance(api, lucia.id)).toBe(9);
  await late.noShow('Lucía Muñoz');
  await expect(late.booking('Lucía Muñoz')).toContainText('No asistió');
  await expect(late.booking('Lucía Muñoz')).toContainText('Crédito perdido');
  expect(await passBalance(api, lucia.id)).toBe(9);
  const [held] = must(await api.invoke('passes.ofClient', { clientId: lucia.id }));
  const ledger = must(await api.invoke('passes.ledger', { passId: held!.id }));
  expect(ledger.map((e) => [e.kind, e.delta])).toEqual([
    ['sale', 10],
    ['redemption', -1],
    ['refund', 1],
    ['redemption', -1],
  ]);
});

test('a promo code at checkout on a haircut, two payments, the receipt printed and then voided', async ({ page, api }) => {
  await arrange(api);
  const checkout = new CheckoutPage(page);
  const receipt = new ReceiptPage(page);

  await checkout.open();
  await checkout.chooseClient('Marta', 'Marta Díaz');
  await checkout.add('Corte de pelo');
  await expect(checkout.total('Total')).toHaveText(eur('25,00'));

  // An unknown code is refused beside the field; the sale stays priced without it.
  await checkout.applyPromo('NOEXISTE');
  await expect(checkout.fieldErrors).toHaveText(said('promo_unknown'));
  await expect(checkout.total('Total')).toHaveText(eur('25,00'));

  // VERANO, typed in lower case: 20 % off the haircut.
  await checkout.applyPromo('verano');
  await expect(checkout.fieldErrors).toHaveCount(0);
  await expect(checkout.total('Subtotal')).toHaveText(eur('25,00'));
  await expect(checkout.totals).toContainText('Descuento promocional');
  await expect(checkout.total('Total')).toHaveText(eur('20,00'));
  await expect(checkout.line('Corte de pelo')).toContainText(eur('20,00'));

  // Half by card, the rest in cash: the second payment starts at what is left.
  await checkout.pay(1, 'card', '10');
  await expect(checkout.payments).toContainText(/Queda por cobrar: 10,00\s€/);
  await checkout.addPayment();
  await expect(checkout.payments.getByLabel(/^Importe 2 /)).toHaveValue('10,00');
  await checkout.pay(2, 'cash');
  await expect(checkout.payments).toContainText('Los pagos cubren el total.');
  await checkout.charge();

  await expect(receipt.heading).toHaveText(/^Factura simplificada n\.º FS-[0-9A-Z]{4}-\d{4}-1$/);
  await expect(receipt.sheet).toContainText('Corte de pelo');
  await expect(receipt.sheet).toContainText(/Promoción VERANO −5,00\s€/i);
  await expect(receipt.sheet).toContainText('Tarjeta');
  await expect(receipt.sheet).toContainText('Efectivo');
  await expect(receipt.sheet.locator('.sale-total dd')).toHaveText(eur('20,00'));

  // Imprimir uses the browser's print in the browser host.
  await page.evaluate(() => {
    const w = globalThis as unknown as { printed: number; print: () => void };
    w.printed = 0;
    w.print = () => {
      w.printed += 1;
    };
  });
  await receipt.print();
  expect(await page.evaluate(() => (globalThis as unknown as { printed: number }).printed)).toBe(1);

  // Voided with a reason: never deleted; its corrective invoice is shown, referring to the original; listed as voided.
  await receipt.void('Cobrado por error');
  await expect(receipt.voided).toContainText('Motivo: Cobrado por error');
  await expect(receipt.heading).toHaveText(/^Factura rectificativa n\.º R-[0-9A-Z]{4}-\d{4}-1$/);
  await expect(receipt.sheet).toContainText(/Rectifica la factura FS-[0-9A-Z]{4}-\d{4}-1/);
  await expect(receipt.sheet).toContainText('Motivo de la rectificación: Cobrado por error');
  await expect(page.getByRole('button', { name: 'Anular venta' })).toHaveCount(0);
  await checkout.open();
  await expect(checkout.sales.getByRole('row').filter({ has: page.getByRole('link', { name: /^Abrir el recibo n\.º [0-9A-Z]{4}-1$/ }) })).toContainText('Anulada');
  await expect(checkout.sales.getByRole('row').filter({ has: page.getByRole('link', { name: /^Abrir el recibo n\.º [0-9A-Z]{4}-1$/ }) })).toContainText('Marta Díaz');
});

test('a blacklisted client is refused in a session and an appointment, and flagged at checkout', async ({ page, api }) => {
  const { pedro, day, series } = await arrange(api);

  // A session: said beside his name before any click, and his button does nothing; nothing booked.
  const panel = await openSession(page, day, 'Pilates mañana');
  await panel.panel.getByRole('searchbox', { name: es.occurrence.bookSearch }).fill('Pedro');
  const results = panel.panel.getByRole('list', { name: es.occurrence.bookResults });
  await expect(results).toContainText(es.restrictions.blacklisted);
  await expect(results.getByRole('button', { name: 'Reservar a Pedro Sanz' })).toHaveAttribute('aria-disabled', 'true');
  await results.getByRole('button', { name: 'Reservar a Pedro Sanz' }).dispatchEvent('click');
  await expect(panel.bookings.getByRole('listitem')).toHaveCount(0);
  await panel.close();
  const occurrence = must(await api.invoke('agenda.range', { from: day, to: day })).occurrences.find((o) => o.seriesId === series.id);
  expect(must(await api.invoke('sessions.get', { occurrenceId: occurrence!.id })).bookings).toHaveLength(0);
  // The API refuses him whatever the screen shows.
  expect(await api.invoke('sessions.book', { occurrenceId: occurrence!.id, clientId: pedro.id })).toMatchObject({ ok: false, error: { code: 'client_blacklisted' } });

  // An appointment: the picker marks him and will not choose him.
  const agenda = new AgendaPage(page);
  await agenda.teamView.getByRole('button', { name: 'Agendar cita con Ana Ruiz' }).click();
  const dialog = new AppointmentDialog(page);
  await dialog.dialog.getByRole('searchbox', { name: es.appointments.clientSearch }).fill('Pedro');
  await expect(dialog.dialog.getByRole('button', { name: es.appointments.chooseClientFor.replace('{{name}}', 'Pedro Sanz') })).toHaveAttribute('aria-disabled', 'true');
  expect(must(await api.invoke('clients.history', { clientId: pedro.id })).appointments).toHaveLength(0);
  await page.keyboard.press('Escape');

  // Checkout flags him plainly, with the reason; the sale goes through only once the desk confirms.
  const checkout = new CheckoutPage(page);
  await checkout.open(`?cliente=${pedro.id}`);
  const flag = checkout.sale.getByRole('alert').filter({ hasText: 'Cliente en lista negra' });
  await expect(flag).toContainText('Motivo: Impagos');
  await checkout.add('Corte de pelo');
  await expect(checkout.total('Total')).toHaveText(eur('25,00'));
  await checkout.charge();
  await expect(checkout.fieldErrors).toHaveText(said('client_blacklisted'));
  expect(must(await api.invoke('sales.list', { from: dayFromToday(0), to: dayFromToday(0) }))).toHaveLength(0);
  await flag.getByRole('checkbox', { name: 'Cobrar igualmente a este cliente' }).check();
  await checkout.charge();
  await expect(new ReceiptPage(page).heading).toHaveText(/^Factura simplificada n\.º FS-[0-9A-Z]{4}-\d{4}-1$/);
});

test('a plan covers an appointment: told when booking, paid with the plan, charged at 0; a pending credit is redeemed from the Caja', async ({ page, api }) => {
  const { cut, pass, lucia, marta, day, series } = await arrange(api);
  const plan = must(await api.invoke('planProducts.create', { name: 'Plan cuidado', items: [{ serviceId: cut.id, quantity: 2 }], validityDays: 60, priceMinor: 4000 }));
  must(await api.invoke('checkout.commit', { clientId: lucia.id, lines: [{ kind: 'plan', planProductId: plan.id }, { kind: 'pass', passProductId: pass.id }], payments: [{ method: 'card', amountMinor: 12000 }] }));

  // Booking Lucía's haircut: the plan covers it, "Pagar con bono/plan" is on.
  const agenda = new AgendaPage(page);
  await agenda.open();
  await agenda.switchTo('team');
  await agenda.teamDay(day);
  await agenda.teamView.getByRole('button', { name: 'Agendar cita con Ana Ruiz' }).click();
  const dialog = new AppointmentDialog(page);
  await dialog.chooseClient('Lucía', 'Lucía Muñoz');
  await dialog.goTo(day);
  await expect(dialog.coverage()).toContainText('Cubierto por el plan Plan cuidado.');
  await expect(dialog.dialog.getByRole('checkbox', { name: 'Pagar con bono/plan' })).toBeChecked();
  // (Ana teaches Pilates at 10:00 that day.)
  await dialog.pick('12:00');
  await dialog.confirm();
  await expect(dialog.dialog).toBeHidden();

  // Marta has no plan: told what is left to pay.
  await agenda.teamView.getByRole('button', { name: 'Agendar cita con Ana Ruiz' }).click();
  await dialog.chooseClient('Marta', 'Marta Díaz');
  await expect(dialog.coverage()).toContainText(/No lo cubre ningún plan ni bono: a pagar 25,00\s€/);
  await page.keyboard.press('Escape');

  // Its panel: the credit redeemed; Cobrar opens the Caja with the haircut, paid by the plan.
  await agenda.teamAppointment('Corte de pelo', 'Lucía Muñoz').click();
  const panel = new AppointmentPanel(page, 'Corte de pelo · Lucía Muñoz');
  await expect(panel.panel).toContainText('Bono canjeado');
  await panel.charge();
  const checkout = new CheckoutPage(page);
  await expect(checkout.sale).toContainText('Cobro de la cita: Corte de pelo');
  await expect(checkout.line('Corte de pelo')).toContainText('Lo paga el plan Plan cuidado');
  await expect(checkout.total('Total')).toHaveText(eur('0,00'));
  await checkout.charge();
  const receipt = new ReceiptPage(page);
  await expect(receipt.heading).toHaveText(/^Recibo n\.º [0-9A-Z]{4}-2$/);
  // Nothing charged: no invoice, and the receipt says so.
  await expect(receipt.sheet).toContainText('Sin importe cobrado: no se expide factura.');
  await expect(receipt.sheet).toContainText(/Plan −25,00\s€/);
  expect(must(await api.invoke('passes.ofClient', { clientId: marta.id }))).toHaveLength(0);

  // A class the desk booked for Lucía without spending the credit: pending, redeemed from the Caja.
  const occurrence = must(await api.invoke('agenda.range', { from: day, to: day })).occurrences.find((o) => o.seriesId === series.id);
  must(await api.invoke('sessions.book', { occurrenceId: occurrence!.id, clientId: lucia.id }));
  await checkout.open();
  const row = checkout.pending.getByRole('listitem').filter({ hasText: 'Lucía Muñoz' });
  await expect(row).toContainText('Pilates mañana');
  await row.getByRole('button', { name: /^Canjear el bono de Lucía Muñoz/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Crédito canjeado: Lucía Muñoz' })).toBeVisible();
  await expect(checkout.pending).toHaveCount(0);
  await expect.poll(() => passBalance(api, lucia.id)).toBe(9);
});
