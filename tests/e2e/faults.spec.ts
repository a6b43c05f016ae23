/**
 * A full disk, for real, at the Caja: the browser host's database lives on a tiny tmpfs that the
 * test fills. Cobrar answers the translated disk_full message beside the button, the sale did not
 * happen; once space is freed, the same Cobrar goes through.
 */
import { join } from 'node:path';
import type { ApiHost } from '../../src-main/api/open-api';
import { openApi } from '../../src-main/api/open-api';
import { errorMessages } from '../../src-shared/i18n/errors';
import { dayFromToday } from '../helpers/agenda-fixtures';
import type { TinyDisk } from '../helpers/fault-disks';
import { faultMountsUnavailable, mountTinyDisk } from '../helpers/fault-disks';
import { expect, test as base } from './fixtures';
import { setCentreFiscal } from '../helpers/fiscal-data';
import { CheckoutPage, ReceiptPage } from './pages/checkout-page';

const test = base.extend<{ disk: TinyDisk }>({
  // Playwright reads a fixture's dependencies from this destructuring: this one has none.
  // eslint-disable-next-line no-empty-pattern
  disk: async ({}, use, testInfo) => {
    const unavailable = faultMountsUnavailable();
    testInfo.skip(unavailable !== null, unavailable ?? '');
    const disk = mountTinyDisk(16 * 1024 * 1024);
    await use(disk);
    disk.unmount();
  },
  // The same browser host as every other test, on a database on the tiny disk.
  api: async ({ disk }, use) => {
    const api = await openApi(join(disk.dir, 'mostrador.db'));
    await setCentreFiscal(api);
    await use(api);
    await api.database.close();
  },
});

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

async function salesToday(api: ApiHost): Promise<number> {
  return must(await api.invoke('sales.list', { from: dayFromToday(0), to: dayFromToday(0) })).length;
}

test('Cobrar on a full disk says so beside the button, sells nothing, and works once space is freed', async ({ page, api, disk }) => {
  must(await api.invoke('services.create', { name: 'Corte de pelo', durationMin: 30, priceMinor: 2500 }));
  must(await api.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz', phone: '612 34 56 78' }));

  const checkout = new CheckoutPage(page);
  await checkout.open();
  await checkout.chooseClient('Lucía', 'Lucía Muñoz');
  await checkout.add('Corte de pelo');
  await expect(checkout.payments.getByLabel(/^Importe 1 /)).toHaveValue('25,00');

  // An empty -wal, then not a byte left: the sale's commit needs space it cannot get.
  api.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  disk.fill();
  await checkout.charge();

  const alert = checkout.sale.getByRole('alert');
  await expect(alert).toHaveText(errorMessages.es.disk_full);
  // Where the user acted: right by Cobrar, inside the sale form.
  const [alertBox, buttonBox] = [await alert.boundingBox(), await checkout.chargeButton().boundingBox()];
  expect(alertBox && buttonBox && Math.abs(buttonBox.y - (alertBox.y + alertBox.height))).toBeLessThan(60);
  await expect(page.getByRole('alert').filter({ hasText: errorMessages.es.disk_full })).toHaveCount(1);
  // Nothing was sold, the draft is still there, and reads go on working.
  expect(await salesToday(api)).toBe(0);
  expect(api.database.sqlite.prepare('SELECT count(*) FROM sales').pluck().get()).toBe(0);
  await expect(checkout.line('Corte de pelo')).toBeVisible();
  await expect(checkout.chargeButton()).toBeEnabled();

  disk.free();
  await checkout.charge();
  await expect(new ReceiptPage(page).heading).toHaveText(/^Factura simplificada n\.º FS-[0-9A-Z]{4}-\d{4}-1$/);
  expect(await salesToday(api)).toBe(1);
});
