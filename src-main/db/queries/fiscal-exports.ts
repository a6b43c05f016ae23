import type { ReadDb } from '../database';

/** Chile: the sales taken on a business day, and those of other days voided on it. */
export async function chileDaySales(db: ReadDb, range: { date: string; fromIso: string; toIso: string }) {
  const sales = await db
    .selectFrom('sales as s')
    .leftJoin('till_sessions as t', 't.id', 's.till_session_id')
    .leftJoin('till_sessions as v', 'v.id', 's.void_till_session_id')
    .select(['s.id', 's.created_at', 's.status', 's.voided_at', 's.boleta_folio', 's.total_minor', 's.series', 's.number'])
    .where((eb) =>
      eb.or([
        eb('t.business_date', '=', range.date),
        eb('v.business_date', '=', range.date),
        eb.and([eb('s.till_session_id', 'is', null), eb('s.created_at', '>=', range.fromIso), eb('s.created_at', '<', range.toIso)]),
      ]),
    )
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute();
  const ids = sales.map((s) => s.id);
  if (ids.length === 0) return { sales, lines: [], payments: [], invoices: [] };
  const [lines, payments, invoices] = await Promise.all([
    db.selectFrom('sale_lines').select(['sale_id', 'total_minor', 'tax_minor', 'tax_rate_bp']).where('sale_id', 'in', ids).execute(),
    db.selectFrom('sale_payments').select(['sale_id', 'method', 'amount_minor', 'reference']).where('sale_id', 'in', ids).execute(),
    // The sale's own document (not the corrective of its void).
    db.selectFrom('invoices').select(['sale_id', 'full_number', 'kind', 'issued_at']).where('sale_id', 'in', ids).where('kind', '!=', 'corrective').orderBy('issued_at').execute(),
  ]);
  return { sales, lines, payments, invoices };
}

/**
 * Mexico: the period's simplified tickets with no full invoice replacing them and no correction,
 * of sales not voided: what the global "público en general" CFDI covers.
 */
export async function mexicoOpenTickets(db: ReadDb, from: string, to: string) {
  const tickets = await db
    .selectFrom('invoices as i')
    .innerJoin('sales as s', 's.id', 'i.sale_id')
    .select(['i.id', 'i.sale_id', 'i.full_number', 'i.issue_date', 'i.taxes', 'i.tax_total_minor', 'i.total_minor'])
    .where('i.kind', '=', 'simplified')
    .where('i.issue_date', '>=', from)
    .where('i.issue_date', '<=', to)
    .where('s.status', '=', 'paid')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('invoices as r').select('r.id').where((w) => w.or([w('r.replaces_invoice_id', '=', w.ref('i.id')), w('r.corrects_invoice_id', '=', w.ref('i.id'))])))))
    .orderBy('i.issue_date')
    .orderBy('i.series')
    .orderBy('i.number')
    .execute();
  const ids = tickets.map((t) => t.sale_id);
  const payments = ids.length === 0 ? [] : await paymentsOf(db, ids);
  return { tickets, payments };
}

async function paymentsOf(db: ReadDb, saleIds: string[]) {
  const out: { sale_id: string; method: string; amount_minor: number }[] = [];
  for (let i = 0; i < saleIds.length; i += 500) {
    out.push(...(await db.selectFrom('sale_payments').select(['sale_id', 'method', 'amount_minor']).where('sale_id', 'in', saleIds.slice(i, i + 500)).execute()));
  }
  return out;
}

/** Mexico: the period's full invoices (at checkout, or replacing a ticket) with the client's tax data. */
export async function mexicoInvoicedTickets(db: ReadDb, from: string, to: string) {
  return db
    .selectFrom('invoices as i')
    .leftJoin('invoices as t', 't.id', 'i.replaces_invoice_id')
    .select([
      'i.full_number',
      'i.issue_date',
      'i.customer_name',
      'i.customer_tax_id',
      'i.customer_tax_regime',
      'i.customer_postcode',
      'i.customer_cfdi_use',
      'i.total_minor',
      't.full_number as ticket',
    ])
    .where('i.kind', '=', 'full')
    .where('i.issue_date', '>=', from)
    .where('i.issue_date', '<=', to)
    .orderBy('i.issue_date')
    .orderBy('i.full_number')
    .execute();
}
