import { describe, expect, it } from 'vitest';
import type { EventLabels } from '../../src-renderer/agenda/calendar-events';
import { moreBirthdaysPrefix, toCalendarEvents } from '../../src-renderer/agenda/calendar-events';

const labels: EventLabels = {
  places: () => '',
  cancelled: 'Cancelada',
  birthday: (b) => `Cumpleaños de ${b.clientName} (${b.turns})`,
  moreBirthdays: (m) => `${m.atLeast ? `${m.more}+` : m.more} cumpleaños más`,
  moreEntries: (m) => `${m.atLeast ? `${m.more}+` : m.more} más`,
  openDay: 'Ver el día completo',
  allDay: 'Todo el día',
  appointment: () => '',
  icons: () => [],
  waiting: () => '',
  time: () => '',
};

describe('the calendar\'s birthdays', () => {
  it('shows the named ones and one all-day "N cumpleaños más" per day with more', () => {
    const events = toCalendarEvents(
      [],
      [],
      [{ kind: 'birthday', clientId: 'c1', clientName: 'Ana López', date: '2031-03-05', turns: 41 }],
      [
        { kind: 'birthday_more', date: '2031-03-05', more: 12, atLeast: false },
        { kind: 'birthday_more', date: '2031-03-06', more: 95, atLeast: true },
      ],
      'Europe/Madrid',
      labels,
    );
    expect(events.map((e) => [e.id, e.title, e.start.toString()])).toEqual([
      ['birthday:c1:2031-03-05', 'Cumpleaños de Ana López (41)', '2031-03-05'],
      [`${moreBirthdaysPrefix}2031-03-05`, '12 cumpleaños más', '2031-03-05'],
      [`${moreBirthdaysPrefix}2031-03-06`, '95+ cumpleaños más', '2031-03-06'],
    ]);
    expect(events[1]!.description).toBe('12 cumpleaños más · Todo el día');
  });
});
