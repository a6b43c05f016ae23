import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../src-shared/domain/client-import';
import { dryRun, uploadCsv, uploadRefused, utf8 } from '../helpers/csv-upload';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';

let api: TempApi;
beforeEach(async () => {
  api = await openTempApi();
});
afterEach(async () => {
  await api.close();
});

const mixed = [
  'Nombre;Apellidos;Móvil;Correo;DNI;Fecha de nacimiento;Sexo;Mascota',
  'Lucía;García López;612 34 56 78;lucia@correo.es;12345678Z;02/03/1985;Mujer;Toby',
  'Pedro;Ruiz;12;pedro@correo.es;;;;',
  'Ana;Martín;633 11 22 33;ana@correo;12345678A;31/02/1990;;',
  ';Sin nombre;644 00 00 01;;;;;',
  'Eva;Sanz;699000111;eva@correo.es;;;;',
].join('\r\n');

async function clientCount(): Promise<number> {
  return (await api.call('clients.search', {})).total;
}

describe('clients.importUpload', () => {
  it('reads the file, guesses the mapping from Spanish headers (custom fields by label) and previews the first rows', async () => {
    const pet = await api.call('customFields.create', { label: 'Mascota', kind: 'text' });
    const preview = await uploadCsv(api, utf8(mixed));
    expect(preview).toMatchObject({ encoding: 'utf-8', separator: ';', rowCount: 5 });
    expect(preview.mapping).toEqual(['firstName', 'lastName', 'phone', 'email', 'taxId', 'birthDate', 'sex', `custom:${pet.id}`]);
    expect(preview.sample[0]?.[0]).toBe('Lucía');
  });

  it('puts a file together from several parts', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `Cliente${i};Apellido${i};6${String(10_000_000 + i)}`);
    const bytes = utf8(['Nombre;Apellidos;Teléfono', ...rows].join('\n'));
    const preview = await uploadCsv(api, bytes, 10_000);
    expect(preview.rowCount).toBe(3000);
  });

  it('refuses a file with a 1 MB cell, or with no rows, by its code', async () => {
    const big = `Nombre;Notas\nLucía;${'x'.repeat(1024 * 1024 + 1)}\n`;
    const upload = (text: string) => uploadRefused(api, utf8(text));
    expect(await upload(big)).toMatchObject({ code: 'csv_cell_too_large', field: 'file' });
    expect((await upload(big)).message).toContain('fila 2');
    expect(await upload('Nombre;Apellidos\n;;\n\n')).toMatchObject({ code: 'csv_no_rows' });
    expect(await upload('')).toMatchObject({ code: 'csv_no_rows' });
  });

  it('refuses another session a job it did not upload, and an unknown job', async () => {
    expect(await api.refuse('clients.importCheck', { jobId: '01J00000000000000000000000', mapping: ['firstName'], offset: 0 })).toMatchObject({
      code: 'import_expired',
    });
  });
});

