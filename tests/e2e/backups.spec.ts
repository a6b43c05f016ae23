import { es } from '../../src-renderer/i18n/es';
import { expect, test } from './fixtures';
import { BackupsSettings } from './pages/backups-settings';
import { ClientsPage } from './pages/clients-page';

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

test('the desk makes a backup, a change follows, restoring the backup takes the change away, and undoing puts it back', async ({ page, api }) => {
  must(await api.invoke('settings.update', { name: 'Centro Alba' }));
  must(await api.invoke('clients.create', { firstName: 'Ana', lastName: 'Antes' }));
  const backups = new BackupsSettings(page);
  await backups.open();
  await expect(backups.section).toContainText(es.backups.none);

  await backups.backUpNow();
  await expect(backups.rows()).toHaveCount(1);
  const row = backups.rows().first();
  await expect(row).toContainText('Manual');
  await expect(row).toContainText('Correcta');
  await expect(row).toContainText('En este equipo');
  await row.getByRole('button', { name: /^Ver el contenido de la copia del / }).click();
  await expect(row.getByRole('definition')).toHaveText(['Centro Alba', /\d{4}/, '1', '0', '0', '0']);

  // After the backup: a new client, from another window of the desk.
  must(await api.invoke('clients.create', { firstName: 'Bea', lastName: 'Después' }));
  const clients = new ClientsPage(page);
  await page.goto('/#/clients');
  await expect(clients.row('Bea Después')).toBeVisible();

  await backups.open();
  const dialog = await backups.startRestore(backups.rows().first());
  await expect(dialog).toContainText('Centro Alba');
  await expect(dialog.getByRole('definition')).toHaveText(['Centro Alba', /\d{4}/, '1', '0', '0', '0']);
  await dialog.getByRole('button', { name: es.backups.restoreConfirm }).click();

  // The page reloads on the restored data; the restore can be undone.
  await expect(backups.undoButton()).toBeVisible();
  await expect(backups.rows().filter({ hasText: 'Antes de restaurar' })).toHaveCount(1);
  await page.goto('/#/clients');
  await expect(clients.row('Ana Antes')).toBeVisible();
  await expect(clients.row('Bea Después')).toHaveCount(0);

  await backups.open();
  await backups.undoButton().click();
  await page.getByRole('dialog', { name: es.backups.undoTitle }).getByRole('button', { name: es.backups.undoConfirm }).click();
  await expect(backups.undoButton()).toHaveCount(0);
  await page.goto('/#/clients');
  await expect(clients.row('Bea Después')).toBeVisible();
});

test('a file that is not a Mostrador backup is refused in the confirmation, and nothing changes', async ({ page, api }) => {
  must(await api.invoke('clients.create', { firstName: 'Ana', lastName: 'Antes' }));
  const backups = new BackupsSettings(page);
  await backups.open();
  await backups.section.getByLabel(es.backups.fromFile, { exact: true }).fill(api.database.path.replace(/mostrador\.db$/, 'nowhere.db'));
  await backups.section.getByRole('button', { name: es.backups.fromFileButton }).click();
  const dialog = page.getByRole('dialog', { name: es.backups.restoreTitle });
  await expect(dialog.getByRole('alert')).toContainText('No existe o ya fue eliminado.');
  await expect(dialog.getByRole('button', { name: es.backups.restoreConfirm })).toBeDisabled();
});
