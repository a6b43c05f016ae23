import { clientHandlers } from './clients';
import { customFieldHandlers } from './custom-fields';
import type { Handlers } from './handler';
import { settingsHandlers } from './settings';
import { tagHandlers } from './tags';

/** Every contract call's handler, one each. */
export const handlers: Handlers = {
  ...settingsHandlers,
  ...clientHandlers,
  ...tagHandlers,
  ...customFieldHandlers,
};