describe('clients.importCheck (dry run)', () => {
  it('lists every row’s problems with the contract’s codes and writes nothing', async () => {
    await api.call('clients.create', { firstName: 'Eva', lastName: 'Existente', phone: '699 000 111' });
    await api.call('customFields.create', { label: 'Mascota', kind: 'text' });
    const preview = await uploadCsv(api, utf8(mixed));
    const check = await dryRun(api, preview.jobId, preview.mapping, 2);
    const byRow = (row: number) => check.problems.filter((p) => p.row === row).map((p) => `${p.field}:${p.code}`);
    expect(byRow(2)).toEqual([]);
    expect(byRow(3)).toEqual(['phone:invalid_phone']);
    expect(byRow(4).sort()).toEqual(['birthDate:invalid_date', 'email:invalid_email', 'taxId:invalid_tax_id']);
    expect(byRow(5)).toEqual(['firstName:required']);
    // Eva's phone is the existing client's: a duplicate, named.
    expect(check.problems.find((p) => p.row === 6)).toMatchObject({ field: 'phone', code: 'duplicate_client', duplicateOf: { clientName: 'Eva Existente' } });
    expect(check.problems.find((p) => p.row === 6)?.message).toContain('Eva Existente');
    expect(check).toMatchObject({ checked: 5, rowCount: 5, rowsWithErrors: 3, duplicateRows: 1 });
    expect(await clientCount()).toBe(1);
  });

  it('finds duplicates inside the file by phone or email, naming the earlier row', async () => {
    const csv = 'Nombre;Teléfono;Email\nAna;612345678;ana@correo.es\nAna B;+34 612 34 56 78;\nAna C;;ANA@correo.es\n';
    const preview = await uploadCsv(api, utf8(csv));
    const check = await dryRun(api, preview.jobId, preview.mapping);
    expect(check.problems.map((p) => `${p.row}:${p.field}:${p.code}:${p.message}`)).toEqual([
      '3:phone:duplicate_row:Repite el dato de la fila 2.',
      '4:email:duplicate_row:Repite el dato de la fila 2.',
    ]);
  });

  it('checks a whole file given at once (the CLI), the mapping guessed', async () => {
    const data = Buffer.from('Nombre;Móvil\nLucía;612345678\nPedro;12\n').toString('base64');
    const check = await api.call('clients.importCheck', { data });
    expect(check).toMatchObject({ checked: 2, rowCount: 2, rowsWithErrors: 1, duplicateRows: 0 });
    expect(check.problems).toEqual([expect.objectContaining({ row: 3, field: 'phone', code: 'invalid_phone', message: 'El teléfono no es válido.' })]);
    expect(await clientCount()).toBe(0);
  });

  it('refuses a mapping without a name or with a field twice, naming the column', async () => {
    const preview = await uploadCsv(api, utf8(mixed));
    const noName: ColumnMapping = preview.mapping.map((m) => (m === 'firstName' ? null : m));
    expect(await api.refuse('clients.importCheck', { jobId: preview.jobId, mapping: noName, offset: 0 })).toMatchObject({ code: 'mapping_needs_name' });
    const twice: ColumnMapping = ['firstName', 'firstName'];
    expect(await api.refuse('clients.importCheck', { jobId: preview.jobId, mapping: twice, offset: 0 })).toMatchObject({
      code: 'mapping_twice',
      field: 'mapping.1',
    });
  });

  it('runs again under a fixed mapping: a column given to the wrong field, then put right', async () => {
    // The system this came from called the last name "Nombre 2": mapped to nothing, then to lastName.
    const csv = 'Nombre;Nombre 2;Tel\nLucía;García;612345678\nPedro;Ruiz;abc\n';
    const preview = await uploadCsv(api, utf8(csv));
    expect(preview.mapping).toEqual(['firstName', null, 'phone']);
    const first = await dryRun(api, preview.jobId, preview.mapping);
    expect(first.rowsWithErrors).toBe(1);
    const fixed = await dryRun(api, preview.jobId, ['firstName', 'lastName', null]);
    expect(fixed.rowsWithErrors).toBe(0);
    expect(await api.call('clients.import', { jobId: preview.jobId, mapping: ['firstName', 'lastName', null] })).toEqual({ imported: 2, skippedDuplicates: 0 });
    const { items } = await api.call('clients.search', { query: 'ruiz' });
    expect(items[0]).toMatchObject({ firstName: 'Pedro', lastName: 'Ruiz', phone: null });
  });
});

