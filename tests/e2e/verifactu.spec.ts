import { es } from '../../src-renderer/i18n/es';
import type { AeatTestServer } from '../helpers/aeat-test-server';
import { startAeatTestServer } from '../helpers/aeat-test-server';
import { expect, test } from './fixtures';
import { VerifactuScreens } from './pages/verifactu-settings';

/**
 * VERI*FACTU as the desk sees it: Ajustes › VERI*FACTU pointed at a local test server that answers
 * like the AEAT's service (the real AEAT service cannot be reached from here), a sale made at
 * checkout queues its record, the top bar and the section show it waiting, "Enviar ahora" submits
 * it, and the agency's rejection is shown with its code and reason.
 */

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

let server: AeatTestServer;

test.beforeEach(async () => {
  server = await startAeatTestServer({
    judge: () => ({ status: 'Incorrecto', code: '1100', message: 'Valor o tipo incorrecto del campo: IDEmisorFactura.' }),
  });
});

test.afterEach(async () => {
  await server.close();
});

test('a sale waits for the tax agency, "Enviar ahora" submits it, and the rejection shows with its reason', async ({ page, api }) => {
  const screens = new VerifactuScreens(page);
  await screens.open();

  // An address that is neither https nor this computer is refused beside its field.
  await screens.configure('http://aeat.example/', true);
  await expect(screens.section.getByText(es.verifactu.urlInvalid)).toBeVisible();

  await screens.configure(server.url, true);
  await expect(page.getByText(es.verifactu.saved)).toBeVisible();
  await expect(screens.waiting).toHaveText(es.verifactu.waitingNone);

  // A sale at checkout (through the API): its invoice's record is queued in the same transaction.
  const cut = must(await api.invoke('services.create', { name: 'Corte de pelo', durationMin: 60, priceMinor: 2500 }));
  const sale = must(await api.invoke('checkout.commit', { lines: [{ kind: 'service', serviceId: cut.id }], payments: [{ method: 'card', amountMinor: 2500 }] }));
  const number = sale.invoices[0]!.fullNumber;

  await expect(screens.waiting).toHaveText('1 registro pendiente de enviar');
  await expect(screens.indicator).toHaveText(/VERI\*FACTU: 1 pendiente/);
  expect(server.submissions).toHaveLength(0);

  await screens.submitNow.click();
  await expect(screens.section.getByText('La Agencia Tributaria respondió por 1 registro.')).toBeVisible();
  await expect(screens.waiting).toHaveText(es.verifactu.waitingNone);
  await expect(screens.rejections.getByText(number)).toBeVisible();
  await expect(screens.rejections.getByText('1100 · Valor o tipo incorrecto del campo: IDEmisorFactura.')).toBeVisible();
  expect(server.submissions[0]!.records.map((r) => r.number)).toEqual([number]);

  // The top bar says it too, and its panel gives the reason.
  await expect(screens.indicator).toHaveAccessibleName(/1 rechazado/);
  await screens.indicator.click();
  await expect(screens.panel.getByText('1100 · Valor o tipo incorrecto del campo: IDEmisorFactura.')).toBeVisible();
});
