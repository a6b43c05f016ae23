import type { ApiHost } from '../../src-main/api/open-api';
import { errorMessages } from '../../src-shared/i18n/errors';
import { addDays, dayFromToday } from '../helpers/agenda-fixtures';
import { expect, test } from './fixtures';
import { ClientCardPage } from './pages/client-card-page';
import { ClientPasses } from './pages/client-passes';
import { PassesSettings } from './pages/passes-settings';

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** A local date as the card shows it in Spanish ("12 ene 2027"). */
function shown(date: string): string {
  return new Intl.DateTimeFormat('es-ES', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** A pilates and hair studio: Pilates classes, a haircut and a colour; Lucía is a client. */
async function arrange(api: ApiHost) {
  const pilates = must(await api.invoke('sessionTypes.create', { name: 'Pilates', colour: '#3d85c6', defaultDurationMin: 60, defaultPlaces: 8 }));
  const cut = must(await api.invoke('services.create', { name: 'Corte de pelo', durationMin: 60, priceMinor: 2500 }));
  const colour = must(await api.invoke('services.create', { name: 'Tinte', durationMin: 90, priceMinor: 4000 }));
  const lucia = must(await api.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz', phone: '612 34 56 78' })).client;
  return { pilates, cut, colour, lucia };
}

test('the desk sets up a pass, a plan, a promo code and the credit rules in Ajustes', async ({ page, api }) => {
  const { pilates, cut, colour } = await arrange(api);
  const settings = new PassesSettings(page);
  await settings.open();

  // A pass that covers nothing is refused beside what it should cover; nothing is written.
  const form = await settings.fillNewPass({ name: 'Bono 10 clases', credits: 10, validity: { days: 90 }, price: '80,00' });
  await settings.submitNew(form, 'Crear bono');
  await expect(form.getByRole('group', { name: 'Tipos de sesión que cubre' }).locator('.field-error')).toHaveText(new RegExp(errorMessages.es.pass_covers_nothing));
  expect(must(await api.invoke('passProducts.list', { includeInactive: true }))).toHaveLength(0);
  await form.getByRole('checkbox', { name: 'Pilates', exact: true }).check();
  await settings.submitNew(form, 'Crear bono');
  await form.waitFor({ state: 'detached' });
  const passRow = settings.row(settings.passes, 'Bono 10 clases');
  await expect(passRow).toContainText('10 créditos · Pilates · 90 días desde la venta');
  await expect(passRow).toContainText(/80,00\s€/);
  const [pass] = must(await api.invoke('passProducts.list', {}));
  expect(pass).toMatchObject({ name: 'Bono 10 clases', credits: 10, sessionTypeIds: [pilates.id], serviceIds: [], validity: { kind: 'days', days: 90 }, priceMinor: 8000, active: true });

  // A plan of two haircuts and a colour, for 180 days.
  await settings.createPlan({
    name: 'Plan Novia',
    items: [
      { service: 'Corte de pelo', quantity: 2 },
      { service: 'Tinte', quantity: 1 },
    ],
    validityDays: 180,
    price: '120',
  });
  await expect(settings.row(settings.plans, 'Plan Novia')).toContainText('2 × Corte de pelo, 1 × Tinte · 180 días desde la venta');
  const [plan] = must(await api.invoke('planProducts.list', {}));
  expect(plan).toMatchObject({ name: 'Plan Novia', validityDays: 180, priceMinor: 12000, active: true });
  expect(plan?.items.map((i) => [i.serviceId, i.quantity])).toEqual([
    [cut.id, 2],
    [colour.id, 1],
  ]);

  // A promo code for haircuts, with limits and dates; the list shows its uses.
  const from = dayFromToday(0);
  const to = addDays(from, 60);
  await settings.createPromo({
    code: 'VERANO10',
    description: 'Verano: 10 % en cortes',
    kind: 'percent',
    value: '10',
    validFrom: from,
    validTo: to,
    maxUses: 100,
    maxUsesPerClient: 1,
    services: ['Corte de pelo'],
  });
  const promoRow = settings.row(settings.promos, 'VERANO10');
  await expect(promoRow).toContainText('10 % de descuento');
  await expect(promoRow).toContainText('0 de 100 usos');
  await expect(promoRow).toContainText('Corte de pelo');
  const [promo] = must(await api.invoke('promos.list', {}));
  expect(promo).toMatchObject({ code: 'VERANO10', kind: 'percent', value: 10, validFrom: from, validTo: to, maxUses: 100, maxUsesPerClient: 1, serviceIds: [cut.id], uses: 0 });

  // The same code in other letters is refused beside the code.
  const again = await settings.fillNewPromo({ code: 'verano10', kind: 'amount', value: '5,00' });
  await settings.submitNew(again, 'Crear código');
  await expect(again.locator('.field-error')).toHaveText(new RegExp(errorMessages.es.duplicate_code));
  expect(must(await api.invoke('promos.list', { includeInactive: true }))).toHaveLength(1);
  await again.getByRole('button', { name: 'Cancelar', exact: true }).click();

  // Credits: a 24-hour window, and a no-show keeps the credit.
  await settings.setCreditPolicy({ hours: 24, lateCancelForfeits: true, noShowForfeits: false });
  await expect(page.getByText('Reglas de créditos guardadas.')).toBeVisible();
  expect(must(await api.invoke('creditPolicy.get', {}))).toEqual({ cancelWindowHours: 24, lateCancelForfeits: true, noShowForfeits: false });
});

test("on the card: a pass sold at checkout with its ledger, an adjustment, a promotion by code, the habits and what is left to book", async ({ page, api }) => {
  const { pilates, cut, lucia } = await arrange(api);
  const bono = must(
    await api.invoke('passProducts.create', { name: 'Bono 10 clases', credits: 10, sessionTypeIds: [pilates.id], serviceIds: [], validity: { kind: 'days', days: 90 }, priceMinor: 8000 }),
  );
  const plan = must(await api.invoke('planProducts.create', { name: 'Plan Corte', items: [{ serviceId: cut.id, quantity: 3 }], validityDays: 180, priceMinor: 6000 }));
  must(await api.invoke('promos.create', { code: 'BIENVENIDA', description: 'Primera visita', kind: 'percent', value: 15 }));
  // Sold at the desk: the pass paid in cash, then the plan by card.
  must(await api.invoke('checkout.commit', { clientId: lucia.id, lines: [{ kind: 'pass', passProductId: bono.id }], payments: [{ method: 'cash', amountMinor: 8000 }] }));
  must(await api.invoke('checkout.commit', { clientId: lucia.id, lines: [{ kind: 'plan', planProductId: plan.id }], payments: [{ method: 'card', amountMinor: 6000 }] }));

  const card = new ClientCardPage(page);
  const passes = new ClientPasses(page);
  await page.goto(`/#/clients/${lucia.id}`);
  await expect(card.heading).toHaveText('Lucía Muñoz');

  // The header's habits come from the two sales.
  await expect(passes.habit('averageSpend')).toContainText(/70,00\s€/);
  await expect(passes.habit('averageSpend')).toContainText('2 ventas');
  await expect(passes.habit('futureBookings')).toHaveText('0');
  await expect(passes.habit('lastVisit')).toHaveText('Nunca');

  // The pass: 10 of 10, valid 90 days from today, sold (+10) in its ledger with the receipt (tab "Bonos y planes").
  await card.openTab('Bonos y planes');
  const row = passes.pass('Bono 10 clases');
  await expect(row).toContainText('10/10');
  await expect(row).toContainText(`válido hasta el ${shown(addDays(dayFromToday(0), 89))}`);
  const ledger = await passes.toggleLedger('Bono 10 clases');
  await expect(ledger.getByRole('row')).toHaveCount(2);
  await expect(ledger.getByRole('row').nth(1)).toContainText('Venta');
  await expect(ledger.getByRole('row').nth(1)).toContainText('+10');
  await expect(ledger.getByRole('link', { name: 'Ver recibo' })).toBeVisible();

  // Adjust −1 with a reason: 9 of 10, and the movement says why.
  await passes.adjust('Bono 10 clases', -1, 'Clase de prueba descontada');
  await expect(passes.dialog).toHaveCount(0);
  await expect(row).toContainText('9/10');
  await expect(ledger.getByRole('row')).toHaveCount(3);
  await expect(ledger.getByRole('row').nth(2)).toContainText('Ajuste manual');
  await expect(ledger.getByRole('row').nth(2)).toContainText('−1');
  await expect(ledger.getByRole('row').nth(2)).toContainText('Clase de prueba descontada');
  const held = must(await api.invoke('passes.ofClient', { clientId: lucia.id })).find((p) => p.kind === 'pass');
  expect(held).toMatchObject({ balance: 9, creditsTotal: 10 });

  // "Por reservar": the pass (classes, in the agenda) and the plan's haircuts (the booking dialog).
  await expect(passes.toScheduleItem('Bono 10 clases')).toContainText('quedan 9 sin reservar');
  await expect(passes.toScheduleItem('Bono 10 clases').getByRole('link', { name: 'Agendar: las clases de Bono 10 clases en la agenda' })).toHaveAttribute('href', '#/agenda');
  const haircuts = passes.toSchedule.getByRole('listitem').filter({ hasText: 'Corte de pelo' });
  await expect(haircuts).toContainText('quedan 3 sin reservar');
  await haircuts.getByRole('button', { name: /^Agendar / }).click();
  await expect(page.getByRole('dialog', { name: 'Agendar cita para Lucía Muñoz' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // An unknown code is refused beside the code field; the real one, typed in lower case, is attached.
  await passes.attachPromo('NOEXISTE');
  await expect(passes.promoCodeError()).toHaveText(new RegExp(errorMessages.es.promo_unknown));
  await passes.attachPromo('bienvenida');
  await expect(passes.dialog).toHaveCount(0);
  await card.openTab('Promociones');
  await expect(passes.promotions.getByRole('listitem').filter({ hasText: 'BIENVENIDA' })).toContainText('15 % de descuento');
  expect(must(await api.invoke('promos.ofClient', { clientId: lucia.id })).map((p) => p.promo.code)).toEqual(['BIENVENIDA']);

  // "Cobrar" opens the checkout for her.
  await expect(card.actions.getByRole('link', { name: 'Cobrar a Lucía Muñoz o venderle un bono' })).toHaveAttribute('href', `#/checkout?cliente=${lucia.id}`);
});

test('a class the desk booked waits for its credit on the card, and "Canjear" spends one', async ({ page, api }) => {
  const { pilates, lucia } = await arrange(api);
  const ana = must(await api.invoke('staff.create', { name: 'Ana Ruiz', role: 'professional' }));
  const bono = must(
    await api.invoke('passProducts.create', { name: 'Bono 10 clases', credits: 10, sessionTypeIds: [pilates.id], serviceIds: [], validity: { kind: 'days', days: 90 }, priceMinor: 8000 }),
  );
  must(await api.invoke('checkout.commit', { clientId: lucia.id, lines: [{ kind: 'pass', passProductId: bono.id }], payments: [{ method: 'cash', amountMinor: 8000 }] }));
  const day = dayFromToday(3);
  const series = must(
    await api.invoke('series.create', {
      title: 'Pilates suelo',
      organizerId: ana.id,
      sessionTypeId: pilates.id,
      startDate: day,
      startTime: '10:00',
      durationMin: 60,
      places: 8,
      redeemableWithPasses: true,
    }),
  );
  const occurrence = must(await api.invoke('agenda.range', { from: day, to: day })).occurrences.find((o) => o.seriesId === series.series.id);
  if (!occurrence) throw new Error('no occurrence');
  const booking = must(await api.invoke('sessions.book', { occurrenceId: occurrence.id, clientId: lucia.id }));
  expect(booking.creditState).toBe('pending');

  const passes = new ClientPasses(page);
  // The address opens the card on a tab (the one a reload keeps).
  await page.goto(`/#/clients/${lucia.id}?pestana=bonos`);
  await expect(passes.habit('futureBookings')).toHaveText('1');
  const pending = passes.pendingItem('Pilates suelo');
  await expect(pending).toBeVisible();
  await pending.getByRole('button', { name: /^Canjear un crédito para Pilates suelo/ }).click();
  await expect(passes.pending.getByText('No hay reservas pendientes de canjear.')).toBeVisible();
  await expect(passes.pass('Bono 10 clases')).toContainText('9/10');
  const ledger = await passes.toggleLedger('Bono 10 clases');
  await expect(ledger.getByRole('row').nth(2)).toContainText('Canje');
  expect(must(await api.invoke('passes.pending', { clientId: lucia.id }))).toHaveLength(0);
});
