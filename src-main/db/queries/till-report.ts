import type { TaxBreakdown } from '../../../src-shared/domain/fiscal';
import type { TillCorrectiveDocument, TillSeriesSummary, TillSession, TillSessionSummary } from '../../../src-shared/domain/till';
import { countLines, denominationsOf } from '../../engine/till/denominations';
import type { ExpectedLine, MethodAmount } from '../../engine/till/expected';
import { expectedByMethod, sumTaxes } from '../../engine/till/expected';
import type { ReadDb } from '../database';
import type { TillSessionsTable } from '../tables/till';
import { readCentreSettings } from './settings';

/** The payments of the sales taken in a session (by=taken) or voided in it (by=voided), per method. */
export async function sessionPayments(db: ReadDb, sessionId: string, by: 'taken' | 'voided'): Promise<MethodAmount[]> {
  return db
    .selectFrom('sale_payments as p')
    .innerJoin('sales as s', 's.id', 'p.sale_id')
    .select(['p.method', (eb) => eb.fn.sum<number>('p.amount_minor').as('amountMinor')])
    .where(by === 'taken' ? 's.till_session_id' : 's.void_till_session_id', '=', sessionId)
    .groupBy('p.method')
    .execute()
    .then((rows) => rows.map((r) => ({ method: r.method, amountMinor: Number(r.amountMinor) })));
}

async function movementsOf(db: ReadDb, sessionId: string) {
  return db
    .selectFrom('till_movements as m')
    .leftJoin('staff as st', 'st.id', 'm.staff_id')
    .select(['m.id', 'm.kind', 'm.amount_minor', 'm.reason', 'm.created_at', 'st.name as staff_name'])
    .where('m.till_session_id', '=', sessionId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}

/** The session's expected figures per method (what till.close checks the count against). */
export async function sessionExpected(db: ReadDb, session: TillSessionsTable): Promise<ExpectedLine[]> {
  const [sales, voids, movements] = await Promise.all([
    sessionPayments(db, session.id, 'taken'),
    sessionPayments(db, session.id, 'voided'),
    db.selectFrom('till_movements').select(['kind', 'amount_minor as amountMinor']).where('till_session_id', '=', session.id).execute(),
  ]);
  return expectedByMethod({ floatMinor: session.float_minor, sales, voids, movements });
}

async function documentsOf(db: ReadDb, sessionId: string) {
  const rows = await db
    .selectFrom('invoices as i')
    .leftJoin('invoices as o', 'o.id', 'i.corrects_invoice_id')
    .innerJoin('sales as s', 's.id', 'i.sale_id')
    .select(['i.kind', 'i.series', 'i.number', 'i.full_number', 'i.total_minor', 'i.taxes', 'i.reason', 'o.full_number as corrects'])
    // Cancelled (voided as issued in error, with no corrective document): its number stays in the series, its money went back.
    .select((eb) =>
      eb
        .and([eb('s.status', '=', 'voided'), eb('i.kind', '!=', 'corrective'), eb.not(eb.exists(eb.selectFrom('invoices as c').select('c.id').whereRef('c.sale_id', '=', 'i.sale_id').where('c.kind', '=', 'corrective')))])
        .as('cancelled'),
    )
    .where('i.till_session_id', '=', sessionId)
    .orderBy('i.series')
    .orderBy('i.number')
    .execute();
  const series = new Map<string, TillSeriesSummary>();
  const correctives: TillCorrectiveDocument[] = [];
  const taxes: TaxBreakdown[] = [];
  for (const r of rows) {
    const cur = series.get(r.series);
    const totalMinor = r.cancelled ? 0 : r.total_minor;
    if (cur) {
      cur.lastNumber = r.full_number;
      cur.count += 1;
      cur.totalMinor += totalMinor;
    } else series.set(r.series, { series: r.series, firstNumber: r.full_number, lastNumber: r.full_number, count: 1, totalMinor });
    if (r.kind === 'corrective') correctives.push({ fullNumber: r.full_number, corrects: r.corrects ?? '', totalMinor: r.total_minor, reason: r.reason });
    if (!r.cancelled) taxes.push(...(JSON.parse(r.taxes) as TaxBreakdown[]));
  }
  return { documents: { series: [...series.values()], correctives }, taxes: sumTaxes(taxes) };
}

async function staffName(db: ReadDb, id: string | null): Promise<string | null> {
  if (id === null) return null;
  return (await db.selectFrom('staff').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
}

async function deskName(db: ReadDb, deskId: string): Promise<string> {
  const desk = await db.selectFrom('desk_identity').select(['id', 'name']).executeTakeFirstOrThrow();
  return desk.id === deskId ? desk.name : deskId;
}

async function customLabels(db: ReadDb, methods: readonly string[]): Promise<Map<string, string>> {
  const ids = methods.filter((m) => m.startsWith('custom:')).map((m) => m.slice('custom:'.length));
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('payment_methods').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [`custom:${r.id}`, r.name]));
}

