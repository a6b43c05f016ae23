import type { Sale, SaleLine, SalePayment } from '../../../src-shared/domain/checkout';
import type { Invoice } from '../../../src-shared/domain/fiscal';
import { breakdown } from '../../engine/fiscal/tax';
import { AppError } from '../../errors/app-error';
import { fullName } from '../../engine/text/full-name';
import type { ReadDb, WriteTx } from '../database';
import type { SaleLinesTable, SalePaymentsTable, SalesTable } from '../tables/checkout';
import type { InvoicesTable } from '../tables/fiscal';
import { invoicesOf } from './invoices';
import { insertRows } from '../precompiled-insert';
import { precompiled } from '../precompiled';

/**
 * The next receipt number in this desk's series, inside the sale's write transaction: one more than
 * the highest ever given here, so a number is never given twice (a sale the sync server refused
 * leaves its number unused). Each desk numbers its own series, so desks selling offline never collide.
 */
export async function nextSaleNumber(tx: WriteTx): Promise<{ series: string; number: number }> {
  const [desk] = await deskReceipts(tx, {});
  if (!desk) throw new Error('desk_identity has no row');
  const [row] = await lastSaleNumber(tx, { series: desk.receipt_series });
  const number = Math.max(row?.last ?? 0, desk.receipt_last_number) + 1;
  await setLastReceipt(tx, { number });
  return { series: desk.receipt_series, number };
}

// Every sale numbers itself: built once.
const deskReceipts = precompiled((db) => db.selectFrom('desk_identity').select(['receipt_series', 'receipt_last_number']));
const lastSaleNumber = precompiled((db, p: { series: string }) =>
  db
    .selectFrom('sales')
    .select((eb) => eb.fn.max<number | null>('number').as('last'))
    .where('series', '=', p.series),
);
const setLastReceipt = precompiled((db, p: { number: number }) => db.updateTable('desk_identity').set({ receipt_last_number: p.number }));

/** A sale with its lines and payments, in one go. */
export async function insertSale(tx: WriteTx, sale: SalesTable, lines: readonly SaleLinesTable[], payments: readonly SalePaymentsTable[]): Promise<void> {
  await insertRows(tx, 'sales', sale);
  await insertRows(tx, 'sale_lines', lines);
  await insertRows(tx, 'sale_payments', payments);
}

export async function loadSaleRow(db: ReadDb, id: string, field = 'id'): Promise<SalesTable> {
  const row = await db.selectFrom('sales').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', field);
  return row;
}

/** A sale's lines charged in money (no credit covered them) for a booking or an appointment. */
export async function linesChargedInMoney(db: ReadDb, saleId: string): Promise<Pick<SaleLinesTable, 'booking_id' | 'appointment_id'>[]> {
  return db
    .selectFrom('sale_lines')
    .select(['booking_id', 'appointment_id'])
    .where('sale_id', '=', saleId)
    .where('covered_by', 'is', null)
    .where((eb) => eb.or([eb('booking_id', 'is not', null), eb('appointment_id', 'is not', null)]))
    .execute();
}

