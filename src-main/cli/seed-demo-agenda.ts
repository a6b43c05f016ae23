import type { Recurrence } from '../../src-shared/domain/agenda';
import { addDays, weekdayOf } from '../engine/time/local-time';
import type { DemoCall } from './demo-call';

export interface AgendaSeedReport {
  staff: number;
  series: number;
  bookings: number;
}

const everyWeek = (weekdays: number[]): Recurrence => ({ weekdays, intervalWeeks: 1, end: { kind: 'never' } });

/**
 * The demo centre's team, catalogue and week of classes (weekends too), with the sessions from today to the end of
 * next week booked (Barre full, with a waitlist). Skipped when the centre already has staff.
 */
export async function seedDemoAgenda(call: DemoCall, today: string, clientIds: string[], pilatesTagId: string | undefined): Promise<AgendaSeedReport | null> {
  if ((await call('staff.list', { includeInactive: true })).length > 0) return null;
  const alma = await call('staff.create', { name: 'Alma Romero', role: 'owner', colour: '#2a9d8f' });
  const ines = await call('staff.create', { name: 'Inés Navarro', role: 'professional', colour: '#8e7dbe' });
  const carlos = await call('staff.create', { name: 'Carlos Vidal', role: 'professional', colour: '#e76f51' });
  const paula = await call('staff.create', { name: 'Paula Ortega', role: 'reception', colour: '#457b9d' });
  await call('auth.signIn', { staffId: paula.id });

  const pilates = await call('sessionTypes.create', { name: 'Pilates reformer', colour: '#2a9d8f', defaultDurationMin: 55, defaultPlaces: 6 });
  const yoga = await call('sessionTypes.create', { name: 'Yoga', colour: '#8e7dbe', defaultDurationMin: 60, defaultPlaces: 12 });
  const barre = await call('sessionTypes.create', { name: 'Barre', colour: '#e9c46a', defaultDurationMin: 45, defaultPlaces: 10 });
  for (const [name, durationMin, priceMinor] of [
    ['Masaje descontracturante', 60, 4500],
    ['Limpieza facial', 50, 3900],
    ['Manicura semipermanente', 30, 1800],
    ['Fisioterapia', 45, 4000],
  ] as const) {
    await call('services.create', { name, durationMin, priceMinor });
  }

  // Classes start on the Monday of this week, so the calendar is full from today on.
  const monday = addDays(today, 1 - weekdayOf(today));
  const series = [
    { title: 'Pilates reformer mañana', organizerId: alma.id, sessionTypeId: pilates.id, startTime: '09:00', durationMin: 55, places: 6, recurrence: everyWeek([1, 3]), attendanceMode: 'tags' as const, tagIds: pilatesTagId ? [pilatesTagId] : [], redeemableWithPasses: true },
    { title: 'Pilates suelo', organizerId: alma.id, sessionTypeId: pilates.id, startTime: '19:00', durationMin: 55, places: 8, recurrence: everyWeek([2, 4]) },
    { title: 'Yoga vinyasa', organizerId: ines.id, sessionTypeId: yoga.id, startTime: '18:30', durationMin: 60, places: 12, recurrence: everyWeek([1, 3]) },
    { title: 'Yoga online', organizerId: ines.id, sessionTypeId: yoga.id, startTime: '08:00', durationMin: 45, places: 20, recurrence: everyWeek([5]), mode: 'online' as const, onlineLink: 'https://meet.example.com/yoga-alma' },
    { title: 'Barre', organizerId: carlos.id, sessionTypeId: barre.id, startTime: '10:00', durationMin: 45, places: 2, recurrence: everyWeek([2, 5]) },
    // The weekend has a class too, so "today" is never an empty agenda.
    { title: 'Yoga suave', organizerId: ines.id, sessionTypeId: yoga.id, startTime: '10:30', durationMin: 60, places: 10, recurrence: everyWeek([6, 7]) },
  ];
  const sessionIds: string[] = [];
  for (const input of series) sessionIds.push((await call('series.create', { ...input, startDate: monday })).series.id);
  await call('series.create', { kind: 'meeting', title: 'Reunión de equipo', organizerId: alma.id, startDate: monday, startTime: '14:00', durationMin: 30, recurrence: everyWeek([1]) });
  await call('series.create', { kind: 'private', title: 'Formación', organizerId: carlos.id, startDate: addDays(monday, 3), startTime: '12:00', durationMin: 120 });
  await call('series.create', { kind: 'reminder', title: 'Pedir toallas', organizerId: paula.id, startDate: addDays(monday, 4), startTime: '17:00', durationMin: 15 });

  // The sessions from today to the end of next week get bookings (those not started yet); Barre (2 places) fills
  // up and gets a waitlist.
  const now = new Date().toISOString();
  const { occurrences } = await call('agenda.range', { from: today, to: addDays(monday, 13), kinds: ['session'] });
  let bookings = 0;
  const bookable = clientIds.slice(0, 40).filter((_, i) => i !== 7); // the blacklisted demo client stays out
  // A class only for clients with its tags is booked by clients who hold them (asked once a series).
  const allowedBySeries = new Map<string, string[]>();
  const allowedIn = async (occurrence: (typeof occurrences)[number]) => {
    if (occurrence.attendanceMode !== 'tags') return bookable;
    let allowed = allowedBySeries.get(occurrence.seriesId);
    if (!allowed) {
      allowed = [];
      for (let i = 0; i < bookable.length; i += 20) {
        const answers = await call('sessions.eligibility', { occurrenceId: occurrence.id, clientIds: bookable.slice(i, i + 20) });
        allowed.push(...answers.filter((a) => !a.lacksTags && !a.blacklisted).map((a) => a.clientId));
      }
      allowedBySeries.set(occurrence.seriesId, allowed);
    }
    return allowed;
  };
  for (const [index, occurrence] of occurrences.entries()) {
    if (occurrence.startsAt <= now) continue;
    const candidates = await allowedIn(occurrence);
    const wanted = Math.min(candidates.length, occurrence.title === 'Barre' ? 4 : Math.min(occurrence.places ?? 6, 3 + (index % 4)));
    for (let k = 0; k < wanted; k++) {
      const clientId = candidates[(index * 7 + k) % candidates.length]!; // k < length: distinct clients
      await call('sessions.book', { occurrenceId: occurrence.id, clientId });
      bookings += 1;
    }
  }
  return { staff: 4, series: series.length + 3, bookings };
}
