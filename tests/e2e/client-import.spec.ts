import { readFileSync } from 'node:fs';
import { es } from '../../src-renderer/i18n/es';
import { expect, test } from './fixtures';
import { ClientImportDialog } from './pages/client-import-dialog';
import { ClientsPage } from './pages/clients-page';

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/**
 * Another program's export, as Spanish Excel saves it: Latin-1, `;`, CRLF, a quoted note over two
 * lines, empty rows. Its "Teléfono" column holds landlines and words; the mobiles are in "Móvil".
 */
const latin1Csv = Buffer.from(
  [
    'Nombre;Apellidos;Teléfono;Móvil;Email;Mascota;Notas',
    'Lucía;García López;no tiene;612 34 56 78;lucia@correo.es;Toby;"Alergia al látex;',
    'prefiere mañanas"',
    'Pedro;Ruiz;91 123 45 67;633 11 22 33;pedro@correo.es;;',
    ';;;;;;',
    '',
    'Begoña;Íñiguez;fijo: ninguno;644 55 66 77;;Nala;',
    'Eva;Sanz;;699 000 111;eva@correo.es;;',
  ].join('\r\n'),
  'latin1',
);

test('import a CSV with mixed problems: fix the mapping, leave out the duplicate, import; then export the list', async ({ page, api }) => {
  must(await api.invoke('customFields.create', { label: 'Mascota', kind: 'text' }));
  must(await api.invoke('clients.create', { firstName: 'Eva', lastName: 'Existente', phone: '699 000 111' }));

  const clients = new ClientsPage(page);
  await page.goto('/#/clients');
  await clients.heading.waitFor();
  const importer = new ClientImportDialog(page);
  await importer.open();
  await importer.choose('clientes.csv', latin1Csv);

  // Read as Latin-1 with `;`, empty rows left out; the columns guessed from the headers.
  await expect(importer.dialog.getByTestId('import-file-summary')).toHaveText('4 filas · Latin-1 / Windows-1252 · separador «;»');
  await expect(importer.column('Nombre')).toHaveValue('firstName');
  await expect(importer.column('Teléfono')).toHaveValue('phone');
  await expect(importer.column('Móvil')).toHaveValue('');
  await expect(importer.column('Mascota')).toHaveValue(/^custom:/);
  await expect(importer.dialog).toContainText('Begoña');

  // The dry run: the landline column's words are bad phones; Eva is already a client.
  await importer.checkButton.click();
  await expect(importer.problemRow(2)).toContainText('El teléfono no es válido.');
  // Rows are numbered as a spreadsheet shows them: Lucía's note spans two lines of text but is one row.
  await expect(importer.problemRow(6)).toContainText('El teléfono no es válido.');
  await expect(importer.dialog.getByRole('status')).toContainText('2 filas con errores');
  await expect(importer.importButton(2)).toBeDisabled();
  expect(must(await api.invoke('clients.search', {})).total).toBe(1);

  // Fix the mapping: the phone is the "Móvil" column; the landlines are not imported.
  await importer.dialog.getByRole('button', { name: es.clientImport.changeMapping }).click();
  await importer.column('Teléfono').selectOption({ label: es.clientImport.ignore });
  await importer.column('Móvil').selectOption({ label: es.clientImport.field.phone });
  await importer.checkButton.click();
  await expect(importer.dialog.getByRole('status')).toContainText('0 filas con errores');
  await expect(importer.dialog.getByRole('status')).toContainText('1 fila duplicada');
  await expect(importer.problemRow(7)).toContainText('Ya existe un cliente con este dato: Eva Existente.');
  await expect(importer.importButton(4)).toBeDisabled();
  await importer.skipDuplicates.check();
  await importer.importButton(3).click();
  await expect(importer.dialog.getByRole('status')).toHaveText('Se han importado 3 clientes. 1 duplicado omitido.');
  await importer.dialog.getByRole('button', { name: es.clientImport.close }).click();
  await expect(importer.dialog).toBeHidden();

  // On the list at once, normalised as a typed card would be.
  await expect(clients.row('Lucía García López')).toBeVisible();
  await expect(clients.row('Begoña Íñiguez')).toBeVisible();
  const lucia = must(await api.invoke('clients.search', { query: 'toby' })).items[0]!;
  expect(must(await api.invoke('clients.get', { id: lucia.id }))).toMatchObject({ phone: '+34612345678', notes: 'Alergia al látex;\r\nprefiere mañanas' });

  // Export: UTF-8 with a BOM, `;`, the same headers the import reads back.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: es.clientImport.exportButton }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^clientes-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(await file.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  const lines = text.split('\r\n');
  expect(lines[0]).toMatch(/^Nombre;Apellidos;Teléfono;Email;.*;Fecha de alta;Mascota$/);
  expect(text).toContain('Begoña;Íñiguez;+34644556677;');
  expect(text).toContain('"Alergia al látex;\r\nprefiere mañanas"');
  await expect(page.getByRole('status').filter({ hasText: file.suggestedFilename() })).toContainText('Exportados 4 clientes');
});

test('a file that is not a client list is refused with a clear message, and nothing is written', async ({ page, api }) => {
  await page.goto('/#/clients');
  const importer = new ClientImportDialog(page);
  await importer.open();
  await importer.choose('vacio.csv', Buffer.from('Nombre;Apellidos\r\n;\r\n\r\n'));
  await expect(importer.dialog.getByRole('alert')).toHaveText(/El archivo no tiene filas de clientes/);
  // The file can be chosen again.
  await expect(importer.fileInput).toBeEnabled();
  expect(must(await api.invoke('clients.search', {})).total).toBe(0);
});
