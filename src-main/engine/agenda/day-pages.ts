import type { EntriesOverflow } from '../../../src-shared/domain/agenda';

/** One local day as read for the month view: each source's first entries by start, and its total. */
export interface DayEntries<A extends { startsAt: string }, O extends { startsAt: string }> {
  date: string;
  /** The day's first appointments, by start (at most perDay). */
  appointments: A[];
  occurrences: O[];
  /** How many the day holds, each counted up to the cap (a page shorter than perDay is the whole day). */
  appointmentTotal: number;
  occurrenceTotal: number;
}

/**
 * The month view's days: the first `perDay` entries of each day in time order (appointments and
 * occurrences merged; an occurrence first at the same start, as in the daily list), and one
 * "N más" per day with more, counted up to `cap`.
 */
export function firstOfEachDay<A extends { startsAt: string }, O extends { startsAt: string }>(
  days: DayEntries<A, O>[],
  perDay: number,
  cap: number,
): { appointments: A[]; occurrences: O[]; moreEntries: EntriesOverflow[] } {
  const appointments: A[] = [];
  const occurrences: O[] = [];
  const moreEntries: EntriesOverflow[] = [];
  for (const day of days) {
    let a = 0;
    let o = 0;
    while (a + o < perDay && (a < day.appointments.length || o < day.occurrences.length)) {
      const nextOccurrence = day.occurrences[o];
      const nextAppointment = day.appointments[a];
      if (nextOccurrence && (!nextAppointment || nextOccurrence.startsAt <= nextAppointment.startsAt)) occurrences.push(day.occurrences[o++]!);
      else appointments.push(day.appointments[a++]!);
    }
    const counted = day.appointmentTotal + day.occurrenceTotal;
    const more = Math.min(counted, cap) - (a + o);
    if (more > 0) moreEntries.push({ kind: 'entries_more', date: day.date, more, atLeast: counted >= cap });
  }
  return { appointments, occurrences, moreEntries };
}
