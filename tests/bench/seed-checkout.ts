import type Sqlite from 'better-sqlite3';
import type { ApiHost } from '../../src-main/api/open-api';
import { demoRandom } from '../../src-main/cli/demo-data';
import { newId } from '../../src-main/engine/ids';
import { localDate } from '../../src-main/engine/time/local-date';
import { addDays } from '../../src-main/engine/time/local-time';
import { benchCaller } from './bench-db';
import { seedClients } from './seed-clients';

export const checkoutBenchZone = 'Europe/Madrid';
const DAY_MS = 86_400_000;

export interface SeededCheckout {
  today: string;
  /** Services: Corte 18,00 € (the clients' passes cover it), Tinte 45,00 € (the promo's), Manicura 20,00 €. */
  corte: string;
  tinte: string;
  manicura: string;
  /** A pass product sold by the bench's sales (Bono manicura, 50,00 €). */
  soldPassProductId: string;
  promoCode: string;
  /** Clients each holding a valid pass covering Corte with credits left: one per timed sale. */
  buyers: string[];
  /** The client with 100 passes and 10,000 ledger rows. */
  heavyClientId: string;
  sales: number;
  passes: number;
  ledgerRows: number;
}

/**
 * A centre two years into selling: `clients` clients, `sales` sales over the last 730 days (1–3 lines,
 * a payment or two, some with the promo), passes sold to a fifth of the clients with their ledgers,
 * the `buyers` holding a usable pass, and one heavy client with 100 passes and 10,000 ledger rows.
 * Catalogue, promo and pass products go through the API; the history is inserted with prepared
 * statements in one transaction (the ledger's trigger keeps the balances).
 */
