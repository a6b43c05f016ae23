import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { unknownId } from '../helpers/agenda-fixtures';
import type { CheckoutWorld } from './checkout-world';
import { NOW, cash, checkoutWorld, createPromo, rows } from './checkout-world';
import { changeLog } from './db-inspect';
import { fixClock } from '../helpers/fixed-clock';

let api: TempApi;
let world: CheckoutWorld;

beforeEach(async () => {
  fixClock(NOW);
  api = await openTempApi();
  world = await checkoutWorld(api);
});
afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

/** A sale of one Corte with the code, paid in cash. */
async function sellWithCode(clientId: string | undefined, promoCode: string) {
  const quote = await api.call('checkout.quote', { ...(clientId ? { clientId } : {}), lines: [{ kind: 'service', serviceId: world.corte }], promoCode });
  return api.call('checkout.commit', { ...(clientId ? { clientId } : {}), lines: [{ kind: 'service', serviceId: world.corte }], promoCode, payments: cash(quote.totalMinor) });
}

describe('promo codes', () => {
  it('creates a code with its terms and services, and lists it with its uses', async () => {
    const promo = await createPromo(api, { code: 'Verano-25', description: 'Campaña de verano', kind: 'amount', value: 500, maxUses: 100, maxUsesPerClient: 2, serviceIds: [world.corte, world.tinte] });
    expect(promo).toMatchObject({
      code: 'Verano-25',
      description: 'Campaña de verano',
      kind: 'amount',
      value: 500,
      validFrom: '2027-01-01',
      validTo: '2027-12-31',
      maxUses: 100,
      maxUsesPerClient: 2,
      active: true,
      uses: 0,
    });
    expect(promo.serviceIds.sort()).toEqual([world.corte, world.tinte].sort());
    expect(rows<{ code_key: string }>(api, 'SELECT code_key FROM promo_codes')).toEqual([{ code_key: 'VERANO-25' }]);
    await sellWithCode(world.ana, 'verano-25');
    const [listed] = await api.call('promos.list', {});
    expect(listed).toMatchObject({ id: promo.id, uses: 1 });
  });

  it('keeps codes unique whatever their case and accents', async () => {
    await createPromo(api, { code: 'Otoño' });
    for (const code of ['OTOÑO', 'otono', 'OTONO']) {
      expect(await api.refuse('promos.create', { code, kind: 'percent', value: 5 })).toMatchObject({ code: 'duplicate_code', field: 'code' });
    }
    const other = await createPromo(api, { code: 'Invierno' });
    expect(await api.refuse('promos.update', { id: other.id, code: 'otoño' })).toMatchObject({ code: 'duplicate_code', field: 'code' });
    // Its own code, in another case, is no clash.
    expect((await api.call('promos.update', { id: other.id, code: 'INVIERNO' })).code).toBe('INVIERNO');
  });

  it('refuses a percent over 100, an end before the start and unknown services', async () => {
    expect(await api.refuse('promos.create', { code: 'MUCHO', kind: 'percent', value: 101 })).toMatchObject({ code: 'invalid_percent', field: 'value' });
    expect((await api.call('promos.create', { code: 'TODO', kind: 'percent', value: 100 })).value).toBe(100);
    expect((await api.call('promos.create', { code: 'EUROS', kind: 'amount', value: 5000 })).value).toBe(5000);
    expect(await api.refuse('promos.create', { code: 'FECHAS', kind: 'amount', value: 5, validFrom: '2027-03-10', validTo: '2027-03-09' })).toMatchObject({
      code: 'end_before_start',
      field: 'validTo',
    });
    expect(await api.refuse('promos.create', { code: 'NADA', kind: 'amount', value: 5, serviceIds: [world.corte, unknownId] })).toMatchObject({
      code: 'not_found',
      field: 'serviceIds.1',
    });
  });

  it('checks an update against the terms it leaves', async () => {
    const promo = await createPromo(api, { code: 'EUROS', kind: 'amount', value: 2500, validFrom: '2027-03-01', validTo: '2027-03-31' });
    expect(await api.refuse('promos.update', { id: promo.id, kind: 'percent' })).toMatchObject({ code: 'invalid_percent', field: 'value' });
    expect(await api.refuse('promos.update', { id: promo.id, validTo: '2027-02-28' })).toMatchObject({ code: 'end_before_start', field: 'validTo' });
    expect(await api.refuse('promos.update', { id: promo.id, serviceIds: [unknownId] })).toMatchObject({ code: 'not_found', field: 'serviceIds.0' });
    expect(await api.refuse('promos.update', { id: unknownId, value: 5 })).toMatchObject({ code: 'not_found', field: 'id' });
    const changed = await api.call('promos.update', { id: promo.id, kind: 'percent', value: 25, validFrom: null, serviceIds: [world.manicura], description: 'Manos' });
    expect(changed).toMatchObject({ kind: 'percent', value: 25, validFrom: null, validTo: '2027-03-31', serviceIds: [world.manicura], description: 'Manos' });
    expect((await api.call('promos.update', { id: promo.id, serviceIds: [] })).serviceIds).toEqual([]);
  });

  it('lists active codes by code, the inactive ones only when asked', async () => {
    await createPromo(api, { code: 'BETA' });
    await createPromo(api, { code: 'alfa' });
    await createPromo(api, { code: 'GAMMA', active: false });
    expect((await api.call('promos.list', {})).map((p) => p.code)).toEqual(['alfa', 'BETA']);
    expect((await api.call('promos.list', { includeInactive: true })).map((p) => p.code)).toEqual(['alfa', 'BETA', 'GAMMA']);
  });

  it('counts uses of sales not voided', async () => {
    const promo = await createPromo(api, { maxUses: 2 });
    const first = await sellWithCode(world.ana, 'primavera');
    await sellWithCode(undefined, 'PRIMAVERA');
    expect((await api.call('promos.list', {}))[0]!.uses).toBe(2);
    expect(await api.refuse('checkout.quote', { lines: [{ kind: 'service', serviceId: world.corte }], promoCode: 'primavera' })).toMatchObject({ code: 'promo_exhausted' });
    await api.call('sales.void', { id: first.id, reason: 'Error de caja' });
    expect((await api.call('promos.list', {})).find((p) => p.id === promo.id)!.uses).toBe(1);
    await sellWithCode(world.eva, 'Primavera');
  });
});