/** A session with everything its Z report shows (the running figures while it is open). */
export async function loadTillSession(db: ReadDb, session: TillSessionsTable): Promise<TillSession> {
  const [expected, movements, docs, closeRows, corrections, counts, settings] = await Promise.all([
    sessionExpected(db, session),
    movementsOf(db, session.id),
    documentsOf(db, session.id),
    db.selectFrom('till_close_lines').selectAll().where('till_session_id', '=', session.id).execute(),
    db
      .selectFrom('till_corrections as c')
      .leftJoin('staff as st', 'st.id', 'c.staff_id')
      .select(['c.id', 'c.method', 'c.amount_minor', 'c.reason', 'c.created_at', 'st.name as staff_name'])
      .where('c.till_session_id', '=', session.id)
      .orderBy('c.created_at')
      .execute(),
    db
      .selectFrom('sales')
      .select([
        (eb) => eb.fn.sum<number>(eb.case().when('till_session_id', '=', session.id).then(1).else(0).end()).as('sales'),
        (eb) => eb.fn.sum<number>(eb.case().when('void_till_session_id', '=', session.id).then(1).else(0).end()).as('voids'),
      ])
      .where((eb) => eb.or([eb('till_session_id', '=', session.id), eb('void_till_session_id', '=', session.id)]))
      .executeTakeFirstOrThrow(),
    readCentreSettings(db),
  ]);
  const issuer = await db.selectFrom('centre_fiscal').select(['legal_name', 'tax_id']).executeTakeFirst();
  const closed = new Map(closeRows.map((r) => [r.method, r]));
  // A method closed but not expected any more cannot happen (the close is final), but list it all the same.
  const methods = [...expected];
  for (const r of closeRows) if (!methods.some((m) => m.method === r.method)) methods.push({ method: r.method, salesMinor: 0, voidsMinor: 0, expectedMinor: r.expected_minor });
  const labels = await customLabels(db, methods.map((m) => m.method));
  const isClosed = session.closed_at !== null;
  return {
    id: session.id,
    deskId: session.desk_id,
    deskName: await deskName(db, session.desk_id),
    issuer: issuer ? { legalName: issuer.legal_name, taxId: issuer.tax_id } : null,
    businessDate: session.business_date,
    state: isClosed ? 'closed' : 'open',
    currency: settings.currency,
    floatMinor: session.float_minor,
    denominationsMinor: [...denominationsOf(settings.currency)],
    openedAt: session.opened_at,
    openedBy: await staffName(db, session.opened_by),
    closedAt: session.closed_at,
    closedBy: await staffName(db, session.closed_by),
    zNumber: session.z_number,
    salesCount: Number(counts.sales ?? 0),
    voidsCount: Number(counts.voids ?? 0),
    cashInMinor: movements.filter((m) => m.kind === 'in').reduce((s, m) => s + m.amount_minor, 0),
    cashOutMinor: movements.filter((m) => m.kind === 'out').reduce((s, m) => s + m.amount_minor, 0),
    methods: methods.map((m) => {
      const line = closed.get(m.method);
      // Once closed, the figures are the close's (what was signed off), not recomputed.
      return {
        method: m.method,
        label: labels.get(m.method) ?? null,
        salesMinor: m.salesMinor,
        voidsMinor: m.voidsMinor,
        expectedMinor: line ? line.expected_minor : m.expectedMinor,
        countedMinor: line ? line.counted_minor : null,
        differenceMinor: line ? line.difference_minor : null,
        reason: line ? line.reason : null,
      };
    }),
    cashCount: session.cash_count === null ? null : countLines(JSON.parse(session.cash_count) as Record<string, number>),
    movements: movements.map((m) => ({ id: m.id, kind: m.kind, amountMinor: m.amount_minor, reason: m.reason, staffName: m.staff_name, at: m.created_at })),
    documents: docs.documents,
    taxes: docs.taxes,
    corrections: corrections.map((c) => ({ id: c.id, method: c.method, amountMinor: c.amount_minor, reason: c.reason, staffName: c.staff_name, at: c.created_at })),
  };
}

export function summaryOf(session: TillSessionsTable, deskNameOf: (id: string) => string): TillSessionSummary {
  return {
    id: session.id,
    deskId: session.desk_id,
    deskName: deskNameOf(session.desk_id),
    businessDate: session.business_date,
    state: session.closed_at === null ? 'open' : 'closed',
    zNumber: session.z_number,
    openedAt: session.opened_at,
    closedAt: session.closed_at,
  };
}
