import { AppError } from './app-error';
import type { Handlers } from './handler';

type AppointmentHandlers = Pick<
  Handlers,
  'slots.find' | 'appointments.book' | 'appointments.reschedule' | 'appointments.cancel' | 'appointments.setStatus' | 'appointments.get' | 'clients.history'
>;

const notYet = () => Promise.reject(new AppError('internal'));

// TODO(issue 4): being written.
export const appointmentHandlers: AppointmentHandlers = {
  'slots.find': notYet,
  'appointments.book': notYet,
  'appointments.reschedule': notYet,
  'appointments.cancel': notYet,
  'appointments.setStatus': notYet,
  'appointments.get': notYet,
  'clients.history': notYet,
};
