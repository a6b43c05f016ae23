import type { ScheduleCreateInput } from '../../src-shared/api/schedules';
import type { WeeklyRange } from '../../src-shared/domain/appointments';
import { localToInstant } from '../../src-main/engine/time/local-time';
import { numberedClients } from '../helpers/agenda-fixtures';
import type { TempApi } from '../helpers/temp-api';

export interface AppointmentWorld {
  /** Professionals, named so that their alphabetical order is ana, bea, carla. */
  ana: string;
  bea: string;
  carla: string;
  /** Services: a 30-minute cut and a 60-minute colour. */
  corte: string;
  tinte: string;
  clients: string[];
}

/** Three professionals, two services and `clientCount` clients (Cliente 01…). */
export async function appointmentWorld(api: TempApi, clientCount = 4): Promise<AppointmentWorld> {
  const staff = async (name: string) => (await api.call('staff.create', { name, role: 'professional' })).id;
  const ana = await staff('Ana Estilista');
  const bea = await staff('Bea Estilista');
  const carla = await staff('Carla Estilista');
  const corte = (await api.call('services.create', { name: 'Corte', durationMin: 30, priceMinor: 1800 })).id;
  const tinte = (await api.call('services.create', { name: 'Tinte', durationMin: 60, priceMinor: 4500 })).id;
  return { ana, bea, carla, corte, tinte, clients: await numberedClients(api, clientCount) };
}

/** The same hours on every day of the week. */
export function everyDay(...hours: [string, string][]): WeeklyRange[] {
  return [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => hours.map(([start, end]) => ({ weekday, start, end })));
}

/** A schedule open every day 09:00–14:00 and 16:00–20:00, 30-minute appointments, unless told otherwise. */
export async function createSchedule(api: TempApi, staffId: string, serviceIds: string[], over: Partial<ScheduleCreateInput> = {}) {
  return api.call('schedules.create', {
    staffId,
    name: 'Peluquería',
    durationMin: 30,
    horizonDays: 730,
    serviceIds,
    ranges: everyDay(['09:00', '14:00'], ['16:00', '20:00']),
    ...over,
  });
}

/** The ISO instant of a Madrid wall-clock time. */
export function madrid(date: string, time: string): string {
  return localToInstant(date, time, 'Europe/Madrid').toISOString();
}
