import type { CentreHoliday } from '../../../src-shared/domain/appointments';
import { AppError } from '../../errors/app-error';
import type { ReadDb, WriteTx } from '../database';

/** Centre holidays by date, between two dates (inclusive) when given. */
export async function readHolidays(db: ReadDb, from?: string, to?: string): Promise<CentreHoliday[]> {
  let query = db.selectFrom('centre_holidays').select(['date', 'name']).orderBy('date');
  if (from !== undefined) query = query.where('date', '>=', from);
  if (to !== undefined) query = query.where('date', '<=', to);
  return query.execute();
}

export async function holidayDates(db: ReadDb, from: string, to: string): Promise<Set<string>> {
  return new Set((await readHolidays(db, from, to)).map((h) => h.date));
}

/** Marks a date as a holiday, or renames the one already there. */
export async function writeHoliday(tx: WriteTx, holiday: CentreHoliday, now: string): Promise<void> {
  await tx
    .insertInto('centre_holidays')
    .values({ ...holiday, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('date').doUpdateSet({ name: holiday.name, updated_at: now }))
    .execute();
}

export async function assertHolidayExists(db: ReadDb, date: string, field = 'date'): Promise<void> {
  const found = await db.selectFrom('centre_holidays').select('date').where('date', '=', date).executeTakeFirst();
  if (!found) throw new AppError('not_found', field);
}

export async function deleteHoliday(tx: WriteTx, date: string): Promise<void> {
  await tx.deleteFrom('centre_holidays').where('date', '=', date).execute();
}
