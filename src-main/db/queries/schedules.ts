import { sql } from 'kysely';
import type { AppointmentSchedule, WeeklyRange } from '../../../src-shared/domain/appointments';
import { AppError } from '../../errors/app-error';
import { newId } from '../../engine/ids';
import type { ReadDb, WriteTx } from '../database';
import type { AppointmentSchedulesTable } from '../tables/appointments';

/** Which schedules to read: every field narrows. */
export interface ScheduleFilter {
  id?: string;
  staffId?: string;
  /** Only schedules offering this service. */
  serviceId?: string;
  /** Without it, inactive schedules (and, for slots, those of inactive staff) are left out. */
  includeInactive?: boolean;
  activeStaffOnly?: boolean;
}

/**
 * Schedules with their services, tags and weekly ranges, ordered by professional then name: one
 * statement, the children gathered as JSON arrays by correlated subqueries on their indexes.
 */
export async function readSchedules(db: ReadDb, filter: ScheduleFilter): Promise<AppointmentSchedule[]> {
  let query = db
    .selectFrom('appointment_schedules as s')
    .innerJoin('staff', 'staff.id', 's.staff_id')
    .selectAll('s')
    .select([
      'staff.name as staff_name',
      sql<string>`(SELECT json_group_array(service_id ORDER BY service_id) FROM schedule_services WHERE schedule_id = s.id)`.as('service_ids'),
      sql<string>`(SELECT json_group_array(tag_id ORDER BY tag_id) FROM schedule_tags WHERE schedule_id = s.id)`.as('tag_ids'),
      sql<string>`(SELECT json_group_array(json_array(weekday, start_time, end_time) ORDER BY weekday, start_time) FROM schedule_ranges WHERE schedule_id = s.id)`.as(
        'ranges',
      ),
    ])
    .orderBy('staff.name_key')
    // A professional's schedules together, even beside a namesake (slots.find merges on that).
    .orderBy('staff.id')
    .orderBy('s.name')
    .orderBy('s.id');
  if (filter.id !== undefined) query = query.where('s.id', '=', filter.id);
  if (filter.staffId !== undefined) query = query.where('s.staff_id', '=', filter.staffId);
  if (filter.serviceId !== undefined) {
    const serviceId = filter.serviceId;
    query = query.where('s.id', 'in', (eb) => eb.selectFrom('schedule_services').select('schedule_id').where('service_id', '=', serviceId));
  }
  if (!filter.includeInactive) query = query.where('s.active', '=', 1);
  if (filter.activeStaffOnly) query = query.where('staff.active', '=', 1);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    staffId: r.staff_id,
    staffName: r.staff_name,
    name: r.name,
    durationMin: r.duration_min,
    bufferBeforeMin: r.buffer_before_min,
    bufferAfterMin: r.buffer_after_min,
    leadTimeMin: r.lead_time_min,
    horizonDays: r.horizon_days,
    visibility: r.visibility,
    tagMatch: r.tag_match,
    tagIds: JSON.parse(r.tag_ids) as string[],
    redeemableWithPasses: r.redeemable_with_passes === 1,
    active: r.active === 1,
    serviceIds: JSON.parse(r.service_ids) as string[],
    ranges: (JSON.parse(r.ranges) as [number, string, string][]).map(([weekday, start, end]): WeeklyRange => ({ weekday, start, end })),
  }));
}

export async function loadSchedule(db: ReadDb, id: string, field = 'id'): Promise<AppointmentSchedule> {
  const [found] = await readSchedules(db, { id, includeInactive: true });
  if (!found) throw new AppError('not_found', field);
  return found;
}

/** Every id must name a row of the table: the first unknown one is refused as `<field>.<i>`. */
export async function assertAllExist(db: ReadDb, table: 'services' | 'tags', ids: readonly string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set((await db.selectFrom(table).select('id').where('id', 'in', [...new Set(ids)]).execute()).map((r) => r.id));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new AppError('not_found', `${field}.${missing}`);
}

export type ScheduleChanges = Partial<Omit<AppointmentSchedulesTable, 'id' | 'staff_id' | 'created_at' | 'updated_at'>>;

export async function insertSchedule(tx: WriteTx, row: AppointmentSchedulesTable): Promise<void> {
  await tx.insertInto('appointment_schedules').values(row).execute();
}

export async function updateSchedule(tx: WriteTx, id: string, changes: ScheduleChanges, now: string): Promise<void> {
  await tx
    .updateTable('appointment_schedules')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Its appointments stay (schedule_id is set to null), with the length and buffers they were booked with. */
export async function deleteSchedule(tx: WriteTx, id: string): Promise<void> {
  await tx.deleteFrom('appointment_schedules').where('id', '=', id).execute();
}

/** Of these services, those an active schedule redeemable with passes offers (of one professional, when given). */
export async function servicesPassesPay(db: ReadDb, serviceIds: readonly string[], staffId?: string): Promise<Set<string>> {
  let query = db
    .selectFrom('schedule_services as ss')
    .innerJoin('appointment_schedules as sc', 'sc.id', 'ss.schedule_id')
    .select('ss.service_id')
    .distinct()
    .where('ss.service_id', 'in', serviceIds)
    .where('sc.active', '=', 1)
    .where('sc.redeemable_with_passes', '=', 1);
  if (staffId !== undefined) query = query.where('sc.staff_id', '=', staffId);
  return new Set((await query.execute()).map((r) => r.service_id));
}

export interface ScheduleParts {
  serviceIds?: readonly string[];
  tagIds?: readonly string[];
  ranges?: readonly WeeklyRange[];
}

/** Replaces the parts given (services, tags, weekly ranges) of a schedule; the others stay. */
export async function writeScheduleParts(tx: WriteTx, scheduleId: string, parts: ScheduleParts, now: string): Promise<void> {
  const stamps = { created_at: now, updated_at: now };
  if (parts.serviceIds) {
    await tx.deleteFrom('schedule_services').where('schedule_id', '=', scheduleId).execute();
    const unique = [...new Set(parts.serviceIds)];
    await tx
      .insertInto('schedule_services')
      .values(unique.map((service_id) => ({ schedule_id: scheduleId, service_id, ...stamps })))
      .execute();
  }
  if (parts.tagIds) {
    await tx.deleteFrom('schedule_tags').where('schedule_id', '=', scheduleId).execute();
    const unique = [...new Set(parts.tagIds)];
    if (unique.length > 0) {
      await tx
        .insertInto('schedule_tags')
        .values(unique.map((tag_id) => ({ schedule_id: scheduleId, tag_id, ...stamps })))
        .execute();
    }
  }
  if (parts.ranges) {
    await tx.deleteFrom('schedule_ranges').where('schedule_id', '=', scheduleId).execute();
    if (parts.ranges.length > 0) {
      await tx
        .insertInto('schedule_ranges')
        .values(parts.ranges.map((r) => ({ id: newId(), schedule_id: scheduleId, weekday: r.weekday, start_time: r.start, end_time: r.end, ...stamps })))
        .execute();
    }
  }
}
