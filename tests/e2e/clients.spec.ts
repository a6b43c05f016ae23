import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { ClientCardPage } from './pages/client-card-page';
import { ClientsPage } from './pages/clients-page';

test('a receptionist creates a client, finds them by an accentless prefix, blacklists and deletes them', async ({ page, api }) => {
  const app = new AppShell(page);
  const list = new ClientsPage(page);
  const card = new ClientCardPage(page);

  await app.open();
  await app.goTo('clients');
  await expect(list.heading).toBeVisible();
  await list.newClientButton.click();
  await card.fill({ firstName: 'Lucía', lastName: 'Muñoz Pérez', phone: '612 34 56 78' });
  await card.save();

  // The card opens, with the phone stored for the centre's country (Spain).
  await expect(card.heading).toHaveText('Lucía Muñoz Pérez');
  await expect(card.value('phone')).toHaveText('+34 612 34 56 78');
  await expect(page.getByText(/^Cliente desde /)).toBeVisible();
  await expect(card.whatsappButton()).toBeVisible();

  // From another screen, the top-bar search finds her by "mun" (for "Muñoz").
  await app.goTo('agenda');
  await app.search('mun', '/');
  const result = app.resultFor(/Lucía Muñoz Pérez/);
  await expect(result).toBeVisible();
  await expect(result).toContainText('+34 612 34 56 78');
  await expect(result).not.toContainText('Lista negra');
  await app.searchBox.press('Enter');
  await expect(card.heading).toHaveText('Lucía Muñoz Pérez');

  // Blacklist with a reason: the card says so plainly, and so does the search.
  await card.blacklist('No se presentó tres veces sin avisar');
  await expect(card.blacklistNote).toContainText('Lista negra');
  await expect(card.blacklistNote).toContainText('No se presentó tres veces sin avisar');
  await app.search('munoz');
  await expect(app.resultFor(/Lucía Muñoz Pérez/)).toContainText('Lista negra');
  await app.clearSearch();

  // Delete, with a confirmation that names her; back to the list, and no search finds her.
  const dialog = await card.askToDelete();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('¿Eliminar a Lucía Muñoz Pérez?');
  await card.confirmDelete(dialog);
  await expect(list.heading).toBeVisible();
  await expect(page).toHaveURL(/#\/clients$/);
  await app.search('mun');
  await expect(app.noResults()).toBeVisible();
  await expect(app.searchResults.getByRole('option')).toHaveCount(0);

  const left = await api.invoke('clients.search', { query: 'munoz' });
  expect(left.ok && left.value.total).toBe(0);
});

test('an invalid phone is refused beside the phone field and nothing is saved', async ({ page, api }) => {
  const app = new AppShell(page);
  const list = new ClientsPage(page);
  const card = new ClientCardPage(page);

  await app.open();
  await app.goTo('clients');
  await list.newClientButton.click();
  await card.fill({ firstName: 'Ana', phone: '12ab' });
  await card.save();

  const phone = card.input('phone');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toHaveAccessibleDescription('El teléfono no es válido.');
  await expect(phone).toBeFocused();
  await expect(page).toHaveURL(/#\/clients\/new$/);

  const all = await api.invoke('clients.search', {});
  expect(all.ok && all.value.total).toBe(0);

  // Fixing it saves the card.
  await phone.fill('612 34 56 78');
  await expect(phone).not.toHaveAttribute('aria-invalid', 'true');
  await card.save();
  await expect(card.heading).toHaveText('Ana');
});

test('a missing first name is refused beside the field', async ({ page, api }) => {
  const card = new ClientCardPage(page);
  await new AppShell(page).open();
  await new AppShell(page).goTo('clients');
  await new ClientsPage(page).newClientButton.click();
  await card.fill({ lastName: 'Solo Apellidos' });
  await card.save();
  await expect(card.input('firstName')).toHaveAccessibleDescription('Este campo es obligatorio.');
  const all = await api.invoke('clients.search', {});
  expect(all.ok && all.value.total).toBe(0);
});

test('HTML typed into a name is shown as text', async ({ page }) => {
  const card = new ClientCardPage(page);
  await new AppShell(page).open();
  await new AppShell(page).goTo('clients');
  await new ClientsPage(page).newClientButton.click();
  await card.fill({ firstName: '<b>Eva</b>', lastName: '<img src=x onerror=alert(1)>' });
  await card.save();
  await expect(card.heading).toHaveText('<b>Eva</b> <img src=x onerror=alert(1)>');
  await expect(page.locator('h1 b, h1 img')).toHaveCount(0);
});

test('a phone that already belongs to another client warns and links to their card', async ({ page, api }) => {
  const first = await api.invoke('clients.create', { firstName: 'José', lastName: 'García', phone: '+34 600 11 22 33' });
  expect(first.ok).toBe(true);
  const card = new ClientCardPage(page);
  await new AppShell(page).open();
  await new AppShell(page).goTo('clients');
  await new ClientsPage(page).newClientButton.click();
  await card.fill({ firstName: 'Pepa', phone: '600 11 22 33' });
  await card.input('email').focus(); // leaving the phone field checks it at once
  await expect(page.locator('.field-warning')).toContainText('José García');
  await card.save();
  await expect(card.heading).toHaveText('Pepa');
  await expect(card.warningBanner).toContainText('Este teléfono ya pertenece a otro cliente');
  await card.warningBanner.getByRole('link', { name: 'José García' }).click();
  await expect(card.heading).toHaveText('José García');
});

test('tags are created in Ajustes, assigned on the card and filter the list', async ({ page, api }) => {
  const created = await api.invoke('clients.create', { firstName: 'Marta', lastName: 'Ruiz' });
  expect(created.ok).toBe(true);
  const app = new AppShell(page);
  const list = new ClientsPage(page);
  const card = new ClientCardPage(page);

  await app.open();
  await app.goTo('settings');
  await page.getByLabel('Nombre de la etiqueta').fill('VIP');
  await page.getByRole('button', { name: 'Crear etiqueta' }).click();
  await expect(page.getByRole('list', { name: 'Etiquetas' })).toContainText('0 clientes');

  await app.search('marta');
  await app.searchBox.press('Enter');
  await expect(card.heading).toHaveText('Marta Ruiz');
  await page.getByLabel('Añadir etiqueta').selectOption({ label: 'VIP' });
  await expect(page.getByRole('button', { name: 'Quitar la etiqueta VIP' })).toBeVisible();

  await app.goTo('clients');
  await list.filterByTag('VIP');
  await expect(list.row('Marta Ruiz')).toBeVisible();
  await expect(list.table.getByRole('row')).toHaveCount(2); // header + Marta
});

test('switching the language in Ajustes switches the UI at once', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  await app.goTo('settings');
  await page.getByRole('combobox', { name: 'Idioma', exact: true }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await expect(page.getByRole('link', { name: 'Clients' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
