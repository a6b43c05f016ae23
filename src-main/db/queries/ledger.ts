import { sql } from 'kysely';
import type { LedgerEntry, LedgerKind } from '../../../src-shared/domain/passes';
import { newId } from '../../engine/ids';
import type { ReadDb, WriteTx } from '../database';
import { readRaw } from '../database';
import { insertRows } from '../precompiled-insert';

export interface LedgerRow {
  passId: string;
  kind: LedgerKind;
  delta: number;
  bookingId?: string | null;
  appointmentId?: string | null;
  saleId?: string | null;
  reason?: string | null;
  staffId: string | null;
  now: string;
}

/** Appends one credit movement; the pass's balance follows by trigger in the same transaction. */
export async function appendLedger(tx: WriteTx, row: LedgerRow): Promise<void> {
  await insertRows(tx, 'credit_ledger', {
    id: newId(),
      client_pass_id: row.passId,
      kind: row.kind,
      delta: row.delta,
      booking_id: row.bookingId ?? null,
      appointment_id: row.appointmentId ?? null,
      sale_id: row.saleId ?? null,
    reason: row.reason ?? null,
    staff_id: row.staffId,
    created_at: row.now,
  });
}

/** Every movement of a pass, oldest first, with who made it. */
export async function ledgerOf(db: ReadDb, passId: string): Promise<LedgerEntry[]> {
  const rows = await db
    .selectFrom('credit_ledger as l')
    .leftJoin('staff as s', 's.id', 'l.staff_id')
    .selectAll('l')
    .select('s.name as staff_name')
    .where('l.client_pass_id', '=', passId)
    .orderBy('l.created_at')
    .orderBy('l.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    passId: r.client_pass_id,
    kind: r.kind,
    delta: r.delta,
    bookingId: r.booking_id,
    appointmentId: r.appointment_id,
    saleId: r.sale_id,
    reason: r.reason,
    staffName: r.staff_name,
    createdAt: r.created_at,
  }));
}

/**
 * "Passes redeemed" of a range of instants: redemptions minus refunds written in it (never below 0).
 * With professionals given, only the credits of their sessions and appointments count.
 */
export async function countPassesRedeemed(db: ReadDb, range: { fromIso: string; toIso: string }, staffIds?: readonly string[]): Promise<number> {
  const staffFilter =
    staffIds === undefined
      ? sql``
      : staffIds.length === 0
        ? sql`AND 0`
        : sql`AND (EXISTS (SELECT 1 FROM bookings b JOIN occurrences o ON o.id = b.occurrence_id WHERE b.id = l.booking_id AND o.organizer_id IN (${sql.join(staffIds)}))
               OR EXISTS (SELECT 1 FROM appointments a WHERE a.id = l.appointment_id AND a.staff_id IN (${sql.join(staffIds)})))`;
  const [row] = await readRaw(
    db,
    sql<{ n: number | null }>`
    SELECT sum(CASE l.kind WHEN 'redemption' THEN 1 ELSE -1 END) AS n
    FROM credit_ledger l
    WHERE l.created_at >= ${range.fromIso} AND l.created_at < ${range.toIso} AND l.kind IN ('redemption', 'refund') ${staffFilter}`,
  );
  return Math.max(0, Number(row?.n ?? 0));
}
