import type { esAppointments } from './es-appointments';

/** English texts of appointments. Same keys as es-appointments.ts. */
export const enAppointments: typeof esAppointments = {
  appointments: {
    book: 'Book',
  },
};