describe('clients.import', () => {
  it('is all or nothing: one bad row and no client, no feed row, no audit entry is written', async () => {
    const preview = await uploadCsv(api, utf8(mixed));
    const error = await api.refuse('clients.import', { jobId: preview.jobId, mapping: preview.mapping });
    expect(error).toMatchObject({ code: 'import_has_problems', field: 'file' });
    expect(error.message).toContain('No se ha importado nada');
    expect(await clientCount()).toBe(0);
    const log = await api.host.database.db.selectFrom('change_log').select('call').where('call', '=', 'clients.import').execute();
    expect(log).toEqual([]);
    const feed = await api.host.database.db.selectFrom('feed').select('tbl').where('tbl', '=', 'clients').execute();
    expect(feed).toEqual([]);
  });

  it('imports every card normalised as clients.create would, in the feed row by row, one audit entry with counts only', async () => {
    const pet = await api.call('customFields.create', { label: 'Mascota', kind: 'text' });
    const csv = [
      'Nombre completo,Teléfono,Email,DNI,Fecha de nacimiento,Peso,Mascota,Fecha de alta',
      '"García López, Lucía",612 34 56 78,Lucia@Correo.es,12.345.678-z,1985-03-02,"62,5",Toby,15/01/2019',
      '"Pedro Ruiz Gil",633112233,,,,,,',
    ].join('\n');
    const preview = await uploadCsv(api, utf8(csv));
    expect(preview.separator).toBe(',');
    expect(await api.call('clients.import', { jobId: preview.jobId, mapping: preview.mapping })).toEqual({ imported: 2, skippedDuplicates: 0 });
    const lucia = (await api.call('clients.search', { query: 'toby' })).items[0]!;
    const card = await api.call('clients.get', { id: lucia.id });
    expect(card).toMatchObject({
      firstName: 'Lucía',
      lastName: 'García López',
      phone: '+34612345678',
      email: 'lucia@correo.es',
      taxId: '12345678Z',
      birthDate: '1985-03-02',
      weightKg: 62.5,
      registeredOn: '2019-01-15',
      customFields: { [pet.id]: 'Toby' },
    });
    const pedro = (await api.call('clients.search', { query: 'pedro' })).items[0]!;
    expect(pedro).toMatchObject({ firstName: 'Pedro', lastName: 'Ruiz Gil' });
    const db = api.host.database.db;
    const feed = await db.selectFrom('feed').select(['tbl', 'op']).where('tbl', 'in', ['clients', 'client_custom_values']).execute();
    expect(feed.filter((f) => f.tbl === 'clients' && f.op === 'insert')).toHaveLength(2);
    expect(feed.filter((f) => f.tbl === 'client_custom_values')).toHaveLength(1);
    const log = await db.selectFrom('change_log').select(['changes', 'subject_client_id']).where('call', '=', 'clients.import').execute();
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0]!.changes)).toEqual({ rows: 2, imported: 2, skippedDuplicates: 0 });
    expect(log[0]!.subject_client_id).toBeNull();
    // The job is spent: the same file cannot be imported twice by accident.
    expect(await api.refuse('clients.import', { jobId: preview.jobId })).toMatchObject({ code: 'import_expired' });
  });

  it('refuses duplicates unless told to leave them out; then keeps the first of each', async () => {
    await api.call('clients.create', { firstName: 'Eva', phone: '612 345 678' });
    const csv = 'Nombre;Teléfono;Email\nEva;612345678;\nAna;633112233;ana@correo.es\nAna otra;;ana@correo.es\nLuis;644556677;\n';
    const preview = await uploadCsv(api, utf8(csv));
    expect(await api.refuse('clients.import', { jobId: preview.jobId })).toMatchObject({ code: 'import_has_problems' });
    expect(await api.call('clients.import', { jobId: preview.jobId, skipDuplicates: true })).toEqual({ imported: 2, skippedDuplicates: 2 });
    const names = (await api.call('clients.search', {})).items.map((c) => c.firstName).sort();
    expect(names).toEqual(['Ana', 'Eva', 'Luis']);
  });

  it('judges duplicates again at import time: a client created after the dry run counts', async () => {
    const preview = await uploadCsv(api, utf8('Nombre;Teléfono\nAna;633112233\n'));
    expect((await dryRun(api, preview.jobId, preview.mapping)).duplicateRows).toBe(0);
    await api.call('clients.create', { firstName: 'Ana', phone: '633 11 22 33' });
    expect(await api.refuse('clients.import', { jobId: preview.jobId })).toMatchObject({ code: 'import_has_problems' });
  });

  it('takes a whole file in one call (the CLI), the mapping guessed', async () => {
    const data = Buffer.from('First name,Last name,Mobile\nJohn,Smith,+44 7911 123456\n').toString('base64');
    expect(await api.call('clients.import', { data })).toEqual({ imported: 1, skippedDuplicates: 0 });
    expect((await api.call('clients.search', { query: 'smith' })).items[0]).toMatchObject({ phone: '+447911123456' });
    expect(await api.refuse('clients.import', {})).toMatchObject({ code: 'required', field: 'jobId' });
  });

  it('leaves nothing of an imported client once they are erased', async () => {
    const preview = await uploadCsv(api, utf8('Nombre;Teléfono;Email\nLucía;612345678;lucia@correo.es\n'));
    await api.call('clients.import', { jobId: preview.jobId });
    const { id } = (await api.call('clients.search', { query: 'lucia' })).items[0]!;
    await api.call('clients.delete', { id });
    const db = api.host.database.db;
    expect(await db.selectFrom('clients').select('id').execute()).toEqual([]);
    const log = await db.selectFrom('change_log').select('changes').execute();
    expect(log.map((l) => l.changes).join('\n')).not.toMatch(/lucia|612345678/i);
    const feed = await db.selectFrom('feed').select('data').where('subject_client_id', '=', id).execute();
    expect(feed.map((f) => f.data ?? '').join('\n')).not.toMatch(/lucia|612345678/i);
  });
});

describe('clients.exportCsv', () => {
  it('writes UTF-8 with a BOM, `;` between fields, the Spanish headers, and guards formulas', async () => {
    const pet = await api.call('customFields.create', { label: 'Mascota', kind: 'text' });
    await api.call('clients.create', { firstName: 'Lucía', lastName: 'Núñez; "la Rubia"', phone: '612345678', weightKg: 60.5, notes: '=HYPERLINK("x")\nsegunda línea', customFields: { [pet.id]: 'Toby' } });
    const exported = await api.call('clients.exportCsv', {});
    const bytes = Buffer.from(exported.data, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      'Nombre;Apellidos;Teléfono;Email;Fecha de nacimiento;Sexo;Dirección;Código postal;Ciudad;DNI/NIF;Peso (kg);Altura (cm);Notas;Grupo de clientes;Formación;Profesión;Cómo nos conoció;Códigos de facturación;Fecha de alta;Mascota',
    );
    expect(text).toContain('Lucía;"Núñez; ""la Rubia""";+34612345678;;;;;;;;60,5;;"\'=HYPERLINK(""x"")\nsegunda línea"');
    expect(exported).toMatchObject({ rows: 1, fileName: expect.stringMatching(/^clientes-\d{4}-\d{2}-\d{2}\.csv$/) });
  });

});
