import type { CallInput } from '../../src-shared/api/contract';
import type { TempApi } from '../helpers/temp-api';

/** Monday 1 March 2027, 10:00 in Madrid: the checkout tests' "now" (only Date is faked). */
export const NOW = '2027-03-01T09:00:00.000Z';
export const TODAY = '2027-03-01';

export interface CheckoutWorld {
  /** The professional working at the desk (desk.setStaff). */
  desk: string;
  /** Services: Corte 18,00 €, Tinte 45,00 €, Manicura 20,00 €. */
  corte: string;
  tinte: string;
  manicura: string;
  ana: string;
  eva: string;
  luz: string;
  /** A blacklisted client. */
  vetado: string;
}

export async function checkoutWorld(api: TempApi): Promise<CheckoutWorld> {
  const desk = (await api.call('staff.create', { name: 'Marta Recepción', role: 'professional' })).id;
  await api.call('auth.signIn', { staffId: desk });
  const service = async (name: string, priceMinor: number) => (await api.call('services.create', { name, durationMin: 30, priceMinor })).id;
  const corte = await service('Corte', 1800);
  const tinte = await service('Tinte', 4500);
  const manicura = await service('Manicura', 2000);
  const client = async (firstName: string, lastName: string) => (await api.call('clients.create', { firstName, lastName })).client.id;
  const ana = await client('Ana', 'Ruiz');
  const eva = await client('Eva', 'Gil');
  const luz = await client('Luz', 'Mora');
  const vetado = await client('Bruno', 'Vetado');
  await api.call('clients.setBlacklist', { id: vetado, blacklisted: true, reason: 'Impagos' });
  return { desk, corte, tinte, manicura, ana, eva, luz, vetado };
}

type PromoInput = CallInput<'promos.create'>;

/** A promo code, 10 % off every service, current all of 2027, unless told otherwise. */
export async function createPromo(api: TempApi, over: Partial<PromoInput> = {}) {
  return api.call('promos.create', { code: 'PRIMAVERA', kind: 'percent', value: 10, validFrom: '2027-01-01', validTo: '2027-12-31', ...over });
}

/** Cash for the whole of a total (none for a total of 0). */
export function cash(totalMinor: number) {
  return totalMinor === 0 ? [] : [{ method: 'cash' as const, amountMinor: totalMinor }];
}

/** Rows of a table, straight from the file. */
export function rows<T>(api: TempApi, sql: string, ...params: unknown[]): T[] {
  return api.host.database.sqlite.prepare(sql).all(...params) as T[];
}
