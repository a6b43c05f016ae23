import type { Kysely, RawBuilder, Transaction } from 'kysely';
import type {
  AppointmentSchedulesTable,
  AppointmentsTable,
  CentreHolidaysTable,
  ScheduleExceptionsTable,
  ScheduleRangesTable,
  ScheduleServicesTable,
  ScheduleTagsTable,
} from './tables/appointments';
import type { BookingsTable, DeskNotificationsTable, OccurrencesTable, SeriesTable, SeriesTagsTable } from './tables/agenda';
import type {
  ClientPassesTable,
  ClientPromotionsTable,
  CreditLedgerTable,
  CreditPolicyTable,
  PassProductServicesTable,
  PassProductSessionTypesTable,
  PassProductsTable,
  PlanProductItemsTable,
  PlanProductsTable,
  PromoCodeServicesTable,
  PromoCodesTable,
  PromoRedemptionsTable,
  SaleLinesTable,
  SalePaymentsTable,
  SalesTable,
} from './tables/checkout';
import type { ServicesTable, SessionTypesTable } from './tables/catalogue';
import type { BlacklistDismissalsTable, BlacklistRulesTable } from './tables/blacklist';
import type { CentreSettingsTable } from './tables/centre-settings';
import type { ChangeLogTable } from './tables/change-log';
import type { ClientSearchTable, ClientsTable } from './tables/clients';
import type { ClientCustomValuesTable, CustomFieldsTable } from './tables/custom-fields';
import type { ClientConsentsTable } from './tables/consents';
import type { DeskIdentityTable, FeedPausedTable, FeedTable, RequestResultsTable } from './tables/feed';
import type { PinAttemptsTable, StaffTable } from './tables/staff';
import type { FeedGroupsTable, SyncConflictsTable, SyncStateTable } from './tables/sync';
import type { ClientTagsTable, TagsTable } from './tables/tags';
import type { MessageTemplatesTable } from './tables/templates';
import type { ClientNotesTable } from './tables/notes';
import type { ClientPhotosTable } from './tables/photos';
import type {
  CentreFiscalTable,
  FiscalEndpointTable,
  FiscalRecordsTable,
  FiscalSubmissionsTable,
  InvoiceCountersTable,
  InvoicesTable,
  PaymentMethodsTable,
  ProductsTable,
} from './tables/fiscal';
import type { TillCloseLinesTable, TillCorrectionsTable, TillMovementsTable, TillSessionsTable } from './tables/till';

export interface Database {
  centre_settings: CentreSettingsTable;
  clients: ClientsTable;
  client_search: ClientSearchTable;
  tags: TagsTable;
  client_tags: ClientTagsTable;
  custom_fields: CustomFieldsTable;
  client_custom_values: ClientCustomValuesTable;
  change_log: ChangeLogTable;
  staff: StaffTable;
  session_types: SessionTypesTable;
  services: ServicesTable;
  series: SeriesTable;
  series_tags: SeriesTagsTable;
  occurrences: OccurrencesTable;
  bookings: BookingsTable;
  desk_notifications: DeskNotificationsTable;
  appointment_schedules: AppointmentSchedulesTable;
  schedule_services: ScheduleServicesTable;
  schedule_tags: ScheduleTagsTable;
  schedule_ranges: ScheduleRangesTable;
  schedule_exceptions: ScheduleExceptionsTable;
  centre_holidays: CentreHolidaysTable;
  appointments: AppointmentsTable;
  credit_policy: CreditPolicyTable;
  pass_products: PassProductsTable;
  pass_product_session_types: PassProductSessionTypesTable;
  pass_product_services: PassProductServicesTable;
  plan_products: PlanProductsTable;
  plan_product_items: PlanProductItemsTable;
  promo_codes: PromoCodesTable;
  promo_code_services: PromoCodeServicesTable;
  client_promotions: ClientPromotionsTable;
  sales: SalesTable;
  client_passes: ClientPassesTable;
  sale_lines: SaleLinesTable;
  sale_payments: SalePaymentsTable;
  promo_redemptions: PromoRedemptionsTable;
  credit_ledger: CreditLedgerTable;
  desk_identity: DeskIdentityTable;
  feed: FeedTable;
  message_templates: MessageTemplatesTable;
  feed_paused: FeedPausedTable;
  request_results: RequestResultsTable;
  sync_state: SyncStateTable;
  sync_conflicts: SyncConflictsTable;
  feed_groups: FeedGroupsTable;
  pin_attempts: PinAttemptsTable;
  client_notes: ClientNotesTable;
  client_photos: ClientPhotosTable;
  client_consents: ClientConsentsTable;
  blacklist_rules: BlacklistRulesTable;
  blacklist_dismissals: BlacklistDismissalsTable;
  centre_fiscal: CentreFiscalTable;
  products: ProductsTable;
  payment_methods: PaymentMethodsTable;
  invoices: InvoicesTable;
  invoice_counters: InvoiceCountersTable;
  fiscal_records: FiscalRecordsTable;
  fiscal_submissions: FiscalSubmissionsTable;
  fiscal_endpoint: FiscalEndpointTable;
  till_sessions: TillSessionsTable;
  till_movements: TillMovementsTable;
  till_close_lines: TillCloseLinesTable;
  till_corrections: TillCorrectionsTable;
}

export type Db = Kysely<Database>;
/** A handle inside a write transaction: only writers get one. */
export type WriteTx = Transaction<Database>;

/**
 * What reads get: selects only. Its type has no insertInto / updateTable / deleteFrom, so a read
 * handler cannot write; the whole database and a write transaction both fit it.
 */
export type ReadDb = Pick<Db, 'selectFrom' | 'selectNoFrom' | 'fn' | 'dynamic' | 'case'>;

/** Runs a raw SELECT (FTS matches, window queries) on a read handle. Only db/queries writes raw SQL. */
export async function readRaw<Row>(db: ReadDb, query: RawBuilder<Row>): Promise<Row[]> {
  return (await query.execute(db as Db)).rows;
}
