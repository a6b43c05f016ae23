import type { CentreHoliday } from '../../../src-shared/domain/appointments';
import type { Db, WriteTx } from '../database';

/** Centre holidays by date, between two dates (inclusive) when given. */
export async function readHolidays(db: Db | WriteTx, from?: string, to?: string): Promise<CentreHoliday[]> {
  let query = db.selectFrom('centre_holidays').select(['date', 'name']).orderBy('date');
  if (from !== undefined) query = query.where('date', '>=', from);
  if (to !== undefined) query = query.where('date', '<=', to);
  return query.execute();
}

export async function holidayDates(db: Db | WriteTx, from: string, to: string): Promise<Set<string>> {
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
