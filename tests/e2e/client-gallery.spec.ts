import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { es } from '../../src-renderer/i18n/es';
import { expect, test } from './fixtures';
import { ClientCardPage } from './pages/client-card-page';
import { GalleryTab } from './pages/client-gallery';

/** A picture of noise (it does not compress: the PNG weighs megabytes, past the browser host's old 1 MB body limit). */
async function picture(format: 'jpeg' | 'png', width = 800, height = 600): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  let state = 2463534242;
  for (let i = 0; i < raw.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    raw[i] = state & 0xff;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).toFormat(format).toBuffer();
}

/** Serious and critical axe-core violations of the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`);
}

test('the gallery: photos added from files with captions, a bad file refused, one chosen for the header, edited and deleted', async ({ page, api }) => {
  const created = await api.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz' });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  const lucia = created.value.client;
  const photosFolder = join(dirname(api.database.sqlite.name), 'photos', lucia.id);
  const card = new ClientCardPage(page);
  const gallery = new GalleryTab(page);

  await page.goto(`/#/clients/${lucia.id}`);
  await card.openTab(es.cardTabs.gallery);
  await expect(page.getByText(es.gallery.empty)).toBeVisible();
  // "Hacer foto" is there only when the computer has a camera.
  const cameras = Number(await page.evaluate("navigator.mediaDevices.enumerateDevices().then((ds) => ds.filter((d) => d.kind === 'videoinput').length)"));
  await expect(page.getByRole('button', { name: es.gallery.fromCamera })).toHaveCount(cameras > 0 ? 1 : 0);

  // An inspiration photo the client brought, and the result after the colour.
  await gallery.add({ name: 'referencia.jpg', mimeType: 'image/jpeg', buffer: await picture('jpeg') }, { kind: 'inspiration', caption: 'Rubio ceniza 9.1' });
  await expect(page.getByText(es.gallery.added)).toBeVisible();
  const big = await picture('png', 1200, 1500);
  expect(big.length).toBeGreaterThan(4 * 1024 * 1024);
  await gallery.add({ name: 'resultado.png', mimeType: 'image/png', buffer: big }, { kind: 'result', caption: 'Resultado tras el tinte' });
  await expect(gallery.tiles).toHaveCount(2);
  // Newest first, each with its thumbnail.
  await expect(gallery.tiles.first()).toContainText('Resultado tras el tinte');
  await expect(gallery.tile('Rubio ceniza 9.1').locator('img')).toHaveAttribute('src', /^data:image\/jpeg;base64,/);

  // A file that is not an image, named as one: refused with a clear message beside the photo, nothing added.
  await gallery.pick({ name: 'notas.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Esto no es una foto') });
  await gallery.fillAndSave({ caption: 'No vale' });
  await expect(gallery.dialog.getByRole('alert')).toHaveText(/La imagen debe ser PNG, JPEG o WebP\./);
  await gallery.dialog.getByRole('button', { name: es.app.cancel }).click();
  await expect(gallery.tiles).toHaveCount(2);
  expect(readdirSync(photosFolder)).toHaveLength(4);

  // The grid and the photo dialog are usable by keyboard and screen reader.
  expect(await axeProblems(page)).toEqual([]);
  await gallery.action('Rubio ceniza 9.1', es.app.edit).click();
  await expect(gallery.dialog).toBeVisible();
  expect(await axeProblems(page)).toEqual([]);
  await gallery.dialog.getByRole('button', { name: es.app.cancel }).click();

  // The kind filter.
  await gallery.filter(es.gallery.inspiration);
  await expect(gallery.tiles).toHaveCount(1);
  await expect(gallery.tiles.first()).toContainText('Rubio ceniza 9.1');
  await gallery.filter(es.gallery.all);
  await expect(gallery.tiles).toHaveCount(2);

  // The result goes in the card's header.
  await gallery.action('Resultado tras el tinte', es.gallery.useInHeader).click();
  const headerPhoto = page.getByRole('img', { name: 'Foto de Lucía Muñoz' });
  await expect(headerPhoto).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
  await expect(gallery.tile('Resultado tras el tinte')).toContainText(es.gallery.headerBadge);

  // Opened large, then its caption edited.
  await gallery.tile('Rubio ceniza 9.1').getByRole('button', { name: 'Ver en grande: Rubio ceniza 9.1' }).click();
  const viewer = page.getByRole('dialog', { name: 'Rubio ceniza 9.1' });
  await expect(viewer.getByRole('img', { name: 'Rubio ceniza 9.1' })).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
  await viewer.getByRole('button', { name: es.app.close }).click();
  await gallery.action('Rubio ceniza 9.1', es.app.edit).click();
  await gallery.fillAndSave({ caption: 'Rubio ceniza 9.1, con mechas finas' });
  await expect(gallery.tile('con mechas finas')).toBeVisible();

  // Deleting the header photo: gone from the grid, the header shows the initials again, its files removed.
  await gallery.action('Resultado tras el tinte', es.app.delete).click();
  await page.getByRole('dialog', { name: es.gallery.deleteTitle }).getByRole('button', { name: es.app.delete }).click();
  await expect(gallery.tiles).toHaveCount(1);
  await expect(headerPhoto).toHaveCount(0);
  await expect(page.locator('.card-header .avatar')).toHaveText('LM');
  expect(readdirSync(photosFolder)).toHaveLength(2);

  // The same through a reload: kept in the data folder, not in the page.
  await page.reload();
  await expect(gallery.tiles).toHaveCount(1);
  expect(existsSync(photosFolder)).toBe(true);
});
