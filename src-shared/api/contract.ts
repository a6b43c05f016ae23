import type { z } from 'zod';
import { agendaApi } from './agenda';
import { authApi } from './auth';
import { backupsApi } from './backups';
import { appointmentsApi } from './appointments';
import { catalogueApi } from './catalogue';
import { checkoutApi } from './checkout';
import { clientsApi } from './clients';
import { clientStatsApi } from './client-stats';
import { consentsApi } from './consents';
import { clientImportApi } from './client-import';
import { customFieldsApi } from './custom-fields';
import type { CallSpec } from './define-call';
import { passesApi } from './passes';
import { photosApi } from './photos';
import { schedulesApi } from './schedules';
import { seriesApi } from './series';
import { sessionsApi } from './sessions';
import { settingsApi } from './settings';
import { staffApi } from './staff';
import { syncApi } from './sync';
import { tagsApi } from './tags';
import { templatesApi } from './templates';
import { notesApi } from './notes';
import { todayApi } from './today';
import { updatesApi } from './updates';
import { verifactuApi } from './verifactu';
import { tillApi } from './till';
import { reportsApi } from './reports';
import { fiscalExportsApi } from './fiscal-exports';
import { fiscalSettingsApi } from './fiscal-settings';
import { productsApi } from './products';
import { paymentMethodsApi } from './payment-methods';

/** Every call of the API, by name: the one contract of the Electron IPC, the browser host and the CLI. */
export const contract = {
  ...authApi,
  ...settingsApi,
  ...clientsApi,
  ...clientStatsApi,
  ...consentsApi,
  ...clientImportApi,
  ...tagsApi,
  ...customFieldsApi,
  ...staffApi,
  ...catalogueApi,
  ...seriesApi,
  ...sessionsApi,
  ...agendaApi,
  ...todayApi,
  ...schedulesApi,
  ...appointmentsApi,
  ...passesApi,
  ...checkoutApi,
  ...backupsApi,
  ...updatesApi,
  ...syncApi,
  ...templatesApi,
  ...photosApi,
  ...notesApi,
  ...verifactuApi,
  ...tillApi,
  ...reportsApi,
  ...fiscalExportsApi,
  ...fiscalSettingsApi,
  ...productsApi,
  ...paymentMethodsApi,
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
/** The calls that only read (queries): a client may cache them. */
export type ReadCallName = { [C in CallName]: Contract[C]['kind'] extends 'query' ? C : never }[CallName];
/** The calls that change the centre's data (commands). */
export type WriteCallName = { [C in CallName]: Contract[C]['kind'] extends 'command' ? C : never }[CallName];
export const callNames = Object.keys(contract) as CallName[];

export type CallInput<C extends CallName> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends CallName> = z.output<Contract[C]['input']>;
export type CallResult<C extends CallName> = Contract[C] extends CallSpec<z.ZodType, infer R> ? R : never;

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
