import { describe, expect, it } from 'vitest';
import { firstOfEachDay } from '../../src-main/engine/agenda/day-pages';

const at = (time: string, id: string) => ({ id, startsAt: `2031-03-05T${time}:00.000Z` });

describe('firstOfEachDay (the month view per day)', () => {
  it('keeps the first entries of each day in time order, an occurrence first at the same start, and counts the rest', () => {
    const result = firstOfEachDay(
      [
        { date: '2031-03-05', appointments: [at('09:00', 'a1'), at('10:00', 'a2'), at('11:00', 'a3')], occurrences: [at('08:00', 'o1'), at('10:00', 'o2')], appointmentTotal: 7, occurrenceTotal: 2 },
        { date: '2031-03-06', appointments: [at('09:00', 'a4')], occurrences: [at('12:00', 'o3')], appointmentTotal: 1, occurrenceTotal: 1 },
        { date: '2031-03-07', appointments: [], occurrences: [], appointmentTotal: 0, occurrenceTotal: 0 },
      ],
      3,
      100,
    );
    expect(result.occurrences.map((o) => o.id)).toEqual(['o1', 'o2', 'o3']);
    expect(result.appointments.map((a) => a.id)).toEqual(['a1', 'a4']);
    // 9 on the 5th, 3 listed; the 6th lists all it has.
    expect(result.moreEntries).toEqual([{ kind: 'entries_more', date: '2031-03-05', more: 6, atLeast: false }]);
  });

  it('stops the count at the cap, as the birthdays do', () => {
    const day = { date: '2031-03-05', appointments: [at('09:00', 'a1'), at('09:30', 'a2')], occurrences: [at('10:00', 'o1')], appointmentTotal: 100, occurrenceTotal: 4 };
    expect(firstOfEachDay([day], 2, 100).moreEntries).toEqual([{ kind: 'entries_more', date: '2031-03-05', more: 98, atLeast: true }]);
    expect(firstOfEachDay([{ ...day, appointmentTotal: 90 }], 2, 100).moreEntries).toEqual([{ kind: 'entries_more', date: '2031-03-05', more: 92, atLeast: false }]);
  });
});
