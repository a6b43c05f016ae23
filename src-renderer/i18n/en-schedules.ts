import type { esSchedules } from './es-schedules';

/** English texts of the appointment schedules settings. Same keys as es-schedules.ts. */
export const enSchedules: typeof esSchedules = {
  schedules: {
    title: 'Appointment schedules',
  },
};
