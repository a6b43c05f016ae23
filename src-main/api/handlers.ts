import { agendaHandlers } from './agenda';
import { appointmentHandlers } from './appointments';
import { backupHandlers } from './backups';
import { catalogueHandlers } from './catalogue';
import { clientCardHandlers } from './client-card';
import { checkoutHandlers } from './checkout';
import { clientHandlers } from './clients';
import { clientImportHandlers } from './client-import';
import { clientStatsHandlers } from './client-stats';
import { consentHandlers } from './consents';
import { customFieldHandlers } from './custom-fields';
import type { Handlers } from './handler';
import { passHandlers } from './passes';
import { photoHandlers } from './photos';
import { scheduleHandlers } from './schedules';
import { seriesHandlers } from './series';
import { sessionEligibilityHandlers } from './session-eligibility';
import { sessionHandlers } from './sessions';
import { settingsHandlers } from './settings';
import { staffHandlers } from './staff';
import { staffPinHandlers } from './staff-pins';
import { syncHandlers } from './sync';
import { tagHandlers } from './tags';
import { templateHandlers } from './templates';
import { noteHandlers } from './notes';
import { todayHandlers } from './today';
import { updateHandlers } from './updates';
import { verifactuHandlers } from './verifactu';
import { tillHandlers } from './till';
import { reportHandlers } from './reports';
import { fiscalExportHandlers } from './fiscal-exports';
import { fiscalSettingsHandlers } from './fiscal-settings';
import { productHandlers } from './products';
import { paymentMethodHandlers } from './payment-methods';

/** Every data call's handler, one each (the auth calls are in sign-in.ts). */
export const handlers: Handlers = {
  ...settingsHandlers,
  ...clientHandlers,
  ...clientImportHandlers,
  ...clientStatsHandlers,
  ...consentHandlers,
  ...clientCardHandlers,
  ...tagHandlers,
  ...customFieldHandlers,
  ...staffHandlers,
  ...staffPinHandlers,
  ...catalogueHandlers,
  ...seriesHandlers,
  ...sessionHandlers,
  ...sessionEligibilityHandlers,
  ...agendaHandlers,
  ...todayHandlers,
  ...scheduleHandlers,
  ...appointmentHandlers,
  ...passHandlers,
  ...checkoutHandlers,
  ...backupHandlers,
  ...updateHandlers,
  ...syncHandlers,
  ...templateHandlers,
  ...photoHandlers,
  ...noteHandlers,
  ...verifactuHandlers,
  ...tillHandlers,
  ...reportHandlers,
  ...fiscalExportHandlers,
  ...fiscalSettingsHandlers,
  ...productHandlers,
  ...paymentMethodHandlers,
};
