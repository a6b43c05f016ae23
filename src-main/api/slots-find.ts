import { readBusyIntervals } from '../db/queries/busy-times';
import { readBusyInWindows } from '../db/queries/busy-windows';
import { serviceIsActive } from '../db/queries/catalogue';
import { loadClientForBooking } from '../db/queries/clients';
import { readExceptions } from '../db/queries/exceptions';
import { holidayDates } from '../db/queries/holidays';
import { readSchedules } from '../db/queries/schedules';
import { readCentreSettings } from '../db/queries/settings';
import { assertStaffActive } from '../db/queries/staff';
import { clientTagIds } from '../db/queries/tags';
import { hoursBetween } from '../engine/appointments/day-hours';
import type { DayHours, SlotQuery } from '../engine/appointments/free-slots';
import { visitFreeSlots } from '../engine/appointments/free-slots';
import { optionsPerStart, SlotMerger } from '../engine/appointments/merge-slots';
import { StartCoverage, windowsAround } from '../engine/appointments/start-coverage';
import { localDate } from '../engine/time/local-date';
import { addDays } from '../engine/time/local-time';
import { epochDay, isDateInRange } from '../../src-shared/time/calendar-date';
import { AppError } from '../errors/app-error';
import { checkLocalRange, localRangeToInstants } from './agenda-range';
import { visibleTo } from './appointment-placement';
import type { Handlers } from './handler';

/** slots.find looks at most this many days (inclusive). */
const maxSlotDays = 62;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Professionals examined in the first round of "any professional"; each further round takes twice as many. */
const firstBatch = 8;
/** Busy times are read around the starts still open; those of one day are read in one window. */
const joinWindowsMs = 12 * 3_600_000;

/**
 * Free starts for a service, for one professional or any: schedules, exceptions and holidays read once
 * (set-based queries), each schedule's slots visited and merged by start. "Any professional" names the
 * first optionsPerStart professionals free at a start and says whether anyone else is: it examines
 * professionals in name order, in rounds (one busy-time query per round), until every start is settled,
 * and after the first round reads busy times only around the starts still open. So the answer stays a few
 * hundred starts, and the reads follow what is still unknown rather than the size of the team.
 */
