import { expect } from 'vitest';
import type { CallInput } from '../../src-shared/api/contract';
import type { SeriesCreateInput } from '../../src-shared/api/series';
import type { TempApi } from '../helpers/temp-api';
import { openTempApiIn } from '../helpers/temp-api';

/** Monday 1 March 2027, 09:00 in Madrid: the passes tests' clock (only Date is faked). */
export const NOW = '2027-03-01T08:00:00.000Z';
export const TODAY = '2027-03-01';

export { fixClock } from '../helpers/fixed-clock';

/** The ISO instant of a Madrid wall-clock time (the appointments tests' helper). */
export { madrid } from './appointment-world';

export interface PassesWorld {
  /** Who works at the desk (recorded on ledger rows). */
  desk: string;
  profe: string;
  yoga: string;
  pilates: string;
  /** Services: Manicura 20,00 €, Masaje 50,00 €, Corte 18,00 €. */
  manicura: string;
  masaje: string;
  corte: string;
  ana: string;
  eva: string;
  luz: string;
}

export async function passesWorld(api: TempApi): Promise<PassesWorld> {
  const desk = (await api.call('staff.create', { name: 'Marta Recepción', role: 'reception' })).id;
  await api.call('auth.signIn', { staffId: desk });
  const profe = (await api.call('staff.create', { name: 'Nora Profe', role: 'professional' })).id;
  const yoga = (await api.call('sessionTypes.create', { name: 'Yoga', defaultDurationMin: 60 })).id;
  const pilates = (await api.call('sessionTypes.create', { name: 'Pilates', defaultDurationMin: 60 })).id;
  const service = async (name: string, priceMinor: number) => (await api.call('services.create', { name, durationMin: 30, priceMinor })).id;
  const manicura = await service('Manicura', 2000);
  const masaje = await service('Masaje', 5000);
  const corte = await service('Corte', 1800);
  const client = async (firstName: string, lastName: string) => (await api.call('clients.create', { firstName, lastName })).client.id;
  return { desk, profe, yoga, pilates, manicura, masaje, corte, ana: await client('Ana', 'Ruiz'), eva: await client('Eva', 'Gil'), luz: await client('Luz', 'Mora') };
}

/** A yoga class redeemable with passes, one-off, on a date at a Madrid time; returns its occurrence id. */
export async function yogaClass(api: TempApi, world: PassesWorld, date: string, time: string, over: Partial<SeriesCreateInput> = {}): Promise<string> {
  const { series } = await api.call('series.create', {
    title: 'Yoga',
    organizerId: world.profe,
    sessionTypeId: world.yoga,
    startDate: date,
    startTime: time,
    durationMin: 60,
    places: 10,
    redeemableWithPasses: true,
    ...over,
  });
  return api.host.database.sqlite.prepare('SELECT id FROM occurrences WHERE series_id = ? ORDER BY starts_at').pluck().get(series.id) as string;
}

/** A 10-class yoga pass, 90 days, 80,00 €, unless told otherwise. */
export async function tenClassPass(api: TempApi, world: PassesWorld, over: Partial<CallInput<'passProducts.create'>> = {}) {
  return api.call('passProducts.create', {
    name: 'Bono 10 clases',
    credits: 10,
    sessionTypeIds: [world.yoga],
    serviceIds: [],
    validity: { kind: 'days', days: 90 },
    priceMinor: 8000,
    ...over,
  });
}

/** Sells a pass or a plan at the desk (checkout, paid cash) and answers the client's new pass ids. */
export async function sell(api: TempApi, clientId: string, line: { kind: 'pass'; passProductId: string } | { kind: 'plan'; planProductId: string }): Promise<string[]> {
  const before = new Set((await api.call('passes.ofClient', { clientId, includeExpired: true })).map((p) => p.id));
  const quote = await api.call('checkout.quote', { clientId, lines: [line] });
  await api.call('checkout.commit', { clientId, lines: [line], payments: quote.totalMinor === 0 ? [] : [{ method: 'cash', amountMinor: quote.totalMinor }] });
  return (await api.call('passes.ofClient', { clientId, includeExpired: true })).filter((p) => !before.has(p.id)).map((p) => p.id);
}

export async function balanceOf(api: TempApi, clientId: string, passId: string): Promise<number> {
  const pass = (await api.call('passes.ofClient', { clientId, includeExpired: true })).find((p) => p.id === passId);
  if (!pass) throw new Error(`no pass ${passId}`);
  return pass.balance;
}

/** The invariant of the ledger: every pass's balance is the sum of its rows. */
export function expectBalancesMatchLedger(api: TempApi): void {
  const wrong = api.host.database.sqlite
    .prepare(
      `SELECT p.id, p.balance, coalesce((SELECT sum(delta) FROM credit_ledger l WHERE l.client_pass_id = p.id), 0) AS ledger
       FROM client_passes p WHERE p.balance != coalesce((SELECT sum(delta) FROM credit_ledger l WHERE l.client_pass_id = p.id), 0)`,
    )
    .all();
  expect(wrong).toEqual([]);
}

export function ledgerKinds(api: TempApi, passId: string): [string, number][] {
  return (api.host.database.sqlite.prepare('SELECT kind, delta FROM credit_ledger WHERE client_pass_id = ? ORDER BY created_at, id').all(passId) as { kind: string; delta: number }[]).map(
    (r) => [r.kind, r.delta],
  );
}

/** Closes the file and opens it again (a start-up), keeping the temp folder; the old handle is gone. */
export async function reopen(api: TempApi): Promise<TempApi> {
  await api.host.database.close();
  return openTempApiIn(api.dir);
}
