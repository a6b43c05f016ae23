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

async function fields() {
  const allergies = await api.call('customFields.create', { label: 'Alergias', kind: 'text' });
  const shoe = await api.call('customFields.create', { label: 'Talla de calzado', kind: 'number' });
  const since = await api.call('customFields.create', { label: 'Primera visita', kind: 'date' });
  const level = await api.call('customFields.create', { label: 'Nivel', kind: 'choice', options: ['Inicial', 'Intermedio', 'Avanzado', 'Inicial'] });
  return { allergies, shoe, since, level };
}

describe('custom fields', () => {
  it('are listed in order of creation, choices without repeats', async () => {
    const { level } = await fields();
    expect(level.options).toEqual(['Inicial', 'Intermedio', 'Avanzado']);
    expect(level.options).not.toContain(undefined);
    const listed = await api.call('customFields.list', {});
    expect(listed.map((f) => [f.label, f.kind, f.position])).toEqual([
      ['Alergias', 'text', 0],
      ['Talla de calzado', 'number', 1],
      ['Primera visita', 'date', 2],
      ['Nivel', 'choice', 3],
    ]);
  });

  it('hold a value of each kind on a card, typed back', async () => {
    const { allergies, shoe, since, level } = await fields();
    const { client } = await api.call('clients.create', {
      firstName: 'Ana',
      customFields: { [allergies.id]: 'Látex', [shoe.id]: '38,5', [since.id]: '2024-02-29', [level.id]: 'Avanzado' },
    });
    expect(client.customFields).toEqual({ [allergies.id]: 'Látex', [shoe.id]: 38.5, [since.id]: '2024-02-29', [level.id]: 'Avanzado' });
    const edited = await api.call('clients.update', { id: client.id, customFields: { [shoe.id]: 39, [allergies.id]: '' } });
    expect(edited.client.customFields).toEqual({ [shoe.id]: 39, [since.id]: '2024-02-29', [level.id]: 'Avanzado' });
  });

  it('refuse a value of the wrong kind, naming the field', async () => {
    const { shoe, since, level } = await fields();
    expect(await api.refuse('clients.create', { firstName: 'Ana', customFields: { [shoe.id]: 'grande' } })).toMatchObject({
      code: 'invalid_type',
      field: `customFields.${shoe.id}`,
    });
    expect((await api.refuse('clients.create', { firstName: 'Ana', customFields: { [since.id]: '2024-02-30' } })).code).toBe('invalid_date');
    expect((await api.refuse('clients.create', { firstName: 'Ana', customFields: { [level.id]: 'Experta' } })).code).toBe('invalid_choice');
    expect((await api.refuse('clients.create', { firstName: 'Ana', customFields: { '01ARZ3NDEKTSV4RRFFQ69G5FAV': 'x' } })).code).toBe('not_found');
    expect((await api.call('clients.search', {})).total).toBe(0);
  });

  it('refuse a duplicate label and a choice field without options', async () => {
    await fields();
    expect(await api.refuse('customFields.create', { label: 'ALERGIAS', kind: 'text' })).toMatchObject({ code: 'duplicate_name', field: 'label' });
    expect(await api.refuse('customFields.create', { label: 'Color', kind: 'choice' })).toMatchObject({ code: 'required', field: 'options' });
    expect(await api.refuse('customFields.create', { label: 'Color', kind: 'colour' })).toMatchObject({ code: 'invalid_choice', field: 'kind' });
  });

  it('can be renamed, reordered and given new choices', async () => {
    const { level } = await fields();
    const updated = await api.call('customFields.update', { id: level.id, label: 'Nivel de práctica', options: ['Básico', 'Experto'], position: 0 });
    expect(updated).toMatchObject({ label: 'Nivel de práctica', options: ['Básico', 'Experto'], position: 0 });
    // Positions are absolute (others are not shifted); equal positions list by label.
    expect((await api.call('customFields.list', {})).map((f) => f.label)).toEqual(['Alergias', 'Nivel de práctica', 'Talla de calzado', 'Primera visita']);
  });

  it('are searchable, and deleting one removes its values from every card and the index', async () => {
    const { allergies } = await fields();
    const { client } = await api.call('clients.create', { firstName: 'Ana', customFields: { [allergies.id]: 'Níquel' } });
    expect((await api.call('clients.search', { query: 'niquel' })).items.map((c) => c.id)).toEqual([client.id]);
    await api.call('customFields.delete', { id: allergies.id });
    expect((await api.call('clients.get', { id: client.id })).customFields).toEqual({});
    expect((await api.call('clients.search', { query: 'niquel' })).total).toBe(0);
    expect(api.host.database.sqlite.prepare('SELECT count(*) FROM client_custom_values').pluck().get()).toBe(0);
  });
});
