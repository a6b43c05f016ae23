import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';

let api: TempApi;
beforeEach(async () => {
  api = await openTempApi();
});
afterEach(async () => {
  await api.close();
});

async function names(query: string, extra: { tagId?: string; blacklisted?: boolean } = {}): Promise<string[]> {
  const { items } = await api.call('clients.search', { query, ...extra });
  return items.map((c) => `${c.firstName} ${c.lastName ?? ''}`.trim());
}

describe('client cards', () => {
  it('creates a card with every field normalised and reads it back whole', async () => {
    const pet = await api.call('customFields.create', { label: 'Mascota', kind: 'text' });
    const { client, warnings } = await api.call('clients.create', {
      firstName: '  José ',
      lastName: 'Muñoz Pérez',
      phone: '612 34 56 78',
      email: 'Jose.Munoz@Correo.es',
      birthDate: '1985-04-12',
      sex: 'male',
      address: 'Calle Mayor 1',
      postalCode: '28013',
      city: 'Madrid',
      taxId: '12.345.678-z',
      weightKg: 80.5,
      heightCm: 178,
      notes: 'Alergia al látex',
      clientGroup: 'Mañanas',
      education: 'Universitaria',
      profession: 'Arquitecto',
      referralSource: 'Instagram',
      invoicingCodes: 'F-001',
      customFields: { [pet.id]: 'Toby' },
    });
    expect(warnings).toEqual([]);
    expect(client).toMatchObject({
      firstName: 'José',
      lastName: 'Muñoz Pérez',
      phone: '+34612345678',
      email: 'jose.munoz@correo.es',
      birthDate: '1985-04-12',
      sex: 'male',
      taxId: '12345678Z',
      weightKg: 80.5,
      heightCm: 178,
      notes: 'Alergia al látex',
      blacklisted: false,
      blacklistReason: null,
      blacklistedAt: null,
      tags: [],
      customFields: { [pet.id]: 'Toby' },
    });
    expect(client.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(client.registeredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(client.createdAt).toBe(client.updatedAt);
    expect(await api.call('clients.get', { id: client.id })).toEqual(client);
  });

  it('edits only the fields given; null or empty clears one', async () => {
    const { client } = await api.call('clients.create', { firstName: 'Ana', lastName: 'García', phone: '612345678', city: 'Sevilla' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { client: edited } = await api.call('clients.update', { id: client.id, lastName: 'García López', city: '', phone: null });
    expect(edited).toMatchObject({ firstName: 'Ana', lastName: 'García López', city: null, phone: null });
    expect(edited.updatedAt > client.updatedAt).toBe(true);
    expect(edited.createdAt).toBe(client.createdAt);
    expect(await names('lopez')).toEqual(['Ana García López']);
    expect(await names('612345678')).toEqual([]);
  });

  it('refuses an edit of a client that does not exist', async () => {
    const error = await api.refuse('clients.update', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', firstName: 'X' });
    expect(error).toMatchObject({ code: 'not_found', field: 'id' });
  });
});

describe('search', () => {
  let joseId: string;
  let petId: string;
  beforeEach(async () => {
    petId = (await api.call('customFields.create', { label: 'Mascota', kind: 'text' })).id;
    const jose = await api.call('clients.create', {
      firstName: 'José',
      lastName: 'Muñoz',
      phone: '+34 612 34 56 78',
      email: 'pepe.munoz@correo.es',
      taxId: '12345678Z',
      customFields: { [petId]: 'Canelita' },
    });
    joseId = jose.client.id;
    await api.call('clients.create', { firstName: 'María', lastName: 'Pérez Gómez', phone: '699 11 22 33', email: 'maria@ejemplo.com' });
    await api.call('clients.create', { firstName: 'Josefa', lastName: 'Álvarez' });
  });

  async function finds(query: string) {
    const { items } = await api.call('clients.search', { query });
    return items.map((c) => c.id);
  }

  it.each([
    ['first name', 'José'],
    ['accentless first name', 'jose m'],
    ['last name', 'Muñoz'],
    ['accentless last-name prefix', 'munoz'],
    ['short prefix, upper case', 'MUÑ'],
    ['email', 'pepe.munoz@correo.es'],
    ['email word', 'pepe'],
    ['phone as written internationally', '+34 612 34 56 78'],
    ['phone as national digits', '612345678'],
    ['phone fragment with a space', '612 345'],
    ['tax id', '12345678Z'],
    ['tax id prefix', '1234567'],
    ['custom field value', 'canelita'],
    ['custom field prefix', 'Canel'],
    ['two words of different kinds', 'jose 612'],
  ])('finds the client by %s (%j)', async (_kind, query) => {
    expect(await finds(query)).toContain(joseId);
  });

  it('requires every word to match', async () => {
    expect(await finds('jose perez')).toEqual([]);
    expect(await names('maria gomez')).toEqual(['María Pérez Gómez']);
  });

  it('finds by prefix: "jose" reaches José and Josefa, not María', async () => {
    expect(new Set(await names('jose'))).toEqual(new Set(['José Muñoz', 'Josefa Álvarez']));
  });

  it('lists everyone by last name when the query is empty or only punctuation', async () => {
    const all = await api.call('clients.search', {});
    expect(all.total).toBe(3);
    expect(all.items.map((c) => c.lastName)).toEqual(['Álvarez', 'Muñoz', 'Pérez Gómez']);
    expect((await api.call('clients.search', { query: '"*()' })).total).toBe(3);
  });

  it('pages with limit and offset and counts the total', async () => {
    const first = await api.call('clients.search', { limit: 2 });
    const rest = await api.call('clients.search', { limit: 2, offset: 2 });
    expect(first.total).toBe(3);
    expect(first.items).toHaveLength(2);
    expect(rest.items).toHaveLength(1);
    expect(new Set([...first.items, ...rest.items].map((c) => c.id)).size).toBe(3);
  });

  it('takes FTS syntax typed in the box as plain words', async () => {
    for (const query of ['"jose', 'jose*', 'NEAR(jose munoz)', 'jose OR maria', '(munoz)', 'munoz AND', "'); DROP TABLE clients; --"]) {
      const result = await api.host.invoke('clients.search', { query });
      expect(result.ok).toBe(true);
    }
    expect(await finds('(munoz)')).toEqual([joseId]);
    expect((await api.call('clients.search', {})).total).toBe(3);
  });

  it('follows edits, custom field removal and deletion in the index', async () => {
    await api.call('clients.update', { id: joseId, lastName: 'Santos', email: null, customFields: { [petId]: null } });
    expect(await finds('munoz')).toEqual([]);
    expect(await finds('santos')).toEqual([joseId]);
    expect(await finds('canelita')).toEqual([]);
    const other = await api.call('customFields.create', { label: 'Color', kind: 'text' });
    await api.call('clients.update', { id: joseId, customFields: { [other.id]: 'Caoba' } });
    expect(await finds('caoba')).toEqual([joseId]);
    await api.call('customFields.delete', { id: other.id });
    expect(await finds('caoba')).toEqual([]);
  });
});

describe('blacklist', () => {
  it('puts a client on the blacklist with reason and date, shows it in search, and takes them off', async () => {
    const { client } = await api.call('clients.create', { firstName: 'Lucía', lastName: 'Ramos' });
    const on = await api.call('clients.setBlacklist', { id: client.id, blacklisted: true, reason: 'No se presentó tres veces' });
    expect(on.blacklisted).toBe(true);
    expect(on.blacklistReason).toBe('No se presentó tres veces');
    expect(on.blacklistedAt).not.toBeNull();
    expect(Number.isNaN(Date.parse(on.blacklistedAt ?? ''))).toBe(false);
    const found = await api.call('clients.search', { query: 'lucia' });
    expect(found.items[0]?.blacklisted).toBe(true);
    expect((await api.call('clients.search', { blacklisted: true })).items.map((c) => c.id)).toEqual([client.id]);

    const off = await api.call('clients.setBlacklist', { id: client.id, blacklisted: false });
    expect(off).toMatchObject({ blacklisted: false, blacklistReason: null, blacklistedAt: null });
    expect((await api.call('clients.search', { blacklisted: true })).total).toBe(0);
    expect((await api.call('clients.search', { blacklisted: false })).total).toBe(1);
  });

  it('refuses to blacklist a client that does not exist', async () => {
    const error = await api.refuse('clients.setBlacklist', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', blacklisted: true });
    expect(error.code).toBe('not_found');
  });
});

describe('duplicate warning', () => {
  it('warns when the phone or email already belongs to another client, and still saves', async () => {
    const first = await api.call('clients.create', { firstName: 'Ana', lastName: 'Ruiz', phone: '612 34 56 78', email: 'ana@correo.es' });
    const second = await api.call('clients.create', { firstName: 'Anabel', phone: '+34612345678', email: 'ANA@correo.es' });
    expect(second.warnings).toEqual(
      expect.arrayContaining([
        { kind: 'phone', clientId: first.client.id, clientName: 'Ana Ruiz' },
        { kind: 'email', clientId: first.client.id, clientName: 'Ana Ruiz' },
      ]),
    );
    expect(second.warnings).toHaveLength(2);
    expect((await api.call('clients.search', {})).total).toBe(2);
  });

  it('checkDuplicates answers while typing, excluding the card being edited', async () => {
    const { client } = await api.call('clients.create', { firstName: 'Ana', phone: '612345678', email: 'ana@correo.es' });
    expect(await api.call('clients.checkDuplicates', { phone: '612 34 56 78' })).toEqual([
      { kind: 'phone', clientId: client.id, clientName: 'Ana' },
    ]);
    expect(await api.call('clients.checkDuplicates', { email: 'Ana@Correo.es' })).toHaveLength(1);
    expect(await api.call('clients.checkDuplicates', { phone: '612345678', excludeId: client.id })).toEqual([]);
    expect(await api.call('clients.checkDuplicates', { phone: '612 3' })).toEqual([]);
    const edit = await api.call('clients.update', { id: client.id, notes: 'Sin cambios de contacto' });
    expect(edit.warnings).toEqual([]);
  });
});

describe('search over many matches', () => {
  it('sorts a narrow query by name and lists a broad one most recent first, with the right total', { timeout: 60_000 }, async () => {
    // Past 500 matches sorting every match would slow typing: the newest come first instead.
    const count = 520;
    const order = Array.from({ length: count }, (_, i) => (i * 7919) % count); // created out of name order
    for (const n of order) {
      await api.call('clients.create', { firstName: 'Marta', lastName: `Lote${String(n).padStart(4, '0')}` });
    }
    await api.call('clients.create', { firstName: 'Pedro', lastName: 'Lote9999' });
    const name = (n: number) => `Lote${String(n).padStart(4, '0')}`;
    const newestFirst = [...order].reverse().map(name);
    for (const query of ['marta', 'mar', 'marta lote']) {
      const first = await api.call('clients.search', { query, limit: 25 });
      expect(first.total).toBe(count);
      expect(first.totalIsAtLeast).toBe(false);
      expect(first.order).toBe('recent');
      expect(first.items.map((c) => c.lastName)).toEqual(newestFirst.slice(0, 25));
      const later = await api.call('clients.search', { query, limit: 10, offset: count - 5 });
      expect(later.items.map((c) => c.lastName)).toEqual(newestFirst.slice(count - 5));
    }
    const narrow = await api.call('clients.search', { query: 'lote00' });
    expect(narrow.total).toBe(100);
    expect(narrow.order).toBe('name');
    expect(narrow.items.map((c) => c.lastName)).toEqual(Array.from({ length: 25 }, (_, n) => name(n)));
  });
});

describe('search over more matches than are counted', () => {
  it('counts a broad query only up to 1,000 and says "at least", newest first; a narrow one stays exact', { timeout: 120_000 }, async () => {
    // A full count reads every match: past the bound the total is a floor, so a couple of letters cost the same in any centre.
    const count = 1005;
    for (let n = 0; n < count; n++) await api.call('clients.create', { firstName: 'Nuria', lastName: `Tanda${String(n).padStart(4, '0')}` });
    const broad = await api.call('clients.search', { query: 'nu', limit: 5 });
    expect(broad).toMatchObject({ total: 1000, totalIsAtLeast: true, order: 'recent' });
    expect(broad.items.map((c) => c.lastName)).toEqual(['Tanda1004', 'Tanda1003', 'Tanda1002', 'Tanda1001', 'Tanda1000']);
    // Paging past the bound still reaches the oldest.
    const last = await api.call('clients.search', { query: 'nuria', limit: 10, offset: count - 2 });
    expect(last.items.map((c) => c.lastName)).toEqual(['Tanda0001', 'Tanda0000']);
    expect(await api.call('clients.search', { query: 'nuria tanda1' })).toMatchObject({ total: 5, totalIsAtLeast: false, order: 'name' });
    // Filters and the plain list are still counted whole.
    expect(await api.call('clients.search', { limit: 1 })).toMatchObject({ total: count, totalIsAtLeast: false });
    expect(await api.call('clients.search', { query: 'nuria', blacklisted: false, limit: 1 })).toMatchObject({ total: count, totalIsAtLeast: false });
  });
});