export const findSlots: Handlers['slots.find'] = async ({ serviceId, staffId, from, to, stepMin, visibleToClientId, exceptAppointmentId, at }, { db }) => {
  const { timeZone } = await readCentreSettings(db);
  checkLocalRange(from, to, maxSlotDays);
  // The contract takes any zone's instants; the start must also fall on a date of the centre's range.
  if (at !== undefined && !isDateInRange(localDate(new Date(at), timeZone))) throw new AppError('date_out_of_range', 'at');
  const offered = await serviceIsActive(db, serviceId);
  let schedules = offered ? await readSchedules(db, { serviceId, activeStaffOnly: true, ...(staffId !== undefined ? { staffId } : {}) }) : [];
  if (staffId !== undefined && schedules.length === 0) {
    // Nothing offered: say why when the professional is unknown or inactive.
    await assertStaffActive(db, staffId);
  }
  if (visibleToClientId !== undefined) {
    const client = await loadClientForBooking(db, visibleToClientId, 'visibleToClientId');
    if (client.blacklisted === 1) return [];
    schedules = schedules.filter(visibleTo(await clientTagIds(db, visibleToClientId)));
  }
  if (schedules.length === 0) return [];

  // Nothing before today is offered, nothing after the furthest horizon: read only the days between.
  const nowMs = Date.now();
  const today = localDate(new Date(nowMs), timeZone);
  const first = from > today ? from : today;
  const lastOpen = addDays(today, Math.max(...schedules.map((s) => s.horizonDays)));
  const last = to < lastOpen ? to : lastOpen;
  if (first > last) return [];
  const bounds = localRangeToInstants(first, last, timeZone, maxSlotDays);
  const days = epochDay(last) - epochDay(first) + 1;

  const staffIds = [...new Set(schedules.map((s) => s.staffId))];
  const [exceptions, holidays] = await Promise.all([readExceptions(db, first, last, staffIds), holidayDates(db, first, last)]);
  const exceptionsOf = new Map<string, typeof exceptions>();
  for (const e of exceptions) {
    const ofStaff = exceptionsOf.get(e.staffId);
    if (ofStaff) ofStaff.push(e);
    else exceptionsOf.set(e.staffId, [e]);
  }
  const busyWindow = {
    fromIso: new Date(Date.parse(bounds.fromIso) - DAY_MS).toISOString(),
    toIso: new Date(Date.parse(bounds.toIso) + DAY_MS).toISOString(),
    ...(exceptAppointmentId !== undefined ? { exceptAppointmentId } : {}),
  };

  // Schedules with the same hours and no exception open the same days: those are worked out once.
  const daysOf = new Map<string, DayHours[]>();
  const plans = schedules.map((schedule) => {
    const own = exceptionsOf.get(schedule.staffId) ?? [];
    const step = stepMin ?? schedule.durationMin;
    const group = own.length > 0 ? schedule.id : `${JSON.stringify(schedule.ranges)} ${schedule.durationMin} ${step} ${schedule.leadTimeMin} ${schedule.horizonDays}`;
    let days = daysOf.get(group);
    if (!days) daysOf.set(group, (days = hoursBetween(first, last, { scheduleId: schedule.id, weekly: schedule.ranges, exceptions: own, holidays })));
    const query: SlotQuery = {
      timeZone,
      days,
      durationMin: schedule.durationMin,
      bufferBeforeMin: schedule.bufferBeforeMin,
      bufferAfterMin: schedule.bufferAfterMin,
      stepMin: step,
      earliestStartMs: nowMs + schedule.leadTimeMin * MINUTE_MS,
      lastDate: addDays(today, schedule.horizonDays),
      busy: [],
    };
    return { schedule, group, query, offer: { staffId: schedule.staffId, staffName: schedule.staffName, scheduleId: schedule.id } };
  });

  const atMs = at === undefined ? null : Date.parse(at);
  // One professional, or everyone at one start: every schedule. Else professionals by name, only until
  // each start names optionsPerStart of them and knows whether anyone else is free (one more).
  const need = staffId !== undefined || atMs !== null ? Infinity : optionsPerStart + 1;
  const merger = new SlotMerger(atMs === null ? optionsPerStart : Infinity);
  const coverage = new StartCoverage();
  const groupsOf = new Map<string, string[]>();
  if (need !== Infinity) {
    for (const plan of plans) {
      coverage.add(plan.group, () => plan.query);
      groupsOf.set(plan.schedule.staffId, [...(groupsOf.get(plan.schedule.staffId) ?? []), plan.group]);
    }
  }
  // What decides whether a start is free: the longest buffer before it, the longest appointment and buffer after.
  const beforeMs = Math.max(...schedules.map((s) => s.bufferBeforeMin)) * MINUTE_MS;
  const afterMs = Math.max(...schedules.map((s) => s.durationMin + s.bufferAfterMin)) * MINUTE_MS;

  let next = 0;
  for (let round = 0, batchSize = need === Infinity ? Infinity : firstBatch; next < plans.length; round++, batchSize *= 2) {
    // After the first round only the starts still open matter: read busy times around them alone.
    const open = round === 0 ? null : coverage.open((startMs) => merger.foundAt(startMs), need);
    if (open?.starts.length === 0) break;
    // Nobody left to find where all of a professional's hours are: skip them (they would come after enough others).
    const useful = (staff: string) => !open || groupsOf.get(staff)!.some((group) => open.groups.has(group));
    const { batch, batchStaff, end } = nextBatch(plans, next, batchSize, useful);
    next = end;
    if (batch.length === 0) break;
    // Each window costs a look-back (an interval may start up to a day and more before it): while most days
    // are still open, one read of the whole range is cheaper.
    const fewDays = open !== null && open.dates.size * 2 <= days;
    const only = atMs !== null ? [atMs] : fewDays ? open.starts : undefined;
    const wanted = only ? new Set(only) : null;
    // Busy times of the whole batch in ONE query: the whole range, or only around the starts that matter.
    const busy = only
      ? await readBusyInWindows(db, [...batchStaff], windowsAround(only, beforeMs, afterMs, joinWindowsMs), exceptAppointmentId)
      : await readBusyIntervals(db, [...batchStaff], busyWindow);
    for (const { group, query, offer } of batch) {
      // Only the days of the starts that matter (all of them when nothing was read around those starts alone).
      const ofDays = fewDays ? query.days.filter((d) => open.dates.has(d.date)) : query.days;
      visitFreeSlots({ ...query, days: ofDays, busy: busy.get(offer.staffId) ?? [] }, (startMs, endMs, date, minute) => {
        // Busy times read only around `wanted` say nothing of other starts.
        if (wanted === null || wanted.has(startMs)) merger.add(offer, startMs, endMs, date, minute);
      });
      coverage.examined(group);
    }
  }
  return merger.slots();
};

/**
 * From `start` on, the schedules of the next `size` professionals that are `useful` (all of a professional's
 * schedules together, as readSchedules orders them), and where the next batch starts.
 */
function nextBatch<P extends { schedule: { staffId: string } }>(plans: readonly P[], start: number, size: number, useful: (staffId: string) => boolean) {
  const batch: P[] = [];
  const batchStaff = new Set<string>();
  let end = start;
  for (; end < plans.length; end++) {
    const staff = plans[end]!.schedule.staffId;
    if (!batchStaff.has(staff)) {
      if (batchStaff.size >= size) break;
      if (!useful(staff)) continue;
      batchStaff.add(staff);
    }
    batch.push(plans[end]!);
  }
  return { batch, batchStaff, end };
}