describe('promotions attached to a client', () => {
  it('attaches by code, whatever its case and accents, and lists it on the card with the uses left', async () => {
    const promo = await createPromo(api, { code: 'Bienvenida', maxUsesPerClient: 2 });
    const attached = await api.call('promos.attach', { clientId: world.ana, code: 'BIENVENÍDA' });
    expect(attached).toMatchObject({ promo: { id: promo.id, code: 'Bienvenida' }, attachedAt: NOW, usesLeft: 2 });
    await sellWithCode(world.ana, 'bienvenida');
    expect(await api.call('promos.ofClient', { clientId: world.ana })).toMatchObject([{ promo: { id: promo.id, uses: 1 }, usesLeft: 1 }]);
    expect(await api.call('promos.ofClient', { clientId: world.eva })).toEqual([]);
  });

  it('is idempotent: attaching again keeps the one attachment and its date', async () => {
    await createPromo(api, { code: 'CLUB' });
    await api.call('promos.attach', { clientId: world.ana, code: 'club' });
    vi.setSystemTime(new Date(Date.parse(NOW) + 3_600_000));
    const again = await api.call('promos.attach', { clientId: world.ana, code: 'CLUB' });
    expect(again.attachedAt).toBe(NOW);
    expect(again.usesLeft).toBeNull();
    expect(rows(api, 'SELECT * FROM client_promotions')).toHaveLength(1);
    expect(changeLog(api.host.database.sqlite).filter((e) => e.call === 'promos.attach')).toHaveLength(2);
  });

  it('refuses an unknown code, one not valid now, one used up and an unknown client', async () => {
    await createPromo(api, { code: 'PASADA', validFrom: '2026-01-01', validTo: '2027-02-28' });
    await createPromo(api, { code: 'FUTURA', validFrom: '2027-03-02', validTo: null });
    await createPromo(api, { code: 'APAGADA', active: false });
    await createPromo(api, { code: 'UNAVEZ', maxUsesPerClient: 1 });
    await createPromo(api, { code: 'AGOTADA', maxUses: 1 });
    await sellWithCode(world.ana, 'UNAVEZ');
    await sellWithCode(world.eva, 'AGOTADA');
    const refusals: [string, string, string][] = [
      ['NOEXISTE', 'promo_unknown', 'code'],
      ['pasada', 'promo_expired', 'code'],
      ['futura', 'promo_expired', 'code'],
      ['apagada', 'promo_expired', 'code'],
      ['unavez', 'promo_client_limit', 'code'],
      ['agotada', 'promo_exhausted', 'code'],
    ];
    for (const [code, error, field] of refusals) expect(await api.refuse('promos.attach', { clientId: world.ana, code }), code).toMatchObject({ code: error, field });
    expect(await api.refuse('promos.attach', { clientId: unknownId, code: 'FUTURA' })).toMatchObject({ code: 'not_found', field: 'clientId' });
    expect(rows(api, 'SELECT * FROM client_promotions')).toEqual([]);
    // Someone else may still attach the per-client one.
    expect((await api.call('promos.attach', { clientId: world.eva, code: 'unavez' })).usesLeft).toBe(1);
  });

  it('the card lists only promotions still active and within their dates', async () => {
    const lasting = await createPromo(api, { code: 'SIEMPRE', validFrom: null, validTo: null });
    const ending = await createPromo(api, { code: 'MARZO', validFrom: '2027-03-01', validTo: '2027-03-31' });
    const switchedOff = await createPromo(api, { code: 'CLUB' });
    for (const code of ['SIEMPRE', 'MARZO', 'CLUB']) await api.call('promos.attach', { clientId: world.luz, code });
    expect((await api.call('promos.ofClient', { clientId: world.luz })).map((p) => p.promo.code)).toEqual(['SIEMPRE', 'MARZO', 'CLUB']);
    await api.call('promos.update', { id: switchedOff.id, active: false });
    expect((await api.call('promos.ofClient', { clientId: world.luz })).map((p) => p.promo.id)).toEqual([lasting.id, ending.id]);
    vi.setSystemTime(new Date('2027-04-01T08:00:00.000Z'));
    expect((await api.call('promos.ofClient', { clientId: world.luz })).map((p) => p.promo.id)).toEqual([lasting.id]);
    expect(await api.refuse('promos.ofClient', { clientId: unknownId })).toMatchObject({ code: 'not_found', field: 'clientId' });
  });
});
