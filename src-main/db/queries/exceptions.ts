import type { ScheduleException, TimeRange } from '../../../src-shared/domain/appointments';
import { AppError } from '../../errors/app-error';
import { newId } from '../../engine/ids';
import type { ReadDb, WriteTx } from '../database';
import type { ScheduleExceptionsTable } from '../tables/appointments';

export function toException(row: ScheduleExceptionsTable): ScheduleException {
  return {
    id: row.id,
    staffId: row.staff_id,
    scheduleId: row.schedule_id,
    date: row.date,
    kind: row.kind,
    ranges: row.kind === 'hours' ? (JSON.parse(row.ranges) as TimeRange[]) : [],
    note: row.note,
  };
}

/** Exceptions between two dates (inclusive), of some professionals or all, by date then professional. */
export async function readExceptions(db: ReadDb, from: string, to: string, staffIds?: readonly string[]): Promise<ScheduleException[]> {
  let query = db
    .selectFrom('schedule_exceptions as e')
    .innerJoin('staff', 'staff.id', 'e.staff_id')
    .selectAll('e')
    .where('e.date', '>=', from)
    .where('e.date', '<=', to)
    .orderBy('e.date')
    .orderBy('staff.name_key')
    .orderBy('e.schedule_id')
    .orderBy('e.id');
  if (staffIds) query = query.where('e.staff_id', 'in', staffIds.length > 0 ? staffIds : ['']);
  return (await query.execute()).map(toException);
}

export async function loadException(db: ReadDb, id: string, field = 'id'): Promise<ScheduleException> {
  const row = await db.selectFrom('schedule_exceptions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', field);
  return toException(row);
}

export type ExceptionValues = Omit<ScheduleException, 'id'>;

/** One exception per professional, schedule (or all of them) and date: setting it again replaces it. Returns its id. */
export async function writeException(tx: WriteTx, values: ExceptionValues, now: string): Promise<string> {
  let existing = tx.selectFrom('schedule_exceptions').select('id').where('staff_id', '=', values.staffId).where('date', '=', values.date);
  existing = values.scheduleId === null ? existing.where('schedule_id', 'is', null) : existing.where('schedule_id', '=', values.scheduleId);
  const found = await existing.executeTakeFirst();
  const columns = { kind: values.kind, ranges: JSON.stringify(values.kind === 'hours' ? values.ranges : []), note: values.note, updated_at: now };
  if (found) {
    await tx.updateTable('schedule_exceptions').set(columns).where('id', '=', found.id).execute();
    return found.id;
  }
  const id = newId();
  await tx
    .insertInto('schedule_exceptions')
    .values({ id, staff_id: values.staffId, schedule_id: values.scheduleId, date: values.date, created_at: now, ...columns })
    .execute();
  return id;
}

export async function deleteException(tx: WriteTx, id: string): Promise<void> {
  await tx.deleteFrom('schedule_exceptions').where('id', '=', id).execute();
}
