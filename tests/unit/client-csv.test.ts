import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientInput } from '../../src-shared/api/clients';
import type { CustomField } from '../../src-shared/domain/custom-field';
import { appErrorFromZod } from '../../src-main/api/zod-error';
import type { ImportedClient, ImportRules } from '../../src-main/engine/clients/import/check-row';
import { checkRow, importDate } from '../../src-main/engine/clients/import/check-row';
import { guessMapping } from '../../src-main/engine/clients/import/column-guess';
import { decodeCsv, maxCellChars, readCsv } from '../../src-main/engine/clients/import/csv-read';
import type { ExportRow } from '../../src-main/engine/clients/import/csv-write';
import { clientsCsv } from '../../src-main/engine/clients/import/csv-write';
import { sortName } from '../../src-main/engine/clients/client-fields';
import { AppError } from '../../src-main/errors/app-error';

const fields: CustomField[] = [
  { id: '01J0000000000000000000000A', label: 'Mascota', kind: 'text', options: [], position: 0 },
  { id: '01J0000000000000000000000B', label: 'Talla', kind: 'number', options: [], position: 1 },
  { id: '01J0000000000000000000000C', label: 'Primera visita', kind: 'date', options: [], position: 2 },
  { id: '01J0000000000000000000000D', label: 'Nivel', kind: 'choice', options: ['Inicial', 'Avanzado; pro'], position: 3 },
];
const rules: ImportRules = {
  country: 'ES',
  today: '2026-12-07',
  customFields: fields,
  parseCard: (input) => {
    const parsed = clientInput.safeParse(input);
    return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: appErrorFromZod(parsed.error).everyField };
  },
};
const bytes = (text: string) => new TextEncoder().encode(text);
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, field: error.field, params: error.params };
    throw error;
  }
  throw new Error('not refused');
};

describe('reading a CSV', () => {
  const text = 'Nombre;Apellidos\nJosé;Muñoz\n';

  it('reads UTF-8 with and without a BOM, Windows-1252/Latin-1, and Excel’s UTF-16 by its BOM', () => {
    expect(decodeCsv(bytes(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text)]))).toEqual({ text, encoding: 'utf-8-bom' });
    expect(decodeCsv(Buffer.from(text, 'latin1'))).toEqual({ text, encoding: 'windows-1252' });
    // Windows-1252's own letters beyond Latin-1 (the euro sign, curly quotes) read right too.
    expect(decodeCsv(new Uint8Array([0x80, 0x20, 0x93, 0x61, 0x94])).text).toBe('€ “a”');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replaceAll(';', '\t'), 'utf16le')]);
    expect(readCsv(utf16)).toMatchObject({ encoding: 'utf-16le', separator: '\t', headers: ['Nombre', 'Apellidos'], rows: [{ line: 2, cells: ['José', 'Muñoz'] }] });
    // The BOM is not part of the first header.
    expect(readCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text)])).headers[0]).toBe('Nombre');
  });

  it('finds the separator: `;`, `,` or a tab, not fooled by one inside quotes', () => {
    expect(readCsv(bytes('a;b;c\n1;2;3\n')).separator).toBe(';');
    expect(readCsv(bytes('a,b,c\n1,2,3\n')).separator).toBe(',');
    expect(readCsv(bytes('a\tb\tc\n1\t2\t3\n')).separator).toBe('\t');
    const quoted = readCsv(bytes('Nombre;Notas\n"García, Lucía";"uno, dos"\nPedro;tres\n'));
    expect(quoted.separator).toBe(';');
    expect(quoted.rows[0]?.cells).toEqual(['García, Lucía', 'uno, dos']);
  });

  it('keeps newlines and quotes inside quoted fields, numbering rows as a spreadsheet does', () => {
    const file = readCsv(bytes('Nombre;Notas\r\nLucía;"Alergia al látex\r\n""importante"""\r\nPedro;x\r\n'));
    expect(file.rows).toEqual([
      { line: 2, cells: ['Lucía', 'Alergia al látex\r\n"importante"'] },
      { line: 3, cells: ['Pedro', 'x'] },
    ]);
  });

  it('leaves out empty rows (blank, or only separators) and keeps the others’ numbers', () => {
    const file = readCsv(bytes('\n\nNombre;Apellidos\n;\nLucía;García\n  ;  \n\nPedro;Ruiz\n'));
    expect(file.headers).toEqual(['Nombre', 'Apellidos']);
    expect(file.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [5, 'Lucía'],
      [8, 'Pedro'],
    ]);
  });

  it('refuses a 1 MB cell naming its row, an empty file, and a file that is not text', () => {
    const big = `Nombre;Notas\nLucía;x\nPedro;${'x'.repeat(maxCellChars + 1)}\n`;
    expect(refusal(() => readCsv(bytes(big)))).toEqual({ code: 'csv_cell_too_large', field: 'file', params: { detail: '3' } });
    // Just under the limit is a (long) cell, read.
    expect(readCsv(bytes(`Nombre;Notas\nLucía;${'x'.repeat(maxCellChars)}\n`)).rows).toHaveLength(1);
    expect(refusal(() => readCsv(bytes('\n;;\n')))).toMatchObject({ code: 'csv_no_rows' });
    expect(refusal(() => readCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00])))).toMatchObject({ code: 'csv_unreadable' });
  });
});

