import type { WeeklyRange } from '../../src-shared/domain/appointments';
import { addDays, weekdayOf } from '../engine/time/local-time';
import type { DemoCall } from './demo-call';
import { byName } from './demo-call';

export interface AppointmentsSeedReport {
  schedules: number;
  appointments: number;
}

/** The same ranges on each of the given weekdays. */
const week = (weekdays: number[], ranges: [string, string][]): WeeklyRange[] =>
  weekdays.flatMap((weekday) => ranges.map(([start, end]) => ({ weekday, start, end })));

/**
 * Appointment schedules for three of the demo team (massage, facials, physiotherapy — the demo
 * catalogue's services), a day with different hours, and a handful of appointments over the next days,
 * booked through the API in free slots (one then cancelled). Runs after the agenda seed, on a fresh centre.
 * Deterministic for a given date: slots are taken from tomorrow on, so the time of day does not matter.
 */
export async function seedDemoAppointments(call: DemoCall, today: string, clientIds: readonly string[]): Promise<AppointmentsSeedReport> {
  const staff = await call('staff.list', {});
  const services = await call('services.list', {});
  const tags = await call('tags.list', {});
  const massage = byName(services, 'Masaje descontracturante');
  const facial = byName(services, 'Limpieza facial');
  const manicure = byName(services, 'Manicura semipermanente');
  const physio = byName(services, 'Fisioterapia');

  const schedules = [
    await call('schedules.create', {
      staffId: byName(staff, 'Alma Romero'),
      name: 'Masajes',
      durationMin: 60,
      bufferAfterMin: 10,
      leadTimeMin: 120,
      horizonDays: 60,
      serviceIds: [massage],
      ranges: week([1, 2, 3, 4, 5], [['10:00', '14:00'], ['16:00', '20:00']]),
    }),
    await call('schedules.create', {
      staffId: byName(staff, 'Inés Navarro'),
      name: 'Estética',
      durationMin: 50,
      bufferBeforeMin: 5,
      bufferAfterMin: 5,
      leadTimeMin: 60,
      horizonDays: 45,
      // Clients who book themselves see it only with one of these tags; the desk always can.
      visibility: 'tags',
      tagMatch: 'any',
      tagIds: [byName(tags, 'Estética'), byName(tags, 'VIP')],
      serviceIds: [facial, manicure],
      ranges: [...week([2, 3, 4, 5], [['09:30', '13:30'], ['16:00', '18:30']]), ...week([6], [['10:00', '14:00']])],
    }),
    await call('schedules.create', {
      staffId: byName(staff, 'Carlos Vidal'),
      name: 'Fisioterapia',
      durationMin: 45,
      bufferBeforeMin: 5,
      bufferAfterMin: 10,
      leadTimeMin: 240,
      horizonDays: 90,
      serviceIds: [physio, massage],
      ranges: week([1, 2, 3, 4, 5], [['08:00', '12:00'], ['15:00', '19:00']]),
    }),
  ];
  // Alma works a short morning next week's Friday.
  const nextFriday = addDays(today, ((5 - weekdayOf(today) + 7) % 7) + 7);
  await call('schedules.setException', { staffId: schedules[0]!.staffId, date: nextFriday, kind: 'hours', ranges: [{ start: '09:00', end: '13:00' }], note: 'Médico por la tarde' });

  // A handful of appointments over the next days: up to three per schedule, on different days.
  const bookable = clientIds.filter((_, i) => i !== 7); // the blacklisted demo client stays out
  const from = addDays(today, 1);
  const serviceOf = [massage, facial, physio];
  let booked = 0;
  let cancelled = false;
  for (const [index, schedule] of schedules.entries()) {
    const serviceId = serviceOf[index]!;
    const slots = await call('slots.find', { serviceId, staffId: schedule.staffId, from, to: addDays(from, 6) });
    const days = [...new Set(slots.map((slot) => slot.localDate))];
    for (let k = 0; k < 3 && k * 2 < days.length; k++) {
      const ofDay = slots.filter((slot) => slot.localDate === days[k * 2]);
      const slot = ofDay[(index + k * 2) % ofDay.length]!;
      const appointment = await call('appointments.book', {
        clientId: bookable[(booked * 5 + 2) % bookable.length]!,
        staffId: schedule.staffId,
        serviceId,
        startsAt: slot.startsAt,
        // One as if the client booked it themselves (only where every client may see the schedule).
        ...(k === 1 && schedule.visibility === 'all' ? { source: 'client' as const } : {}),
      });
      booked += 1;
      if (!cancelled && k === 2) {
        await call('appointments.cancel', { appointmentId: appointment.id, reason: 'No puede venir; llamará para cambiarla.' });
        cancelled = true;
      }
    }
  }
  // Today as a desk finds it: up to two of each schedule's free times still ahead today (the API books nothing in the
  // past), an hour or more apart.
  for (const [index, schedule] of schedules.entries()) {
    const ofToday = await call('slots.find', { serviceId: serviceOf[index]!, staffId: schedule.staffId, from: today, to: today });
    const first = ofToday[0];
    const later = first && ofToday.find((slot) => Date.parse(slot.startsAt) >= Date.parse(first.startsAt) + 2 * 3_600_000);
    for (const slot of [first, later]) {
      if (!slot) continue;
      await call('appointments.book', { clientId: bookable[(booked * 5 + 2) % bookable.length]!, staffId: schedule.staffId, serviceId: serviceOf[index]!, startsAt: slot.startsAt });
      booked += 1;
    }
  }
  return { schedules: schedules.length, appointments: booked };
}
