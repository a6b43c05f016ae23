import type { ReadDb } from '../database';

export interface ConflictSubject {
  /** "Yoga · 2026-12-08 10:00 · Ana García": what it was, as this desk had it. */
  summary: string;
  occurrenceId: string | null;
  clientId: string | null;
}

const name = (first: string | null, last: string | null) => [first, last].filter(Boolean).join(' ');

/**
 * Describes a row the server refused, read before the server's undo removes it from this desk: the
 * conflicts list must still say which booking, appointment, code or pass it was.
 */
export async function describeRefusedRow(db: ReadDb, table: string, rowId: string): Promise<ConflictSubject> {
  const id = (JSON.parse(rowId) as unknown[])[0];
  if (typeof id !== 'string') return { summary: table, occurrenceId: null, clientId: null };
  if (table === 'bookings') {
    const row = await db
      .selectFrom('bookings as b')
      .innerJoin('occurrences as o', 'o.id', 'b.occurrence_id')
      .leftJoin('clients as c', 'c.id', 'b.client_id')
      .select(['o.id as occurrence_id', 'o.title', 'o.local_date', 'o.local_start', 'c.id as client_id', 'c.first_name', 'c.last_name'])
      .where('b.id', '=', id)
      .executeTakeFirst();
    if (row) return { summary: [row.title, `${row.local_date} ${row.local_start}`, name(row.first_name, row.last_name)].filter(Boolean).join(' · '), occurrenceId: row.occurrence_id, clientId: row.client_id };
  }
  if (table === 'appointments') {
    const row = await db
      .selectFrom('appointments as a')
      .leftJoin('services as s', 's.id', 'a.service_id')
      .leftJoin('staff as st', 'st.id', 'a.staff_id')
      .leftJoin('clients as c', 'c.id', 'a.client_id')
      .select(['s.name as service', 'st.name as staff', 'a.local_date', 'a.local_start', 'c.id as client_id', 'c.first_name', 'c.last_name'])
      .where('a.id', '=', id)
      .executeTakeFirst();
    if (row) return { summary: [row.service, row.staff, `${row.local_date} ${row.local_start}`, name(row.first_name, row.last_name)].filter(Boolean).join(' · '), occurrenceId: null, clientId: row.client_id };
  }
  if (table === 'promo_redemptions') {
    const row = await db
      .selectFrom('promo_redemptions as r')
      .innerJoin('promo_codes as p', 'p.id', 'r.promo_id')
      .leftJoin('clients as c', 'c.id', 'r.client_id')
      .select(['p.code', 'c.id as client_id', 'c.first_name', 'c.last_name'])
      .where('r.id', '=', id)
      .executeTakeFirst();
    if (row) return { summary: [row.code, name(row.first_name, row.last_name)].filter(Boolean).join(' · '), occurrenceId: null, clientId: row.client_id };
  }
  if (table === 'credit_ledger') {
    const row = await db
      .selectFrom('credit_ledger as l')
      .innerJoin('client_passes as p', 'p.id', 'l.client_pass_id')
      .leftJoin('clients as c', 'c.id', 'p.client_id')
      .select(['p.name', 'c.id as client_id', 'c.first_name', 'c.last_name'])
      .where('l.id', '=', id)
      .executeTakeFirst();
    if (row) return { summary: [row.name, name(row.first_name, row.last_name)].filter(Boolean).join(' · '), occurrenceId: null, clientId: row.client_id };
  }
  // A named thing (a service, a tag, a code): its name says which.
  const label = await describeNamedRow(db, table, id);
  return { summary: label ?? table, occurrenceId: null, clientId: null };
}

const labelColumns: Readonly<Record<string, 'name' | 'code' | 'label'>> = {
  tags: 'name',
  services: 'name',
  session_types: 'name',
  staff: 'name',
  pass_products: 'name',
  plan_products: 'name',
  custom_fields: 'label',
  promo_codes: 'code',
};

async function describeNamedRow(db: ReadDb, table: string, id: string): Promise<string | null> {
  const column = labelColumns[table];
  if (!column) return null;
  // The table and column come from the fixed list above, never from the server's answer.
  const row = await db
    .selectFrom(table as 'tags')
    .select(`${column} as label` as 'name')
    .where('id', '=', id)
    .executeTakeFirst();
  return (row as { label?: string } | undefined)?.label ?? null;
}
