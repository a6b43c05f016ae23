import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

describe('centre settings', () => {
  it('start with Spanish defaults', async () => {
    expect(await api.call('settings.get', {})).toEqual({ name: 'Mi centro', country: 'ES', timeZone: 'Europe/Madrid', currency: 'EUR', language: 'es', lockAfterMinutes: 10, checkInMinutesBefore: 60 });
  });

  it('change only what is given and persist across reopening the file', async () => {
    const updated = await api.call('settings.update', { name: 'Estudio Alma', country: 'CL', timeZone: 'America/Santiago', currency: 'CLP' });
    expect(updated).toEqual({ name: 'Estudio Alma', country: 'CL', timeZone: 'America/Santiago', currency: 'CLP', language: 'es', lockAfterMinutes: 10, checkInMinutesBefore: 60 });
    await api.call('settings.update', { language: 'en' });
    await api.host.database.close();
    const { openApi } = await import('../../src-main/api/open-api');
    const reopened = await openApi(api.path);
    try {
      const result = await reopened.invoke('settings.get', {});
      expect(result).toMatchObject({ ok: true, value: { ...updated, language: 'en' } });
    } finally {
      await reopened.database.close();
    }
  });

  it('apply the country to phones and tax ids of new cards', async () => {
    await api.call('settings.update', { country: 'CL', timeZone: 'America/Santiago' });
    const { client } = await api.call('clients.create', { firstName: 'Camila', phone: '9 8765 4321', taxId: '12.345.678-5' });
    expect(client).toMatchObject({ phone: '+56987654321', taxId: '12345678-5' });
    expect((await api.refuse('clients.create', { firstName: 'Camila', taxId: '12345678Z' })).code).toBe('invalid_tax_id');
  });

  it.each([
    [{ timeZone: 'Europe/Atlantis' }, 'invalid_time_zone', 'timeZone'],
    [{ timeZone: '' }, 'required', 'timeZone'],
    [{ currency: 'XYZ' }, 'invalid_currency', 'currency'],
    [{ currency: 'eur' }, 'invalid_input', 'currency'],
    [{ country: 'Spain' }, 'invalid_input', 'country'],
    [{ language: 'fr' }, 'invalid_choice', 'language'],
    [{ name: '   ' }, 'required', 'name'],
    [{ name: 'x'.repeat(121) }, 'too_long', 'name'],
  ])('refuse %j with %s', async (patch, code, field) => {
    const before = rowCounts(api.host.database.sqlite);
    expect(await api.refuse('settings.update', patch)).toMatchObject({ code, field });
    expect(rowCounts(api.host.database.sqlite)).toEqual(before);
    expect((await api.call('settings.get', {})).timeZone).toBe('Europe/Madrid');
  });
});
