import { agendaHandlers } from './agenda';
import { appointmentHandlers } from './appointments';
import { catalogueHandlers } from './catalogue';
import { checkoutHandlers } from './checkout';
import { clientHandlers } from './clients';
import { customFieldHandlers } from './custom-fields';
import type { Handlers } from './handler';
import { passHandlers } from './passes';
import { scheduleHandlers } from './schedules';
import { seriesHandlers } from './series';
import { sessionHandlers } from './sessions';
import { settingsHandlers } from './settings';
import { staffHandlers } from './staff';
import { tagHandlers } from './tags';

/** Every contract call's handler, one each. */
export const handlers: Handlers = {
  ...settingsHandlers,
  ...clientHandlers,
  ...tagHandlers,
  ...customFieldHandlers,
  ...staffHandlers,
  ...catalogueHandlers,
  ...seriesHandlers,
  ...sessionHandlers,
  ...agendaHandlers,
  ...scheduleHandlers,
  ...appointmentHandlers,
  ...passHandlers,
  ...checkoutHandlers,
};
