import { newId } from '../../engine/ids';
import { AppError } from '../../errors/app-error';
import type { ReadDb, WriteTx } from '../database';
import type { TillCloseLinesTable, TillCorrectionsTable, TillMovementsTable, TillSessionsTable } from '../tables/till';
import { precompiled } from '../precompiled';

/**
 * The till session a sale (or a void) on this desk belongs to, inside its write transaction: the
 * open one; else today's is opened with no float, so a centre that never opens its till still gets
 * every sale in a day's session and the Z reports add up. Today's closed till takes no more sales.
 */
export async function tillSessionForSale(
  tx: WriteTx,
  input: { deskId: string; today: string; now: string; staffId: string | null },
): Promise<string> {
  const open = await openSessionOf(tx, input.deskId);
  if (open) return open.id;
  const todays = await sessionOfDay(tx, input.deskId, input.today);
  if (todays) throw new AppError('till_closed', 'till');
  return insertSession(tx, { deskId: input.deskId, businessDate: input.today, floatMinor: 0, staffId: input.staffId, now: input.now });
}

// Read by every sale: built once.
const openSession = precompiled((db, p: { deskId: string }) => db.selectFrom('till_sessions').selectAll().where('desk_id', '=', p.deskId).where('closed_at', 'is', null));

export async function openSessionOf(db: ReadDb, deskId: string): Promise<TillSessionsTable | undefined> {
  return (await openSession(db, { deskId }))[0];
}

export async function sessionOfDay(db: ReadDb, deskId: string, businessDate: string): Promise<TillSessionsTable | undefined> {
  return db.selectFrom('till_sessions').selectAll().where('desk_id', '=', deskId).where('business_date', '=', businessDate).executeTakeFirst();
}

/** The desk's latest session (open or closed), for the Caja page. */
export async function latestSessionOf(db: ReadDb, deskId: string): Promise<TillSessionsTable | undefined> {
  return db.selectFrom('till_sessions').selectAll().where('desk_id', '=', deskId).orderBy('business_date', 'desc').limit(1).executeTakeFirst();
}

export async function loadSession(db: ReadDb, id: string): Promise<TillSessionsTable> {
  const row = await db.selectFrom('till_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'id');
  return row;
}

export async function insertSession(
  tx: WriteTx,
  input: { deskId: string; businessDate: string; floatMinor: number; staffId: string | null; now: string },
): Promise<string> {
  const id = newId();
  await tx
    .insertInto('till_sessions')
    .values({
      id,
      desk_id: input.deskId,
      business_date: input.businessDate,
      float_minor: input.floatMinor,
      opened_at: input.now,
      opened_by: input.staffId,
      closed_at: null,
      closed_by: null,
      z_number: null,
      cash_count: null,
      note: null,
      created_at: input.now,
      updated_at: input.now,
    })
    .execute();
  return id;
}

/** A session opened by the first sale (float 0) and then opened "for real": the float is set. */
export async function setSessionFloat(tx: WriteTx, id: string, floatMinor: number, staffId: string | null, now: string): Promise<void> {
  await tx.updateTable('till_sessions').set({ float_minor: floatMinor, opened_by: staffId, updated_at: now }).where('id', '=', id).execute();
}

export async function insertMovement(tx: WriteTx, row: TillMovementsTable): Promise<void> {
  await tx.insertInto('till_movements').values(row).execute();
}

export async function hasMovements(db: ReadDb, sessionId: string): Promise<boolean> {
  return (await db.selectFrom('till_movements').select('id').where('till_session_id', '=', sessionId).limit(1).executeTakeFirst()) !== undefined;
}

export async function insertCorrection(tx: WriteTx, row: TillCorrectionsTable): Promise<void> {
  await tx.insertInto('till_corrections').values(row).execute();
}

/** The next Z number on this desk: one more than the highest given. */
export async function nextZNumber(tx: WriteTx, deskId: string): Promise<number> {
  const row = await tx
    .selectFrom('till_sessions')
    .select((eb) => eb.fn.max<number | null>('z_number').as('last'))
    .where('desk_id', '=', deskId)
    .executeTakeFirstOrThrow();
  return (row.last ?? 0) + 1;
}

/** Closes a session with its lines; the WHERE keeps a concurrent second close from passing. */
export async function closeSession(
  tx: WriteTx,
  input: { id: string; zNumber: number; cashCount: string; staffId: string | null; now: string; lines: readonly TillCloseLinesTable[] },
): Promise<boolean> {
  const res = await tx
    .updateTable('till_sessions')
    .set({ closed_at: input.now, closed_by: input.staffId, z_number: input.zNumber, cash_count: input.cashCount, updated_at: input.now })
    .where('id', '=', input.id)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  if (input.lines.length > 0) await tx.insertInto('till_close_lines').values([...input.lines]).execute();
  return true;
}

export async function sessionsInRange(db: ReadDb, deskId: string | null, from: string, to: string): Promise<TillSessionsTable[]> {
  let q = db.selectFrom('till_sessions').selectAll().where('business_date', '>=', from).where('business_date', '<=', to);
  if (deskId) q = q.where('desk_id', '=', deskId);
  return q.orderBy('business_date', 'desc').orderBy('desk_id').execute();
}
