import jsQR from 'jsqr';
import type { ApiHost } from '../../src-main/api/open-api';
import { localDate } from '../../src-main/engine/time/local-date';
import type { Sale } from '../../src-shared/domain/checkout';
import { salonFiscal } from '../helpers/fiscal-data';
import { expect, test } from './fixtures';
import { CheckoutPage, ReceiptPage } from './pages/checkout-page';

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** An amount as es-ES shows it ("30,00 €", with a no-break space). */
function eur(amount: string): RegExp {
  return new RegExp(`${amount.replace(/[.]/g, '\\.')}\\s€`);
}

/** A Spanish salon (its fiscal data set by the fixture): a manicure at 21 % VAT, a shampoo at 10 %, and Lucía, who has a DNI on her card. */
async function arrange(api: ApiHost) {
  const manicure = must(await api.invoke('services.create', { name: 'Manicura', durationMin: 45, priceMinor: 3000, vatRateBp: 2100 }));
  const shampoo = must(await api.invoke('products.create', { name: 'Champú sólido', priceMinor: 1210, vatRateBp: 1000 }));
  const lucia = must(await api.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz', phone: '612 34 56 78', taxId: '12345678Z', address: 'Calle Luna 3', postalCode: '28004' })).client;
  return { manicure, shampoo, lucia };
}

async function onlySale(api: ApiHost): Promise<Sale> {
  // The centre's day, not UTC's: between 23:00 and 24:00 UTC Madrid is already on the next date.
  const { timeZone } = must(await api.invoke('settings.get', {}));
  const today = localDate(new Date(), timeZone);
  const sales = must(await api.invoke('sales.list', { from: today, to: today }));
  expect(sales).toHaveLength(1);
  return sales[0]!;
}

test('a sale at two VAT rates, part cash with change and part card with its voucher, prints a simplified invoice with its VERI*FACTU QR; a void prints the corrective one', async ({ page, api }) => {
  await arrange(api);
  const checkout = new CheckoutPage(page);
  const receipt = new ReceiptPage(page);

  await checkout.open();
  await checkout.add('Manicura');
  await checkout.add('Champú sólido');
  await expect(checkout.total('Total')).toHaveText(eur('42,10'));
  // The quote's breakdown before charging: 30,00 at 21 % and 12,10 at 10 %, tax inside.
  await expect(checkout.taxes.getByRole('row', { name: /^21\s%/ })).toContainText(eur('24,79'));
  await expect(checkout.taxes.getByRole('row', { name: /^21\s%/ })).toContainText(eur('5,21'));
  await expect(checkout.taxes.getByRole('row', { name: /^10\s%/ })).toContainText(eur('11,00'));
  await expect(checkout.taxes.getByRole('row', { name: /^10\s%/ })).toContainText(eur('1,10'));

  // 20,00 in cash from a 50 note (the change shows as it is typed), the rest by card with its voucher.
  await checkout.pay(1, 'cash', '20');
  await checkout.addPayment();
  await expect(checkout.payments.getByLabel(/^Importe 2 /)).toHaveValue('22,10');
  await checkout.pay(2, 'card');
  await checkout.reference(2, 'V-778812');
  await checkout.tendered('10');
  await expect(checkout.payments).toContainText(/no cubre el pago en efectivo \(20,00\s€\)/);
  await checkout.tendered('50');
  await expect(checkout.change).toHaveText(/^Cambio: 30,00\s€$/);
  await checkout.charge();
  await expect(page).toHaveURL(/#\/checkout\/recibo\//);

  const sale = await onlySale(api);
  const invoice = sale.invoices[0]!;
  expect(invoice).toMatchObject({ kind: 'simplified', type: 'F2' });
  expect(sale).toMatchObject({ cashTenderedMinor: 5000, changeMinor: 3000 });
  expect(sale.payments).toEqual([
    { method: 'cash', amountMinor: 2000, reference: null },
    { method: 'card', amountMinor: 2210, reference: 'V-778812' },
  ]);

  // The document as printed: the issuer, its title and number, the lines' rates, the breakdown, the payments.
  await expect(receipt.heading).toHaveText(`Factura simplificada n.º ${invoice.fullNumber}`);
  const issuer = receipt.sheet.locator('.receipt-issuer');
  await expect(issuer).toContainText(salonFiscal.legalName);
  await expect(issuer).toContainText(`NIF: ${salonFiscal.taxId}`);
  await expect(issuer).toContainText('Calle Mayor 12, 28013 Madrid');
  await expect(receipt.sheet.getByRole('row', { name: /Manicura/ })).toContainText(/21\s%/);
  await expect(receipt.sheet.getByRole('row', { name: /Champú sólido/ })).toContainText(/10\s%/);
  const rate21 = receipt.taxes.getByRole('row', { name: /^21\s%/ });
  const rate10 = receipt.taxes.getByRole('row', { name: /^10\s%/ });
  await expect(rate21).toContainText(eur('24,79'));
  await expect(rate21).toContainText(eur('5,21'));
  await expect(rate10).toContainText(eur('11,00'));
  await expect(rate10).toContainText(eur('1,10'));
  await expect(receipt.taxes.locator('tfoot')).toContainText(eur('35,79'));
  await expect(receipt.taxes.locator('tfoot')).toContainText(eur('6,31'));
  await expect(receipt.sheet.locator('.receipt-payments')).toContainText(/Tarjeta · Ref\. V-778812/);
  await expect(receipt.sheet.locator('.receipt-tendered')).toContainText(eur('50,00'));
  await expect(receipt.sheet.locator('.receipt-change')).toContainText(eur('30,00'));

  // The QR: first on the document, beside "VERI*FACTU", encoding the AEAT's address for this invoice.
  await expect(receipt.qr).toHaveAttribute('data-qr-text', invoice.verifactu!.qrUrl);
  expect(invoice.verifactu!.qrUrl).toContain(`nif=${salonFiscal.taxId}`);
  await expect(receipt.sheet.locator('.receipt-qr')).toContainText('VERI*FACTU');
  expect(await decodeQr(receipt)).toBe(invoice.verifactu!.qrUrl);

  // On paper (print media, the 80 mm ticket): the QR is 30–40 mm wide.
  await page.emulateMedia({ media: 'print' });
  const box = await receipt.qr.boundingBox();
  const mm = (box?.width ?? 0) / (96 / 25.4);
  expect(mm).toBeGreaterThanOrEqual(30);
  expect(mm).toBeLessThanOrEqual(40);
  await page.emulateMedia({ media: 'screen' });

  await page.evaluate(() => {
    const w = globalThis as unknown as { printed: number; print: () => void };
    w.printed = 0;
    w.print = () => {
      w.printed += 1;
    };
  });
  await receipt.print();
  expect(await page.evaluate(() => (globalThis as unknown as { printed: number }).printed)).toBe(1);

  // Voided: the corrective invoice is what the page shows and prints, referring to the original.
  await receipt.void('La clienta devuelve el champú y no quería la manicura');
  const voided = must(await api.invoke('sales.get', { id: sale.id }));
  const corrective = voided.invoices.find((i) => i.kind === 'corrective')!;
  expect(corrective).toMatchObject({ correctsNumber: invoice.fullNumber });
  await expect(receipt.heading).toHaveText(`Factura rectificativa n.º ${corrective.fullNumber}`);
  await expect(receipt.sheet).toContainText(`Rectifica la factura ${invoice.fullNumber}`);
  await expect(receipt.sheet).toContainText('Motivo de la rectificación: La clienta devuelve el champú y no quería la manicura');
  await expect(receipt.qr).toHaveAttribute('data-qr-text', corrective.verifactu!.qrUrl);
  await expect(page.getByRole('button', { name: 'Anular venta' })).toHaveCount(0);

  // The original is still there to reprint, saying what corrected it.
  await page.getByRole('radiogroup', { name: 'Documentos de la venta' }).getByText(`Factura simplificada ${invoice.fullNumber}`).click();
  await expect(receipt.heading).toHaveText(`Factura simplificada n.º ${invoice.fullNumber}`);
  await expect(receipt.sheet).toContainText(`Rectificada por la factura ${corrective.fullNumber}`);
});

test('a client who asks later gets a full invoice replacing the simplified one, made out to her tax details', async ({ page, api }) => {
  const { manicure, lucia } = await arrange(api);
  const sale = must(
    await api.invoke('checkout.commit', { clientId: lucia.id, lines: [{ kind: 'service', serviceId: manicure.id }], payments: [{ method: 'card', amountMinor: 3000 }] }),
  );
  const simplified = sale.invoices[0]!;
  const receipt = new ReceiptPage(page);
  await page.goto(`/#/checkout/recibo/${sale.id}`);
  await expect(receipt.heading).toHaveText(`Factura simplificada n.º ${simplified.fullNumber}`);

  // Prefilled from her card; every missing field is named beside it at once.
  const dialog = await receipt.openIssueFull();
  await expect(dialog.getByLabel('Nombre o razón social')).toHaveValue('Lucía Muñoz');
  await expect(dialog.getByLabel('NIF del cliente')).toHaveValue('12345678Z');
  await dialog.getByLabel('Nombre o razón social').fill('');
  await dialog.getByLabel('NIF del cliente').fill('');
  await dialog.getByRole('button', { name: 'Emitir' }).click();
  await expect(dialog.locator('.field-error')).toHaveCount(2);
  // A tax id that is not one: refused by main, beside the field.
  await dialog.getByLabel('Nombre o razón social').fill('Lucía Muñoz García');
  await dialog.getByLabel('NIF del cliente').fill('12345678A');
  await dialog.getByRole('button', { name: 'Emitir' }).click();
  await expect(dialog.locator('.field').filter({ has: page.getByLabel('NIF del cliente') }).locator('.field-error')).toBeVisible();
  await dialog.getByLabel('NIF del cliente').fill('12345678Z');
  await dialog.getByRole('button', { name: 'Emitir' }).click();
  await dialog.waitFor({ state: 'detached' });

  const after = must(await api.invoke('sales.get', { id: sale.id }));
  const full = after.invoices.find((i) => i.replacesNumber === simplified.fullNumber)!;
  expect(full).toMatchObject({ kind: 'full', type: 'F3' });
  await expect(receipt.heading).toHaveText(`Factura n.º ${full.fullNumber}`);
  await expect(receipt.sheet).toContainText(`Sustituye a la factura simplificada ${simplified.fullNumber}`);
  await expect(receipt.sheet.locator('.receipt-customer')).toContainText('Lucía Muñoz García');
  await expect(receipt.sheet.locator('.receipt-customer')).toContainText('NIF: 12345678Z');
  await expect(receipt.qr).toHaveAttribute('data-qr-text', full.verifactu!.qrUrl);
  // Already replaced: no second full invoice for it.
  await expect(page.getByRole('button', { name: 'Emitir factura completa' })).toHaveCount(0);
});

test('a full invoice asked for at checkout: its missing details named beside their fields, then issued to the customer', async ({ page, api }) => {
  await arrange(api);
  const checkout = new CheckoutPage(page);
  const receipt = new ReceiptPage(page);
  await checkout.open();
  await checkout.add('Manicura');
  await expect(checkout.total('Total')).toHaveText(eur('30,00'));
  await checkout.pay(1, 'card');
  await checkout.sale.getByLabel('Factura completa').check();
  await checkout.charge();
  await expect(checkout.sale.locator('.invoice-customer .field-error')).toHaveCount(2);
  await checkout.sale.getByLabel('Nombre o razón social').fill('Peluquería Sol S.L.');
  await checkout.sale.getByLabel('NIF del cliente').fill('B12345674');
  await checkout.sale.getByLabel('Dirección').fill('Calle Sol 1');
  await checkout.charge();
  await expect(page).toHaveURL(/#\/checkout\/recibo\//);

  const sale = await onlySale(api);
  const full = sale.invoices[0]!;
  expect(full).toMatchObject({ kind: 'full', type: 'F1', customer: { name: 'Peluquería Sol S.L.', taxId: 'B12345674' } });
  await expect(receipt.heading).toHaveText(`Factura n.º ${full.fullNumber}`);
  await expect(receipt.sheet.locator('.receipt-customer')).toContainText('Peluquería Sol S.L.');
  await expect(receipt.sheet.locator('.receipt-customer')).toContainText('NIF: B12345674');
  await expect(receipt.sheet.locator('.receipt-customer')).toContainText('Calle Sol 1');
  await expect(page.getByRole('button', { name: 'Emitir factura completa' })).toHaveCount(0);
});

/**
 * Reads the QR back from what the page drew: the SVG rasterised on a canvas in the page (browser
 * code, as text: this file is typed for Node), its pixels decoded here with jsQR.
 */
async function decodeQr(receipt: ReceiptPage): Promise<string | null> {
  await receipt.qr.waitFor();
  const image = (await receipt.page.evaluate(`(async () => {
    const size = 400;
    const svg = document.querySelector('article.receipt svg[data-qr-text]');
    const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
    const img = new Image(size, size);
    await new Promise((done, fail) => { img.onload = done; img.onerror = fail; img.src = url; });
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d');
    context.drawImage(img, 0, 0, size, size);
    URL.revokeObjectURL(url);
    return { data: Array.from(context.getImageData(0, 0, size, size).data), size };
  })()`)) as { data: number[]; size: number };
  return jsQR(Uint8ClampedArray.from(image.data), image.size, image.size)?.data ?? null;
}