export async function seedCheckout(host: ApiHost, options: { clients: number; sales: number; buyers: number; log: (line: string) => void }): Promise<SeededCheckout> {
  const call = benchCaller(host);
  await call('settings.update', { timeZone: checkoutBenchZone });
  const desk = (await call('staff.create', { name: 'Recepción', role: 'reception' })).id;
  await call('auth.signIn', { staffId: desk });
  const service = async (name: string, priceMinor: number) => (await call('services.create', { name, durationMin: 30, priceMinor })).id;
  const corte = await service('Corte', 1800);
  const tinte = await service('Tinte', 4500);
  const manicura = await service('Manicura', 2000);
  const cortePass = await call('passProducts.create', { name: 'Bono 10 cortes', credits: 10, sessionTypeIds: [], serviceIds: [corte], validity: { kind: 'days', days: 365 }, priceMinor: 15_000 });
  const soldPass = await call('passProducts.create', { name: 'Bono manicura', credits: 5, sessionTypeIds: [], serviceIds: [manicura], validity: { kind: 'days', days: 180 }, priceMinor: 5000 });
  const promo = await call('promos.create', { code: 'TINTE10', kind: 'percent', value: 10, maxUses: 1_000_000, maxUsesPerClient: 1000, serviceIds: [tinte] });
  await seedClients(host, options.clients);

  const sqlite: Sqlite.Database = host.database.sqlite;
  const clientIds = sqlite.prepare('SELECT id FROM clients WHERE blacklisted = 0 ORDER BY id').pluck().all() as string[];
  const random = demoRandom(5);
  const nowMs = Date.now();
  const today = localDate(new Date(nowMs), checkoutBenchZone);
  // The heavy client is the last one, never among the buyers (the first ones).
  const heavy = clientIds.at(-1)!;

  // An earlier desk's receipt series: this desk numbers its own from 1.
  const insertSale = sqlite.prepare(`INSERT INTO sales (id, series, number, client_id, status, currency, subtotal_minor, coverage_discount_minor, promo_discount_minor,
      total_minor, promo_code_id, staff_id, void_reason, voided_at, created_at, updated_at)
    VALUES (?, 'ANT1', ?, ?, ?, 'EUR', ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertLine = sqlite.prepare(`INSERT INTO sale_lines (id, sale_id, position, kind, item_id, description, quantity, unit_price_minor, covered_by,
      client_pass_id, coverage_discount_minor, promo_discount_minor, total_minor, booking_id, appointment_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, 0, ?, ?, NULL, NULL)`);
  const insertPayment = sqlite.prepare('INSERT INTO sale_payments (id, sale_id, method, amount_minor) VALUES (?, ?, ?, ?)');
  const insertRedemption = sqlite.prepare('INSERT INTO promo_redemptions (id, promo_id, client_id, sale_id, discount_minor, voided, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertPass = sqlite.prepare(`INSERT INTO client_passes (id, client_id, kind, pass_product_id, plan_product_id, plan_group_id, name, plan_name, credits_total,
      balance, valid_from, valid_until, session_type_ids, service_ids, sale_id, created_at, updated_at)
    VALUES (?, ?, 'pass', ?, NULL, NULL, 'Bono 10 cortes', NULL, ?, 0, ?, ?, '[]', ?, ?, ?, ?)`);
  const insertLedger = sqlite.prepare(`INSERT INTO credit_ledger (id, client_pass_id, kind, delta, booking_id, appointment_id, sale_id, reason, staff_id, created_at)
    VALUES (?, ?, ?, ?, NULL, NULL, ?, NULL, ?, ?)`);

  const catalogue = [
    { id: corte, name: 'Corte', price: 1800 },
    { id: tinte, name: 'Tinte', price: 4500 },
    { id: manicura, name: 'Manicura', price: 2000 },
  ];
  const serviceIds = JSON.stringify([corte]);
  let passes = 0;
  let ledgerRows = 0;
  /** A pass of 10 Corte credits sold on `soldMs`, with `used` of them redeemed in the days after. */
  const passOf = (clientId: string, saleId: string | null, soldMs: number, used: number) => {
    const id = newId();
    const soldAt = new Date(soldMs).toISOString();
    const from = localDate(new Date(soldMs), checkoutBenchZone);
    insertPass.run(id, clientId, cortePass.id, 10, from, addDays(from, 364), serviceIds, saleId, soldAt, soldAt);
    insertLedger.run(newId(), id, 'sale', 10, saleId, desk, soldAt);
    for (let k = 0; k < used; k++) insertLedger.run(newId(), id, 'redemption', -1, null, desk, new Date(soldMs + (k + 1) * 3 * DAY_MS).toISOString());
    passes += 1;
    ledgerRows += 1 + used;
    return id;
  };

  const started = performance.now();
  sqlite.transaction(() => {
    // History, oldest first so that receipt numbers follow time.
    const times = Array.from({ length: options.sales }, () => nowMs - random.int(1, 730) * DAY_MS - random.int(0, DAY_MS - 1)).sort((a, b) => a - b);
    times.forEach((ms, index) => {
      const id = newId();
      const at = new Date(ms).toISOString();
      const clientId = random.chance(0.85) ? random.pick(clientIds) : null;
      const sellsPass = clientId !== null && random.chance(0.1);
      const lines = Array.from({ length: sellsPass ? 1 : random.int(1, 3) }, () => random.pick(catalogue));
      const withPromo = !sellsPass && clientId !== null && lines.some((l) => l.id === tinte) && random.chance(0.3);
      const priced = lines.map((line) => {
        const unit = sellsPass ? 15_000 : line.price;
        const off = withPromo && line.id === tinte ? Math.floor((unit * 10 + 50) / 100) : 0;
        return { ...line, unit, off };
      });
      const subtotal = priced.reduce((s, l) => s + l.unit, 0);
      const off = priced.reduce((s, l) => s + l.off, 0);
      const voided = random.chance(0.01);
      insertSale.run(id, index + 1, clientId, voided ? 'voided' : 'paid', subtotal, off, subtotal - off, withPromo ? promo.id : null, desk, voided ? 'Error' : null, voided ? at : null, at, at);
      priced.forEach((line, position) =>
        insertLine.run(newId(), id, position, sellsPass ? 'pass' : 'service', sellsPass ? cortePass.id : line.id, sellsPass ? 'Bono 10 cortes' : line.name, 1, line.unit, line.off, line.unit - line.off),
      );
      insertPayment.run(newId(), id, random.pick(['cash', 'card', 'card', 'transfer']), subtotal - off);
      if (withPromo) insertRedemption.run(newId(), promo.id, clientId, id, off, voided ? 1 : 0, at);
      if (sellsPass) passOf(clientId, id, ms, Math.min(10, Math.floor((nowMs - ms) / (3 * DAY_MS))));
    });

    // The timed sales' clients: each holds a valid pass with credits left (sold a month ago, 3 used).
    for (const clientId of clientIds.slice(0, options.buyers)) passOf(clientId, null, nowMs - 30 * DAY_MS, 3);

    // One client with 100 passes and 10,000 ledger rows: each pass sold with 100 credits, 99 of them spent and refunded in turn.
    for (let p = 0; p < 100; p++) {
      const id = newId();
      const soldMs = nowMs - (100 - p) * DAY_MS;
      const soldAt = new Date(soldMs).toISOString();
      const from = localDate(new Date(soldMs), checkoutBenchZone);
      insertPass.run(id, heavy, cortePass.id, 100, from, addDays(from, 365), serviceIds, null, soldAt, soldAt);
      insertLedger.run(newId(), id, 'sale', 100, null, desk, soldAt);
      for (let k = 1; k < 100; k++) insertLedger.run(newId(), id, k % 3 === 0 ? 'refund' : 'redemption', k % 3 === 0 ? 1 : -1, null, desk, new Date(soldMs + k * 60_000).toISOString());
      passes += 1;
      ledgerRows += 100;
    }
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  options.log(`history inserted in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return {
    today,
    corte,
    tinte,
    manicura,
    soldPassProductId: soldPass.id,
    promoCode: 'tinte10',
    buyers: clientIds.slice(0, options.buyers),
    heavyClientId: heavy,
    sales: options.sales,
    passes,
    ledgerRows,
  };
}