/** Marks a sale voided with its reason and the till session its money goes back out of: a sale is never deleted. */
export async function markSaleVoided(tx: WriteTx, id: string, voiding: { reason: string; tillSessionId: string }, now: string): Promise<void> {
  await tx
    .updateTable('sales')
    .set({ status: 'voided', void_reason: voiding.reason, voided_at: now, void_till_session_id: voiding.tillSessionId, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** What a sale sold, in order: a record's description of the operation. */
export async function saleLineDescriptions(db: ReadDb, saleId: string): Promise<string[]> {
  const rows = await db.selectFrom('sale_lines').select('description').where('sale_id', '=', saleId).orderBy('position').execute();
  return rows.map((r) => r.description);
}

function saleQuery(db: ReadDb) {
  return db
    .selectFrom('sales as s')
    .leftJoin('clients as c', 'c.id', 's.client_id')
    .leftJoin('staff as st', 'st.id', 's.staff_id')
    .leftJoin('promo_codes as p', 'p.id', 's.promo_code_id')
    .selectAll('s')
    .select(['c.first_name', 'c.last_name', 'c.blacklisted', 'st.name as staff_name', 'p.code as promo_code']);
}

type SaleRow = Awaited<ReturnType<ReturnType<typeof saleQuery>['executeTakeFirstOrThrow']>>;

function toSaleLine(row: SaleLinesTable): SaleLine {
  return {
    id: row.id,
    kind: row.kind,
    itemId: row.item_id,
    description: row.description,
    quantity: row.quantity,
    unitPriceMinor: row.unit_price_minor,
    coveredBy: row.covered_by,
    clientPassId: row.client_pass_id,
    coverageDiscountMinor: row.coverage_discount_minor,
    promoDiscountMinor: row.promo_discount_minor,
    totalMinor: row.total_minor,
    bookingId: row.booking_id,
    appointmentId: row.appointment_id,
    taxRateBp: row.tax_rate_bp,
    taxMinor: row.tax_minor,
  };
}

function toSale(row: SaleRow, lines: SaleLine[], payments: SalePayment[], invoices: Invoice[]): Sale {
  // Voided without a corrective document: the one in force was cancelled (issued in error).
  const cancelled = row.status === 'voided' && !invoices.some((i) => i.kind === 'corrective');
  return {
    id: row.id,
    series: row.series,
    number: row.number,
    status: row.status,
    clientId: row.client_id,
    clientName: row.first_name === null ? null : fullName(row.first_name, row.last_name),
    clientBlacklisted: row.blacklisted === 1,
    lines,
    subtotalMinor: row.subtotal_minor,
    coverageDiscountMinor: row.coverage_discount_minor,
    promoDiscountMinor: row.promo_discount_minor,
    totalMinor: row.total_minor,
    promoCode: row.promo_code,
    currency: row.currency,
    payments,
    voidReason: row.void_reason,
    voidedAt: row.voided_at,
    staffName: row.staff_name,
    createdAt: row.created_at,
    taxes: breakdown(lines.filter((l) => l.taxRateBp !== null).map((l) => ({ rateBp: l.taxRateBp!, totalMinor: l.totalMinor, taxMinor: l.taxMinor }))),
    invoices: invoices.map((i) => (cancelled && i.kind !== 'corrective' ? { ...i, cancelled: true } : i)),
    tillSessionId: row.till_session_id,
    cashTenderedMinor: row.cash_tendered_minor,
    changeMinor: row.change_minor,
    boletaFolio: row.boleta_folio,
  };
}

/** Sales from their rows, lines, payments and documents (in the rows' order). */
async function assemble(db: ReadDb, rows: SaleRow[], parts: { lines: SaleLinesTable[]; payments: SalePaymentsTable[]; invoices: InvoicesTable[] }): Promise<Sale[]> {
  const lines = new Map<string, SaleLine[]>(rows.map((r) => [r.id, []]));
  const payments = new Map<string, SalePayment[]>(rows.map((r) => [r.id, []]));
  const invoices = new Map<string, Invoice[]>(rows.map((r) => [r.id, []]));
  for (const line of parts.lines) lines.get(line.sale_id)?.push(toSaleLine(line));
  for (const payment of parts.payments) payments.get(payment.sale_id)?.push({ method: payment.method, amountMinor: payment.amount_minor, reference: payment.reference });
  for (const invoice of await invoicesOf(db, parts.invoices)) invoices.get(invoice.saleId)?.push(invoice);
  return rows.map((row) => toSale(row, lines.get(row.id) ?? [], payments.get(row.id) ?? [], invoices.get(row.id) ?? []));
}

/** One sale as its receipt shows it. */
export async function loadSale(db: ReadDb, id: string): Promise<Sale> {
  const row = await saleQuery(db).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'id');
  const [lines, payments, invoices] = await Promise.all([
    db.selectFrom('sale_lines').selectAll().where('sale_id', '=', id).orderBy('position').execute(),
    db.selectFrom('sale_payments').selectAll().where('sale_id', '=', id).orderBy('id').execute(),
    db.selectFrom('invoices').selectAll().where('sale_id', '=', id).orderBy('created_at').execute(),
  ]);
  return (await assemble(db, [row], { lines, payments, invoices }))[0]!;
}

/** Sales created in [fromIso, toIso), optionally one client's, newest first. */
export async function listSales(db: ReadDb, range: { fromIso: string; toIso: string; clientId?: string }): Promise<Sale[]> {
  let query = saleQuery(db).where('s.created_at', '>=', range.fromIso).where('s.created_at', '<', range.toIso);
  if (range.clientId !== undefined) query = query.where('s.client_id', '=', range.clientId);
  const rows = await query.orderBy('s.created_at', 'desc').orderBy('s.number', 'desc').execute();
  if (rows.length === 0) return [];
  // The lines and payments of the same sales, chosen by the same range (no list of thousands of ids).
  const [lines, payments, invoices] = await Promise.all([
    db.selectFrom('sale_lines').selectAll().where('sale_id', 'in', saleIdsInRange(db, range)).orderBy('sale_id').orderBy('position').execute(),
    db.selectFrom('sale_payments').selectAll().where('sale_id', 'in', saleIdsInRange(db, range)).orderBy('sale_id').orderBy('id').execute(),
    db.selectFrom('invoices').selectAll().where('sale_id', 'in', saleIdsInRange(db, range)).orderBy('created_at').execute(),
  ]);
  return assemble(db, rows, { lines, payments, invoices });
}

function saleIdsInRange(db: ReadDb, range: { fromIso: string; toIso: string; clientId?: string }) {
  let query = db.selectFrom('sales').select('id').where('created_at', '>=', range.fromIso).where('created_at', '<', range.toIso);
  if (range.clientId !== undefined) query = query.where('client_id', '=', range.clientId);
  return query;
}
