import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { es } from '../../src-renderer/i18n/es';
import { expect, test } from './fixtures';
import { DeskBar } from './pages/desk-bar';
import { SignInScreen } from './pages/sign-in-screen';
import { TodayBoardPage } from './pages/today-page';

const minute = 60_000;

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** Serious and critical axe-core violations of the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The Madrid local date and minutes of the day of an instant. */
function madrid(instant: Date): { date: string; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

test('consent for appointment messages: withdrawn on the card, the Hoy board’s WhatsApp stops; given again, it opens; Export everything downloads the zip', async ({ page, api }) => {
  const at = new Date(Math.ceil((Date.now() + 60 * minute) / (5 * minute)) * 5 * minute);
  test.skip(madrid(at).date !== madrid(new Date()).date, 'too close to midnight in Madrid: the appointment would not be on today’s board');

  const ana = must(await api.invoke('staff.create', { name: 'Ana Ruiz', role: 'professional' }));
  const corte = must(await api.invoke('services.create', { name: 'Corte de pelo', durationMin: 30, priceMinor: 2500 }));
  const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
  must(await api.invoke('schedules.create', { staffId: ana.id, name: 'Peluquería', durationMin: 30, serviceIds: [corte.id], ranges: allDay }));
  const lucia = must(await api.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz', phone: '612 34 56 78' })).client;
  must(await api.invoke('appointments.book', { clientId: lucia.id, staffId: ana.id, serviceId: corte.id, startsAt: at.toISOString(), override: true }));

  const board = new TodayBoardPage(page);
  const whatsapp = () => board.row('Lucía Muñoz').getByRole('button', { name: new RegExp(`^${es.whatsapp.label.replace('{{name}}', 'Lucía Muñoz')}`) });
  await board.open();
  await expect(whatsapp()).toBeEnabled();
  await expect(whatsapp()).toHaveAttribute('data-href', /^https:\/\/wa\.me\/34612345678\?text=/);

  // On the card: nothing recorded yet, so messages about her appointments are sent.
  await page.goto(`/#/clients/${lucia.id}`);
  await page.getByRole('tab', { name: es.cardTabs.consent }).click();
  const messages = page.getByRole('listitem', { name: es.consent.purposes.appointment_messages });
  await expect(messages).toContainText(es.consent.stateNoneMessages);
  await expect(page.getByText(es.consent.noHistory)).toBeVisible();

  // She withdraws it by WhatsApp.
  await messages.getByRole('button', { name: es.consent.withdraw }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel(es.consent.withdrawMethod).selectOption({ label: es.consent.methods.whatsapp });
  await dialog.getByLabel(es.consent.note).fill('No quiere recordatorios');
  await dialog.getByRole('button', { name: es.consent.withdraw }).click();
  await expect(dialog).toBeHidden();
  await expect(messages).toContainText('Retirado el');
  await expect(messages).toContainText(es.consent.methods.whatsapp);
  const history = page.getByRole('table', { name: es.consent.history });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history.getByRole('row').nth(1)).toContainText(es.consent.actionWithdrawn);
  await expect(history.getByRole('row').nth(1)).toContainText('No quiere recordatorios');
  expect(await axeProblems(page)).toEqual([]);

  // The board no longer offers a pre-filled message: the button is disabled and says why.
  await board.open();
  await expect(whatsapp()).toBeDisabled();
  await expect(whatsapp()).not.toHaveAttribute('data-href', /.*/);
  await expect(board.row('Lucía Muñoz')).toContainText(es.whatsappConsent.noConsent);
  expect(await axeProblems(page)).toEqual([]);

  // She gives it again in person: the message is back.
  await page.goto(`/#/clients/${lucia.id}?pestana=consentimiento`);
  await messages.getByRole('button', { name: es.consent.grant }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: es.consent.grant }).click();
  await expect(dialog).toBeHidden();
  await expect(messages).toContainText('Consiente desde el');
  await expect(history.getByRole('row')).toHaveCount(3);
  await board.open();
  await expect(whatsapp()).toBeEnabled();
  await expect(board.row('Lucía Muñoz')).not.toContainText(es.whatsappConsent.noConsent);

  // Export everything (the desk is the owner of a centre without PINs): a zip download with every part.
  await page.goto(`/#/clients/${lucia.id}?pestana=consentimiento`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: es.consent.exportButton }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^cliente-${lucia.id}-\\d{8}-\\d{6}\\.zip$`));
  await expect(page.getByRole('status').filter({ hasText: file.suggestedFilename() })).toBeVisible();
  const zip = unzipSync(new Uint8Array(readFileSync(await file.path())));
  expect(Object.keys(zip)).toEqual(expect.arrayContaining(['data.json', 'index.html']));
  const data = JSON.parse(strFromU8(zip['data.json']!));
  for (const part of ['card', 'customFields', 'tags', 'history', 'passes', 'sales', 'consents']) expect(data, part).toHaveProperty(part);
  expect(data.card).toMatchObject({ firstName: 'Lucía', lastName: 'Muñoz', phone: '+34612345678' });
  expect(data.history.appointments).toEqual([expect.objectContaining({ service: 'Corte de pelo', professional: 'Ana Ruiz' })]);
  expect(data.consents.map((c: { granted: boolean; method: string }) => [c.granted, c.method])).toEqual([
    [true, 'in_person'],
    [false, 'whatsapp'],
  ]);
  const html = strFromU8(zip['index.html']!);
  expect(html).toContain('<h2>Consentimientos</h2>');
  expect(html).toContain('Lucía Muñoz');
});

test('reception records consent but is not offered Export everything; a manager is', async ({ page, api }) => {
  const olga = must(await api.invoke('staff.create', { name: 'Olga Dueña', role: 'owner' }));
  must(await api.invoke('staff.setPin', { staffId: olga.id, pin: '2580' }));
  must(await api.invoke('auth.signIn', { staffId: olga.id, pin: '2580' }));
  const marta = must(await api.invoke('staff.create', { name: 'Marta Recepción', role: 'reception' }));
  must(await api.invoke('staff.setPin', { staffId: marta.id, pin: '1357' }));
  const mara = must(await api.invoke('staff.create', { name: 'Mara Gerente', role: 'manager' }));
  must(await api.invoke('staff.setPin', { staffId: mara.id, pin: '9753' }));
  const eva = must(await api.invoke('clients.create', { firstName: 'Eva', lastName: 'Gil' })).client;

  const signIn = new SignInScreen(page);
  await page.goto(`/#/clients/${eva.id}?pestana=consentimiento`);
  await signIn.signIn('Marta Recepción', '1357');
  const promotions = page.getByRole('listitem', { name: es.consent.purposes.promotions });
  await expect(promotions).toContainText(es.consent.stateNonePromotions);
  await promotions.getByRole('button', { name: es.consent.grant }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(es.consent.method).selectOption({ label: es.consent.methods.paper });
  await dialog.getByRole('button', { name: es.consent.grant }).click();
  await expect(promotions).toContainText('Consiente desde el');
  // Who recorded it is the signed-in person, from main's session.
  await expect(page.getByRole('table', { name: es.consent.history }).getByRole('row').nth(1)).toContainText('Marta Recepción');
  await expect(page.getByRole('heading', { name: es.consent.exportTitle })).toHaveCount(0);
  await expect(page.getByRole('button', { name: es.consent.exportButton })).toHaveCount(0);

  // A manager signs in on the same desk: the export is there.
  await new DeskBar(page).switchTo('Mara Gerente');
  await signIn.typePin('9753');
  await expect(signIn.screen).toHaveCount(0);
  await expect(page.getByRole('button', { name: es.consent.exportButton })).toBeVisible();
});