describe('guessing the columns', () => {
  it('knows the usual Spanish and English headers, accents and case aside', () => {
    const headers = ['NOMBRE', 'Apellidos', 'Móvil', 'Correo electrónico', 'Fecha de nacimiento', 'DNI', 'Dirección', 'C.P.', 'Ciudad', 'Sexo', 'Observaciones', 'Otra cosa'];
    expect(guessMapping(headers, [])).toEqual(['firstName', 'lastName', 'phone', 'email', 'birthDate', 'taxId', 'address', 'postalCode', 'city', 'sex', 'notes', null]);
    const english = ['First name', 'Last Name', 'Mobile', 'E-mail', 'DOB', 'Tax ID', 'Zip', 'City', 'Gender', 'Notes', 'Customer since'];
    expect(guessMapping(english, [])).toEqual(['firstName', 'lastName', 'phone', 'email', 'birthDate', 'taxId', 'postalCode', 'city', 'sex', 'notes', 'registeredOn']);
    expect(guessMapping(['Nombre completo', 'Teléfono', 'NIE', 'RUT'], [])).toEqual(['fullName', 'phone', 'taxId', null]);
  });

  it('gives a custom field its column by label, and each field one column only', () => {
    expect(guessMapping(['Nombre', 'mascota', 'Teléfono', 'Móvil'], fields)).toEqual(['firstName', `custom:${fields[0]!.id}`, 'phone', null]);
  });
});

