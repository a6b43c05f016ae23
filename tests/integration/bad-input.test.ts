import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorMessages } from '../../src-shared/i18n/errors';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { rowCounts } from './db-inspect';

let api: TempApi;
beforeEach(async () => {
  api = await openTempApi();
});
afterEach(async () => {
  await api.close();
});

const sqlText = "'); DROP TABLE clients; --";
const htmlText = '<img src=x onerror=alert(1)>';
const validId = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

/** Refuses and checks that not one row of any table changed. */
async function refusedWritingNothing(call: string, input: unknown) {
  const before = rowCounts(api.host.database.sqlite);
  const error = await api.refuse(call, input);
  expect(rowCounts(api.host.database.sqlite)).toEqual(before);
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.message).not.toMatch(/at .+\.ts|Error:|SQLITE|zod/i);
  return error;
}

describe('malformed calls', () => {
  it.each(['clients.drop', 'clients', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])('refuses the unknown call %j', async (call) => {
    expect(await refusedWritingNothing(call, {})).toMatchObject({ code: 'unknown_call' });
  });

  it.each([42, null, undefined, {}, ['clients.create']])('refuses a call name that is not a string (%j)', async (call) => {
    const result = await api.host.invoke(call, { firstName: 'Ana' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect((await api.call('clients.search', {})).total).toBe(0);
  });

  it.each([
    ['input is a string', 'Ana', 'invalid_type', undefined],
    ['input is an array', ['Ana'], 'invalid_type', undefined],
    ['input is a number', 7, 'invalid_type', undefined],
    ['missing first name', { lastName: 'Ruiz' }, 'required', 'firstName'],
    ['empty first name', { firstName: '   ' }, 'required', 'firstName'],
    ['first name is a number', { firstName: 42 }, 'invalid_type', 'firstName'],
    ['first name is an object', { firstName: { $ne: '' } }, 'invalid_type', 'firstName'],
    ['weight is text', { firstName: 'Ana', weightKg: '80' }, 'invalid_type', 'weightKg'],
    ['weight is infinite', { firstName: 'Ana', weightKg: Number.POSITIVE_INFINITY }, undefined, 'weightKg'],
    ['weight is negative', { firstName: 'Ana', weightKg: -3 }, 'out_of_range', 'weightKg'],
    ['height is absurd', { firstName: 'Ana', heightCm: 1000 }, 'out_of_range', 'heightCm'],
    ['tagIds is not a list', { firstName: 'Ana', tagIds: validId }, 'invalid_type', 'tagIds'],
    ['tag id is malformed', { firstName: 'Ana', tagIds: ['1; DELETE FROM tags'] }, 'invalid_input', 'tagIds.0'],
    ['sex outside the list', { firstName: 'Ana', sex: 'x' }, 'invalid_choice', 'sex'],
    ['birth date malformed', { firstName: 'Ana', birthDate: '12/04/1985' }, 'invalid_date', 'birthDate'],
    ['birth date impossible', { firstName: 'Ana', birthDate: '1985-02-30' }, 'invalid_date', 'birthDate'],
    ['birth date in the future', { firstName: 'Ana', birthDate: '2199-01-01' }, 'invalid_date', 'birthDate'],
    ['birth date past the dates Mostrador handles', { firstName: 'Ana', birthDate: '2999-01-01' }, 'date_out_of_range', 'birthDate'],
    ['birth date before them', { firstName: 'Ana', birthDate: '1899-12-31' }, 'date_out_of_range', 'birthDate'],
    ['invalid email', { firstName: 'Ana', email: 'ana@' }, 'invalid_email', 'email'],
    ['invalid phone', { firstName: 'Ana', phone: '12' }, 'invalid_phone', 'phone'],
    ['phone with SQL', { firstName: 'Ana', phone: sqlText }, 'invalid_phone', 'phone'],
    ['invalid DNI', { firstName: 'Ana', taxId: '12345678A' }, 'invalid_tax_id', 'taxId'],
    ['unknown key', { firstName: 'Ana', isAdmin: true }, 'invalid_input', 'isAdmin'],
    ['unknown key that names a column', { firstName: 'Ana', search_rowid: 1 }, 'invalid_input', 'search_rowid'],
    ['prototype pollution key', JSON.parse('{"firstName":"Ana","__proto__":{"blacklisted":true}}'), 'invalid_input', '__proto__'],
    ['first name over 80', { firstName: 'a'.repeat(81) }, 'too_long', 'firstName'],
    ['notes over 4000', { firstName: 'Ana', notes: 'n'.repeat(4001) }, 'too_long', 'notes'],
    ['a megabyte of name', { firstName: 'x'.repeat(1_000_000) }, 'too_long', 'firstName'],
    ['too many tags', { firstName: 'Ana', tagIds: Array.from({ length: 51 }, () => validId) }, 'too_long', 'tagIds'],
  ])('refuses clients.create when %s', async (_case, input, code, field) => {
    const error = await refusedWritingNothing('clients.create', input);
    if (code !== undefined) expect(error.code).toBe(code);
    expect(error.field).toBe(field);
  });

  it('says the limit in the message of a too-long field', async () => {
    const error = await refusedWritingNothing('clients.create', { firstName: 'a'.repeat(81) });
    expect(error.message).toBe('Es demasiado largo (máximo 80).');
  });

  it.each([
    ['clients.search', { query: 'q'.repeat(201) }, 'too_long', 'query'],
    ['clients.search', { limit: 0 }, 'out_of_range', 'limit'],
    ['clients.search', { limit: 1.5 }, undefined, 'limit'],
    ['clients.search', { offset: -1 }, 'out_of_range', 'offset'],
    ['clients.get', { id: "1' OR '1'='1" }, 'invalid_input', 'id'],
    ['clients.get', {}, 'required', 'id'],
    ['clients.delete', { id: `${validId}; DROP TABLE clients` }, 'invalid_input', 'id'],
    ['clients.setBlacklist', { id: validId, blacklisted: 'yes' }, 'invalid_type', 'blacklisted'],
    ['clients.setBlacklist', { id: validId, blacklisted: true, reason: 'r'.repeat(501) }, 'too_long', 'reason'],
    ['tags.create', { name: 't'.repeat(51) }, 'too_long', 'name'],
    ['tags.create', {}, 'required', 'name'],
    ['customFields.create', { label: 'Nivel', kind: 'choice', options: ['o'.repeat(81)] }, 'too_long', 'options.0'],
    ['settings.get', { extra: 1 }, 'invalid_input', 'extra'],
  ])('refuses %s %j', async (call, input, code, field) => {
    const error = await refusedWritingNothing(call, input);
    if (code !== undefined) expect(error.code).toBe(code);
    expect(error.field).toBe(field);
  });
});

describe('text that looks like code', () => {
  it.each([
    ['SQL', sqlText],
    ['HTML', htmlText],
    ['quotes and backslashes', `O'Brien "el \\ Toro"`],
    ['FTS syntax', 'NEAR(a b) OR c*'],
  ])('stores %s in a name verbatim, as text, and finds it', async (_kind, value) => {
    const { client } = await api.call('clients.create', { firstName: value, lastName: value, notes: value });
    const stored = await api.call('clients.get', { id: client.id });
    expect(stored).toMatchObject({ firstName: value, lastName: value, notes: value });
    const raw = api.host.database.sqlite.prepare('SELECT first_name FROM clients WHERE id = ?').pluck().get(client.id);
    expect(raw).toBe(value);
    expect(api.host.database.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'clients'").pluck().get()).toBe(1);
    const found = await api.call('clients.search', { query: value });
    expect(found.items.map((c) => c.id)).toEqual([client.id]);
  });

  it('keeps tag names and custom field labels verbatim too', async () => {
    const tag = await api.call('tags.create', { name: htmlText.slice(0, 50) });
    const field = await api.call('customFields.create', { label: sqlText, kind: 'text' });
    expect((await api.call('tags.list', {}))[0]?.name).toBe(htmlText);
    expect((await api.call('customFields.list', {}))[0]?.label).toBe(sqlText);
    const { client } = await api.call('clients.create', { firstName: 'Ana', tagIds: [tag.id], customFields: { [field.id]: htmlText } });
    expect(client.customFields[field.id]).toBe(htmlText);
  });
});

describe('error messages', () => {
  it('are in Spanish by default and in English after choosing it', async () => {
    const spanish = await api.refuse('clients.create', { firstName: 'Ana', phone: '12' });
    expect(spanish).toEqual({ code: 'invalid_phone', field: 'phone', message: errorMessages.es.invalid_phone });
    expect((await api.refuse('nope', {})).message).toBe('Operación desconocida.');

    await api.call('settings.update', { language: 'en' });
    const english = await api.refuse('clients.create', { firstName: 'Ana', phone: '12' });
    expect(english).toEqual({ code: 'invalid_phone', field: 'phone', message: 'The phone number is not valid.' });
    expect((await api.refuse('nope', {})).message).toBe('Unknown operation.');
    expect((await api.refuse('clients.create', { firstName: 'a'.repeat(81) })).message).toBe('Too long (at most 80).');
    expect((await api.refuse('clients.create', {})).message).toBe('This field is required.');
  });

  it('exist for every code in both languages', () => {
    for (const language of ['es', 'en'] as const) {
      for (const message of Object.values(errorMessages[language])) expect(message.trim().length).toBeGreaterThan(3);
    }
    expect(Object.keys(errorMessages.en).sort()).toEqual(Object.keys(errorMessages.es).sort());
  });
});
