import type { Kysely, Transaction } from 'kysely';
import type { CentreSettingsTable } from './tables/centre-settings';
import type { ChangeLogTable } from './tables/change-log';
import type { ClientSearchTable, ClientsTable } from './tables/clients';
import type { ClientCustomValuesTable, CustomFieldsTable } from './tables/custom-fields';
import type { ClientTagsTable, TagsTable } from './tables/tags';

export interface Database {
  centre_settings: CentreSettingsTable;
  clients: ClientsTable;
  client_search: ClientSearchTable;
  tags: TagsTable;
  client_tags: ClientTagsTable;
  custom_fields: CustomFieldsTable;
  client_custom_values: ClientCustomValuesTable;
  change_log: ChangeLogTable;
}

export type Db = Kysely<Database>;
/** A handle inside a write transaction: only writers get one. */
export type WriteTx = Transaction<Database>;
