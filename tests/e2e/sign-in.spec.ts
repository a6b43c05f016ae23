import type { ApiHost } from '../../src-main/api/open-api';
import { es } from '../../src-renderer/i18n/es';
import { errorMessages } from '../../src-shared/i18n/errors';
import { dayFromToday } from '../helpers/agenda-fixtures';
import { expect, test } from './fixtures';
import { AgendaPage } from './pages/agenda-page';
import { AppShell } from './pages/app-shell';
import { CatalogueSettings, TeamPins } from './pages/catalogue-settings';
import { ReceiptPage } from './pages/checkout-page';
import { DeskBar } from './pages/desk-bar';
import { OccurrencePanel } from './pages/occurrence-panel';
import { ApprovalDialog, SignInScreen } from './pages/sign-in-screen';

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/**
 * A studio before PINs: Marta owns it, Rosa is at reception, Luis teaches Pilates, Pablo has no
 * PIN yet. Tomorrow Luis teaches Pilates at 10:00 and Marta Yoga at 12:00; Lucía bought a haircut.
 */
async function arrange(api: ApiHost) {
  const marta = must(await api.invoke('staff.create', { name: 'Marta García', role: 'owner', colour: '#e76f51' }));
  const rosa = must(await api.invoke('staff.create', { name: 'Rosa Pérez', role: 'reception', colour: '#3d85c6' }));
  const luis = must(await api.invoke('staff.create', { name: 'Luis Gómez', role: 'professional', colour: '#2a9d8f' }));
  must(await api.invoke('staff.create', { name: 'Pablo Núñez', role: 'professional', colour: '#8e6bbf' }));
  const lucia = must(await api.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz', phone: '612 34 56 78' })).client;
  const day = dayFromToday(1);
  must(await api.invoke('series.create', { title: 'Pilates suelo', organizerId: luis.id, startDate: day, startTime: '10:00', durationMin: 55, places: 8 }));
  must(await api.invoke('series.create', { title: 'Yoga suave', organizerId: marta.id, startDate: day, startTime: '12:00', durationMin: 60, places: 8 }));
  const cut = must(await api.invoke('services.create', { name: 'Corte de pelo', durationMin: 45, priceMinor: 2500 }));
  const sale = must(await api.invoke('checkout.commit', { clientId: lucia.id, lines: [{ kind: 'service', serviceId: cut.id }], payments: [{ method: 'card', amountMinor: 2500 }] }));
  return { marta, rosa, luis, lucia, day, sale };
}

test('PINs turned on in Ajustes: reception signs in, books, needs a manager to void a sale, locks the desk; the professional sees their own calendar', async ({ page, api }) => {
  const { rosa, day, sale } = await arrange(api);
  const app = new AppShell(page);
  const settings = new CatalogueSettings(page);
  const pins = new TeamPins(page);
  const bar = new DeskBar(page);
  const signIn = new SignInScreen(page);

  // Before any PIN, nobody is asked who they are.
  await settings.open();
  await expect(signIn.screen).toHaveCount(0);
  await expect(settings.staff).toContainText(es.staff.pinsOff);
  await settings.addStaff('Elena Ruiz', 'manager');
  await expect(pins.row('Elena Ruiz')).toContainText('Responsable · Sin PIN');

  // A reception PIN cannot be the first: someone must be able to manage the team.
  const refused = await pins.setPin('Rosa Pérez', '2222');
  await expect(refused.locator('.field-error')).toContainText(errorMessages.es.pin_owner_first);
  await refused.getByRole('button', { name: es.app.cancel }).click();

  // Typed twice; the owner's PIN turns sign-in on, and she goes on as herself.
  const mismatch = await pins.setPin('Marta García', '1234', '1243');
  await expect(mismatch.locator('.field-error')).toContainText(es.staff.pinMismatch);
  await mismatch.getByLabel(es.staff.pinRepeat, { exact: true }).fill('1234');
  await mismatch.getByRole('button', { name: es.staff.pinSave, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Inicio con PIN activado: has entrado como Marta García.' })).toBeVisible();
  await expect(bar.signedInAs('Marta García', 'owner')).toBeVisible();
  await expect(settings.staff).toContainText(es.staff.pinsOn);
  await (await pins.setPin('Rosa Pérez', '2222')).waitFor({ state: 'detached' });
  await (await pins.setPin('Luis Gómez', '3333')).waitFor({ state: 'detached' });
  await (await pins.setPin('Elena Ruiz', '4444')).waitFor({ state: 'detached' });
  await expect(pins.row('Rosa Pérez')).toContainText('Recepción · Con PIN');
  await expect(pins.row('Pablo Núñez')).toContainText('Sin PIN');

  // A new page load is a new session: the sign-in screen, the centre's name, the team.
  await page.reload();
  await expect(signIn.heading).toHaveText(es.signIn.title);
  await expect(signIn.screen).toContainText('Mi centro');
  await expect(signIn.member('Pablo Núñez')).toBeDisabled();
  await expect(signIn.member('Pablo Núñez')).toContainText(es.signIn.noPin);

  // A wrong PIN is refused beside the pad; the right one, typed on the keyboard, opens the app.
  await signIn.choose('Rosa Pérez');
  await signIn.tapPin('9999');
  await expect(signIn.padError).toContainText(errorMessages.es.pin_wrong);
  await expect(signIn.pin).toHaveValue('');
  await signIn.typePin('2222');
  await expect(signIn.screen).toHaveCount(0);
  await expect(bar.signedInAs('Rosa Pérez', 'reception')).toBeVisible();

  // Reception books Lucía into Luis's class.
  await app.goTo('agenda');
  const agenda = new AgendaPage(page);
  await agenda.switchTo('team');
  await agenda.teamDay(day);
  await agenda.teamColumn('Luis Gómez').getByRole('button', { name: /^Pilates suelo/ }).click();
  const panel = new OccurrencePanel(page, 'Pilates suelo');
  await panel.book('Lucía', 'Lucía Muñoz');
  await expect(panel.booking('Lucía Muñoz')).toBeVisible();
  await page.keyboard.press('Escape');

  // Voiding a sale is refused to reception: a manager's PIN authorises it on the spot.
  await app.goTo('checkout');
  await page.getByRole('link', { name: `Abrir el recibo n.º ${sale.series}-${sale.number}` }).click();
  const receipt = new ReceiptPage(page);
  await expect(receipt.heading).toHaveText(`Factura simplificada n.º ${sale.invoices[0]!.fullNumber}`);
  await page.getByRole('button', { name: es.checkout.void, exact: true }).click();
  const voidDialog = page.getByRole('dialog', { name: /^¿Anular la venta/ });
  await voidDialog.getByLabel(es.checkout.voidReason, { exact: true }).fill('Cobrado dos veces');
  await voidDialog.getByRole('button', { name: es.checkout.void, exact: true }).click();
  const approval = new ApprovalDialog(page);
  await expect(approval.dialog).toBeVisible();
  await expect(approval.dialog).toContainText(es.approval.text);
  await approval.approve('Elena Ruiz', '0000');
  await expect(approval.errors).toContainText(errorMessages.es.pin_wrong);
  await expect(receipt.voided).toHaveCount(0);
  await approval.approve('Elena Ruiz', '4444');
  await expect(approval.dialog).toHaveCount(0);
  await expect(voidDialog).toHaveCount(0);
  await expect(receipt.voided).toContainText('Motivo: Cobrado dos veces');
  await expect(receipt.heading).toHaveText(/^Factura rectificativa /);

  // The audit trail names who voided it and who approved it.
  const elena = must(await api.invoke('auth.state', {})).team.find((m) => m.name === 'Elena Ruiz');
  const audit = api.database.sqlite.prepare('SELECT staff_id, approved_by FROM change_log WHERE call = ?').get('sales.void') as { staff_id: string; approved_by: string };
  expect(audit).toEqual({ staff_id: rosa.id, approved_by: elena?.id });

  // Locked from the top bar: her name is ready, her PIN opens the same screen again.
  await bar.lock();
  await expect(signIn.heading).toHaveText('Bloqueado · Rosa Pérez');
  await expect(signIn.member('Rosa Pérez')).toHaveAttribute('aria-pressed', 'true');
  await signIn.typePin('2222');
  await expect(signIn.screen).toHaveCount(0);
  await expect(receipt.voided).toBeVisible();

  // Switching is two clicks and a PIN: "Mi calendario" is then Luis's.
  await bar.switchTo('Luis Gómez');
  await expect(signIn.heading).toHaveText(es.signIn.switching);
  await expect(signIn.member('Luis Gómez')).toHaveAttribute('aria-pressed', 'true');
  await signIn.typePin('3333');
  await expect(bar.signedInAs('Luis Gómez', 'professional')).toBeVisible();
  await app.goTo('agenda');
  await agenda.switchTo('team');
  await agenda.teamDay(day);
  await agenda.switchTo('day');
  await expect(agenda.entries(/Yoga suave/)).toBeVisible();
  await agenda.chooseStaff('mine');
  await expect(agenda.entries(/Pilates suelo/)).toBeVisible();
  await expect(agenda.entries(/Yoga suave/)).toHaveCount(0);

  // What a professional may not do is refused where the form shows its errors; nothing is asked of a manager.
  await app.goTo('settings');
  await settings.addService('Masaje', 45, '30');
  await expect(settings.services.getByRole('alert')).toContainText(errorMessages.es.forbidden);
  await expect(new ApprovalDialog(page).dialog).toHaveCount(0);
  expect(api.database.sqlite.prepare('SELECT name FROM services').pluck().all()).toEqual(['Corte de pelo']);
});

test('five wrong PINs keep a person out until a time the screen says; the desk locks itself after the minutes set in Ajustes', async ({ page, api }) => {
  const { marta, rosa } = await arrange(api);
  must(await api.invoke('staff.setPin', { staffId: marta.id, pin: '1234' }));
  // PINs are on: the fixture's own session signs in too before it may set another.
  must(await api.invoke('auth.signIn', { staffId: marta.id, pin: '1234' }));
  must(await api.invoke('staff.setPin', { staffId: rosa.id, pin: '2222' }));
  await page.clock.install();
  const signIn = new SignInScreen(page);
  await page.goto('/#/settings');

  await signIn.choose('Rosa Pérez');
  for (let i = 1; i <= 5; i += 1) {
    await signIn.typePin('0000');
    await expect(signIn.padError).toContainText(i < 5 ? errorMessages.es.pin_wrong : /Bloqueado hasta las \d{2}:\d{2}/);
  }
  await expect(signIn.member('Rosa Pérez')).toContainText(/Bloqueado hasta las \d{2}:\d{2}/);
  await expect(signIn.keys.getByRole('button', { name: '1', exact: true })).toBeDisabled();

  await signIn.signIn('Marta García', '1234');
  const lockAfter = page.getByLabel(es.settings.lockAfter, { exact: true });
  await expect(lockAfter).toHaveValue('10');
  await lockAfter.fill('1');
  await page.getByRole('region', { name: es.settings.centre }).getByRole('button', { name: es.app.save, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: es.settings.saved })).toBeVisible();
  await expect.poll(async () => must(await api.invoke('settings.get', {})).lockAfterMinutes).toBe(1);

  // A minute and a half without touching anything: locked, with Marta ready for her PIN.
  await page.clock.fastForward('01:30');
  await expect(signIn.heading).toHaveText('Bloqueado · Marta García');
  await signIn.typePin('1234');
  await expect(signIn.screen).toHaveCount(0);
  await expect(lockAfter).toHaveValue('1');
});
