import type Sqlite from 'better-sqlite3';
import { openApi } from '../../src-main/api/open-api';
import { newId } from '../../src-main/engine/ids';
import { denominationsOf } from '../../src-main/engine/till/denominations';
import { addDays } from '../../src-shared/time/calendar-date';
import { benchCaller, timedSeed, withBenchDb } from './bench-db';
import type { BenchResult } from './stats';
import { sample, summarize } from './stats';

const salesPerDay = 300;
const pastDays = 365;
const timedDays = 40;

/**
 * A day's till with its sales (10 of them voided the same day, and invoices for each), written
 * straight into the file: the bench times the close, not the sales.
 */
function seedDay(sqlite: Sqlite.Database, deskId: string, date: string, closed: { z: number } | null, counter: { n: number }): string {
  const at = `${date}T10:00:00.000Z`;
  const session = newId();
  sqlite
    .prepare('INSERT INTO till_sessions (id, desk_id, business_date, float_minor, opened_at, opened_by, closed_at, closed_by, z_number, cash_count, note, created_at, updated_at) VALUES (?, ?, ?, 10000, ?, NULL, ?, NULL, ?, ?, NULL, ?, ?)')
    .run(session, deskId, date, at, closed ? at : null, closed?.z ?? null, closed ? '{}' : null, at, at);
  const sale = sqlite.prepare(
    `INSERT INTO sales (id, series, number, client_id, status, currency, subtotal_minor, coverage_discount_minor, promo_discount_minor, total_minor, promo_code_id, staff_id,
      void_reason, voided_at, created_at, updated_at, till_session_id, cash_tendered_minor, change_minor, boleta_folio, void_till_session_id)
     VALUES (?, 'BENCH', ?, NULL, ?, 'EUR', 1800, 0, 0, 1800, NULL, NULL, ?, ?, ?, ?, ?, NULL, 0, NULL, ?)`,
  );
  const payment = sqlite.prepare('INSERT INTO sale_payments (id, sale_id, method, amount_minor, reference) VALUES (?, ?, ?, 1800, NULL)');
  const invoice = sqlite.prepare(
    `INSERT INTO invoices (id, sale_id, kind, invoice_type, series, number, full_number, desk_id, issued_at, issue_date, issuer_legal_name, issuer_tax_id, issuer_address,
      base_total_minor, tax_total_minor, total_minor, taxes, till_session_id, created_at)
     VALUES (?, ?, 'simplified', 'F2', 'BENCH-F', ?, ?, ?, ?, ?, 'Centro', 'B12345674', 'Calle', 1488, 312, 1800, '[{"rateBp":2100,"baseMinor":1488,"taxMinor":312}]', ?, ?)`,
  );
  for (let i = 0; i < salesPerDay; i++) {
    const id = newId();
    const voided = i % 30 === 0;
    const n = ++counter.n;
    sale.run(id, n, voided ? 'voided' : 'paid', voided ? 'Error' : null, voided ? at : null, at, at, session, voided ? session : null);
    payment.run(newId(), id, i % 3 === 0 ? 'card' : i % 7 === 0 ? 'bizum' : 'cash');
    invoice.run(newId(), id, n, `BENCH-F-${n}`, deskId, at, date, session, at);
  }
  return session;
}

/** An amount counted in notes and coins, largest first. */
function countOf(amountMinor: number): Record<string, number> {
  const counts: Record<string, number> = {};
  let left = amountMinor;
  for (const d of denominationsOf('EUR')) {
    const n = Math.floor(left / d);
    if (n > 0) counts[String(d)] = n;
    left -= n * d;
  }
  return counts;
}

/** till.close of a day of 300 sales (10 voided), on a desk with a year of closed days behind it. */
export async function tillCloseBench(log: (line: string) => void): Promise<BenchResult[]> {
  return withBenchDb('till-close', async (path) => {
    const host = await openApi(path);
    const call = benchCaller(host);
    const sqlite = host.database.sqlite;
    const deskId = sqlite.prepare('SELECT id FROM desk_identity').pluck().get() as string;
    const counter = { n: 0 };
    const first = '2025-01-01';
    await timedSeed(
      log,
      async () => {
        sqlite.transaction(() => {
          for (let d = 0; d < pastDays; d++) seedDay(sqlite, deskId, addDays(first, d), { z: d + 1 }, counter);
        })();
        return counter.n;
      },
      (n) => `${pastDays} closed days, ${n.toLocaleString('en')} sales and invoices`,
    );
    let day = pastDays;
    const closeOne = async () => {
      const sessionId = sqlite.transaction(() => seedDay(sqlite, deskId, addDays(first, day++), null, counter))();
      const session = await call('till.get', { id: sessionId });
      const byMethod = new Map(session.methods.map((m) => [m.method, m.expectedMinor]));
      const closed = await call('till.close', {
        sessionId,
        cash: { counts: countOf(byMethod.get('cash') ?? 0) },
        methods: [...byMethod].filter(([m]) => m !== 'cash').map(([method, countedMinor]) => ({ method: method as 'card', countedMinor })),
      });
      if (closed.documents.series[0]?.count !== salesPerDay || closed.methods.some((m) => m.differenceMinor !== 0)) throw new Error(`not the close meant: ${JSON.stringify(closed.methods)}`);
    };
    // Time the close alone: each sample seeds its day first, untimed.
    const samples: number[] = [];
    await sample(5, closeOne, 0);
    for (let i = 0; i < timedDays; i++) {
      const sessionId = sqlite.transaction(() => seedDay(sqlite, deskId, addDays(first, day++), null, counter))();
      const session = await call('till.get', { id: sessionId });
      const input = {
        sessionId,
        cash: { counts: countOf(session.methods.find((m) => m.method === 'cash')!.expectedMinor) },
        methods: session.methods.filter((m) => m.method !== 'cash').map((m) => ({ method: m.method as 'card', countedMinor: m.expectedMinor })),
      };
      const start = performance.now();
      await call('till.close', input);
      samples.push(performance.now() - start);
    }
    await host.database.close();
    return [summarize('till.close', samples, 50)];
  });
}