describe('a row as a card', () => {
  const card = (headers: string[], cells: string[]) => checkRow({ line: 2, cells }, guessMapping(headers, fields), rules);

  it('reads the dates, numbers and sexes spreadsheets write', () => {
    expect(['02/03/1985', '2-3-1985', '02.03.1985', '1985-03-02', '1985/3/2', '1985-03-02 00:00:00'].map(importDate)).toEqual(Array(6).fill('1985-03-02'));
    expect(importDate('31/02/1985')).toBe('31/02/1985');
    const result = card(['Nombre', 'Sexo', 'Peso', 'Altura', 'Talla'], ['Ana', 'mujer', '62,5', '170', '38,5']) as ImportedClient;
    expect(result.columns).toMatchObject({ sex: 'female', weight_kg: 62.5, height_cm: 170 });
    expect(result.customValues.get(fields[1]!.id)).toBe('38.5');
  });

  it('splits a full name ("Apellidos, Nombre" or "Nombre Apellidos")', () => {
    expect((card(['Cliente'], ['García López, Lucía']) as ImportedClient).columns).toMatchObject({ first_name: 'Lucía', last_name: 'García López' });
    expect((card(['Cliente'], ['Lucía García López']) as ImportedClient).columns).toMatchObject({ first_name: 'Lucía', last_name: 'García López' });
  });

  it('names every bad field of a row at once, with the codes of clients.create', () => {
    const problems = card(['Nombre', 'Teléfono', 'Email', 'DNI', 'Fecha de nacimiento', 'Sexo', 'Nivel', 'Fecha de alta'], ['', '12', 'x@', '12345678A', '2030-01-01', 'quizá', 'Experto', '2030-01-01']);
    expect(Array.isArray(problems) && problems.map((p) => `${p.field}:${p.error.code}`).sort()).toEqual(
      ['custom:' + fields[3]!.id + ':invalid_choice', 'firstName:required', 'birthDate:invalid_date', 'phone:invalid_phone', 'email:invalid_email', 'taxId:invalid_tax_id', 'sex:invalid_choice', 'registeredOn:invalid_date'].sort(),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Round trip: what the export writes, the import reads back as the same cards.

const dniLetters = 'TRWAGMYFPDXBNJZSQVHLCKE';
const textChars = fc.constantFrom('a', 'Z', 'ñ', 'é', 'Ü', ' ', ';', ',', '"', "'", '\n', '\t', '=', '+', '-', '@', '1', '€', '😀');
/** Text as a card stores it: trimmed, not empty, within the contract's length. */
const cardText = (max: number) =>
  fc
    .array(textChars, { minLength: 1, maxLength: Math.min(max, 24) })
    .map((chars) => chars.join('').trim().slice(0, max).trim())
    .filter((t) => t.length > 0);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-12-06T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const exportRow = fc.record({
  first_name: cardText(80),
  last_name: optional(cardText(120)),
  phone: optional(fc.constantFrom('+34612345678', '+34933112233', '+447911123456', '+56912345678')),
  email: optional(fc.tuple(fc.stringMatching(/^[a-z0-9]{1,10}$/), fc.constantFrom('correo.es', 'mail.com')).map(([u, d]) => `${u}@${d}`)),
  birth_date: optional(date),
  sex: optional(fc.constantFrom('female' as const, 'male' as const, 'other' as const)),
  address: optional(cardText(200)),
  postal_code: optional(fc.stringMatching(/^\d{5}$/)),
  city: optional(cardText(100)),
  tax_id: optional(fc.integer({ min: 0, max: 99_999_999 }).map((n) => `${String(n).padStart(8, '0')}${dniLetters[n % 23]}`)),
  weight_kg: optional(fc.integer({ min: 1, max: 5000 }).map((n) => n / 10)),
  height_cm: optional(fc.integer({ min: 1, max: 3000 }).map((n) => n / 10)),
  notes: optional(cardText(4000)),
  client_group: optional(cardText(100)),
  education: optional(cardText(100)),
  profession: optional(cardText(100)),
  referral_source: optional(cardText(100)),
  invoicing_codes: optional(cardText(100)),
  registered_on: date,
  custom: fc.record({
    text: optional(cardText(500)),
    number: optional(fc.integer({ min: -10_000, max: 10_000 }).map((n) => String(n / 4))),
    date: optional(date),
    choice: optional(fc.constantFrom('Inicial', 'Avanzado; pro')),
  }),
});

describe('export then import', () => {
  it('any exported list reads back as the same cards, in either language', () => {
    fc.assert(
      fc.property(fc.array(exportRow, { maxLength: 12 }), fc.constantFrom('es' as const, 'en' as const), (list, language) => {
        const rows: ExportRow[] = list.map(({ custom: _custom, ...row }, i) => ({ ...row, id: `client-${i}`, sort_name: sortName(row.first_name, row.last_name) }));
        const values = new Map(
          list.map((row, i) => [
            `client-${i}`,
            new Map(
              [row.custom.text, row.custom.number, row.custom.date, row.custom.choice].flatMap((v, k) => (v === null ? [] : [[fields[k]!.id, v] as const])),
            ),
          ]),
        );
        const csv = bytes(clientsCsv(rows, values, fields, language));
        if (rows.length === 0) {
          expect(readCsv(csv).rows).toEqual([]);
          return;
        }
        const file = readCsv(csv);
        expect(file).toMatchObject({ encoding: 'utf-8-bom', separator: ';' });
        const mapping = guessMapping(file.headers, fields);
        expect(file.rows).toHaveLength(rows.length);
        file.rows.forEach((csvRow, i) => {
          const result = checkRow(csvRow, mapping, rules);
          if (Array.isArray(result)) throw new Error(`row ${csvRow.line}: ${result.map((p) => `${p.field} ${p.error.code}`).join(', ')}`);
          const { id: _id, registered_on, ...columns } = rows[i]!;
          expect(result.columns).toEqual(columns);
          expect(result.registeredOn).toBe(registered_on);
          expect(new Map([...result.customValues].filter(([, v]) => v !== null))).toEqual(values.get(`client-${i}`));
        });
      }),
      { numRuns: 300 },
    );
  });
});
