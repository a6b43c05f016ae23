import type { BirthdayEntry, BirthdayOverflow } from '../../src-shared/domain/agenda';
import type { ReadDb } from '../db/database';
import { clientsBornOn, countBornOn } from '../db/queries/clients';
import { addDays } from '../engine/time/local-time';
import { fullName } from '../engine/text/full-name';

/** Birthdays listed by name per day; the rest of the day is one "N cumpleaños más" entry. */
export const birthdaysByNamePerDay = 5;
/** In the month view (agenda.range with perDay) one by name: its day cells keep room for the appointments and sessions. */
export const birthdaysByNameInMonthView = 1;
/** Birthdays counted per day at most: the count reads index entries, so it must stop somewhere (shown as "95+"). */
export const birthdayCountCap = 100;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Each date of from..to with the month-days (MM-DD) whose birthdays fall on it: 29 February shows on the 28th in common years. */
function daysOf(from: string, to: string): { date: string; monthDays: string[] }[] {
  const days = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const monthDay = date.slice(5);
    days.push({ date, monthDays: monthDay === '02-28' && !isLeapYear(Number(date.slice(0, 4))) ? ['02-28', '02-29'] : [monthDay] });
  }
  return days;
}

type BornOnRow = Awaited<ReturnType<typeof clientsBornOn>>[number];
const bySortName = (a: BornOnRow, b: BornOnRow) => (a.sort_name < b.sort_name ? -1 : a.sort_name > b.sort_name ? 1 : 0);

/**
 * The birthdays of the days from..to: per month-day one short range of the clients_birth_month_day
 * index for the first names, and a capped count where that page is full, so the cost follows the
 * days shown, not the number of clients. (A range of at most 100 days repeats no month-day.)
 */
export async function birthdaysOfRange(
  db: ReadDb,
  from: string,
  to: string,
  byName = birthdaysByNamePerDay,
): Promise<{ birthdays: BirthdayEntry[]; moreBirthdays: BirthdayOverflow[] }> {
  const days = daysOf(from, to);
  const rows = await clientsBornOn(
    db,
    days.flatMap((d) => d.monthDays),
    byName,
  );
  const byMonthDay = new Map<string, BornOnRow[]>();
  for (const r of rows) {
    const md = r.birth_date!.slice(5);
    byMonthDay.set(md, [...(byMonthDay.get(md) ?? []), r]);
  }
  // Two month-days on a common year's 28 February: merged by name.
  const listed = days.map((d) => ({ ...d, rows: d.monthDays.flatMap((md) => byMonthDay.get(md) ?? []).sort(bySortName).slice(0, byName) }));
  const full = listed.filter((d) => d.rows.length === byName);
  const counts = await countBornOn(
    db,
    full.flatMap((d) => d.monthDays),
    birthdayCountCap,
  );

  const birthdays: BirthdayEntry[] = listed.flatMap(({ date, rows: shown }) =>
    shown.map((r) => ({
      kind: 'birthday' as const,
      clientId: r.id,
      clientName: fullName(r.first_name, r.last_name),
      date,
      turns: Number(date.slice(0, 4)) - Number(r.birth_date!.slice(0, 4)),
    })),
  );
  const moreBirthdays: BirthdayOverflow[] = [];
  for (const { date, monthDays } of full) {
    const counted = monthDays.reduce((n, md) => n + (counts.get(md) ?? 0), 0);
    const total = Math.min(counted, birthdayCountCap);
    if (total > byName) moreBirthdays.push({ kind: 'birthday_more', date, more: total - byName, atLeast: counted >= birthdayCountCap });
  }
  return { birthdays, moreBirthdays };
}
