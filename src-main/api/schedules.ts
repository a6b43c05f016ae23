import { AppError } from './app-error';
import type { Handlers } from './handler';

type ScheduleHandlers = Pick<
  Handlers,
  | 'schedules.list'
  | 'schedules.get'
  | 'schedules.create'
  | 'schedules.update'
  | 'schedules.delete'
  | 'schedules.exceptions'
  | 'schedules.setException'
  | 'schedules.removeException'
  | 'holidays.list'
  | 'holidays.set'
  | 'holidays.remove'
>;

const notYet = () => Promise.reject(new AppError('internal'));

// TODO(issue 4): being written.
export const scheduleHandlers: ScheduleHandlers = {
  'schedules.list': notYet,
  'schedules.get': notYet,
  'schedules.create': notYet,
  'schedules.update': notYet,
  'schedules.delete': notYet,
  'schedules.exceptions': notYet,
  'schedules.setException': notYet,
  'schedules.removeException': notYet,
  'holidays.list': notYet,
  'holidays.set': notYet,
  'holidays.remove': notYet,
};
