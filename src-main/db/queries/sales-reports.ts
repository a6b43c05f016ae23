import { sql } from 'kysely';
import type { ReportLine, ReportPayment, ReportSale } from '../../engine/reports/sales-report';
import { localDate } from '../../engine/time/local-date';
import type { ReadDb } from '../database';

/**
 * The sales counted in a range of business days: taken (the day of the session they were taken in)
 * and voided (the day of the session of the void). A sale from before the till (no session) counts
 * on the local date it was made, as it always did.
 */
export async function reportSales(db: ReadDb, range: { from: string; to: string; fromIso: string; toIso: string; timeZone: string }): Promise<ReportSale[]> {
  const taken = await db
    .selectFrom('sales as s')
    .leftJoin('till_sessions as t', 't.id', 's.till_session_id')
    .select(['s.id', 's.staff_id', 's.created_at', 't.business_date'])
    .where((eb) =>
      eb.or([
        eb.and([eb('t.business_date', '>=', range.from), eb('t.business_date', '<=', range.to)]),
        eb.and([eb('s.till_session_id', 'is', null), eb('s.created_at', '>=', range.fromIso), eb('s.created_at', '<', range.toIso)]),
      ]),
    )
    .execute();
  const voided = await db
    .selectFrom('sales as s')
    .leftJoin('till_sessions as t', 't.id', 's.void_till_session_id')
    .select(['s.id', 's.staff_id', 's.voided_at', 't.business_date'])
    .where('s.status', '=', 'voided')
    .where((eb) =>
      eb.or([
        eb.and([eb('t.business_date', '>=', range.from), eb('t.business_date', '<=', range.to)]),
        eb.and([eb('s.void_till_session_id', 'is', null), eb('s.voided_at', '>=', range.fromIso), eb('s.voided_at', '<', range.toIso)]),
      ]),
    )
    .execute();
  const dayOf = (businessDate: string | null, at: string | null) => businessDate ?? localDate(new Date(at ?? 0), range.timeZone);
  return [
    ...taken.map((r) => ({ saleId: r.id, day: dayOf(r.business_date, r.created_at), sign: 1 as const, sellerId: r.staff_id })),
    ...voided.map((r) => ({ saleId: r.id, day: dayOf(r.business_date, r.voided_at), sign: -1 as const, sellerId: r.staff_id })),
  ];
}

/** The lines and payments of those sales (ids in chunks: SQLite bounds the number of parameters). */
export async function reportLinesAndPayments(db: ReadDb, saleIds: readonly string[]): Promise<{ lines: ReportLine[]; payments: ReportPayment[] }> {
  const ids = [...new Set(saleIds)];
  const lines: ReportLine[] = [];
  const payments: ReportPayment[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const lineRows = await db
      .selectFrom('sale_lines as l')
      .leftJoin('appointments as a', 'a.id', 'l.appointment_id')
      .leftJoin('bookings as b', 'b.id', 'l.booking_id')
      .leftJoin('occurrences as o', 'o.id', 'b.occurrence_id')
      .select([
        'l.sale_id',
        'l.kind',
        'l.item_id',
        'l.description',
        'l.quantity',
        'l.total_minor',
        'l.tax_minor',
        'l.tax_rate_bp',
        sql<string | null>`coalesce(a.staff_id, o.organizer_id)`.as('professional_id'),
      ])
      .where('l.sale_id', 'in', chunk)
      .execute();
    for (const r of lineRows) {
      lines.push({
        saleId: r.sale_id,
        kind: r.kind,
        itemId: r.item_id,
        description: r.description,
        quantity: r.quantity,
        totalMinor: r.total_minor,
        taxMinor: r.tax_minor,
        taxRateBp: r.tax_rate_bp,
        professionalId: r.professional_id,
      });
    }
    const payRows = await db.selectFrom('sale_payments').select(['sale_id', 'method', 'amount_minor']).where('sale_id', 'in', chunk).execute();
    for (const p of payRows) payments.push({ saleId: p.sale_id, method: p.method, amountMinor: p.amount_minor });
  }
  return { lines, payments };
}

export async function reportNames(db: ReadDb): Promise<{ staff: Map<string, string>; methods: Map<string, string> }> {
  const staff = await db.selectFrom('staff').select(['id', 'name']).execute();
  const methods = await db.selectFrom('payment_methods').select(['id', 'name']).execute();
  return { staff: new Map(staff.map((s) => [s.id, s.name])), methods: new Map(methods.map((m) => [`custom:${m.id}`, m.name])) };
}
