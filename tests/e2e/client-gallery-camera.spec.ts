import { es } from '../../src-renderer/i18n/es';
import { expect, test } from './fixtures';
import { ClientCardPage } from './pages/client-card-page';
import { GalleryTab } from './pages/client-gallery';

// Chromium's fake camera (a moving test pattern), allowed without asking: the desk's webcam.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

test('"Hacer foto" takes a frame from the webcam into the gallery', async ({ page, api }) => {
  const created = await api.invoke('clients.create', { firstName: 'Nerea', lastName: 'Ibáñez' });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  const gallery = new GalleryTab(page);
  await page.goto(`/#/clients/${created.value.client.id}`);
  await new ClientCardPage(page).openTab(es.cardTabs.gallery);

  await page.getByRole('button', { name: es.gallery.fromCamera }).click();
  const camera = page.getByRole('dialog', { name: es.gallery.camera.title });
  await camera.getByRole('button', { name: es.gallery.camera.capture }).click();
  // The frame comes into the new-photo dialog, saved like a photo from a file.
  await expect(page.getByRole('dialog', { name: es.gallery.addTitle }).getByRole('img', { name: es.gallery.preview })).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
  await gallery.fillAndSave({ kind: 'inspiration', caption: 'Foto de la cámara' });
  await expect(gallery.tile('Foto de la cámara')).toBeVisible();
  const listed = await api.invoke('photos.list', { clientId: created.value.client.id });
  expect(listed.ok && listed.value.photos.map((p) => [p.kind, p.caption, p.width > 0])).toEqual([['inspiration', 'Foto de la cámara', true]]);
});
