import { describe, expect, it } from 'vitest';
import type { EventLabels } from '../../src-renderer/agenda/calendar-events';
import { moreEntriesPrefix, toCalendarEvents } from '../../src-renderer/agenda/calendar-events';

const labels: EventLabels = {
  places: () => '',
  cancelled: 'Cancelada',
  birthday: () => '',
  moreBirthdays: () => '',
  moreEntries: (m) => `${m.atLeast ? `${m.more}+` : m.more} más`,
  openDay: 'Ver el día completo',
  allDay: 'Todo el día',
  appointment: () => '',
  icons: () => [],
  waiting: () => '',
  time: () => '',
};

describe("the month view's \"N más\"", () => {
  it('is one entry per day with more, last of its day (23:59 in the centre), that says how many', () => {
    const events = toCalendarEvents(
      [],
      [],
      [],
      [],
      'Europe/Madrid',
      labels,
      [
        { kind: 'entries_more', date: '2031-03-05', more: 12, atLeast: false },
        { kind: 'entries_more', date: '2031-03-31', more: 97, atLeast: true },
      ],
    );
    expect(events.map((e) => [e.id, e.title, e.start.toString()])).toEqual([
      [`${moreEntriesPrefix}2031-03-05`, '12 más', '2031-03-05T23:59:00+01:00[Europe/Madrid]'],
      // After the spring change.
      [`${moreEntriesPrefix}2031-03-31`, '97+ más', '2031-03-31T23:59:00+02:00[Europe/Madrid]'],
    ]);
    expect(events[0]!.description).toBe('12 más · Ver el día completo');
  });
});
