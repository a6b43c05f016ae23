import type { SyncConflict, SyncSettings, SyncState, SyncStatus } from '../../src-shared/domain/sync';
import { errorMessage } from '../../src-shared/i18n/errors';
import { conflictMessage, conflictNextSteps } from '../../src-shared/i18n/sync-conflicts';
import type { ErrorCode } from '../../src-shared/api/error-codes';
import { isErrorCode } from '../../src-shared/api/error-codes';
import type { RefusalReason } from '../../src-shared/sync/protocol';
import type { ReadDb } from '../db/database';
import { readCentreSettings } from '../db/queries/settings';
import { countOpenConflicts, dismissConflict, listConflicts } from '../db/sync/conflicts';
import { countWaiting, readProvisionalRows } from '../db/sync/outbox';
import { configureSync, readSyncState } from '../db/sync/sync-state';
import { syncEndpoint } from '../engine/sync/sync-endpoint';
import { AppError } from '../errors/app-error';
import type { Handlers } from './handler';
import type { HostServices } from './host-services';
import type { SyncService } from './sync-service';

type SyncHandlers = Pick<
  Handlers,
  'sync.status' | 'sync.settings' | 'sync.configure' | 'sync.test' | 'sync.now' | 'sync.conflicts' | 'sync.dismissConflict' | 'sync.provisional'
>;

function syncOf(services: HostServices): SyncService {
  if (!services.sync) throw new AppError('sync_not_configured');
  return services.sync;
}

function endpointOf(raw: string | null): string | null {
  if (raw === null || raw.trim() === '') return null;
  const endpoint = syncEndpoint(raw);
  if (!endpoint) throw new AppError('sync_endpoint_invalid', 'endpoint');
  return endpoint;
}

async function settingsOf(db: ReadDb): Promise<SyncSettings> {
  const state = await readSyncState(db);
  return { enabled: state.enabled === 1, endpoint: state.endpoint, keySet: state.desk_key !== null };
}

async function statusOf(db: ReadDb, services: HostServices): Promise<SyncStatus> {
  const [state, waiting, openConflicts, settings] = await Promise.all([readSyncState(db), countWaiting(db), countOpenConflicts(db), readCentreSettings(db)]);
  const progress = services.sync?.progress() ?? null;
  const errorCode = state.last_error_code !== null && isErrorCode(state.last_error_code) ? (state.last_error_code as ErrorCode) : null;
  const enabled = state.enabled === 1;
  let current: SyncState;
  if (!enabled) current = 'off';
  else if (progress) current = 'first_sync';
  else if (errorCode === 'sync_unreachable' || errorCode === 'sync_server_error' || errorCode === 'sync_rate_limited') current = 'offline';
  else if (errorCode) current = 'error';
  else if (waiting > 0 || state.last_synced_at === null) current = 'waiting';
  else current = 'synced';
  return {
    state: current,
    enabled,
    endpoint: state.endpoint,
    centreName: state.centre_name,
    waiting,
    lastSyncedAt: state.last_synced_at,
    offlineSince: state.offline_since,
    lastError:
      errorCode && state.last_error_at
        ? { code: errorCode, message: errorMessage(settings.language, errorCode, state.last_error_detail ? { detail: state.last_error_detail } : {}), at: state.last_error_at }
        : null,
    firstSync: progress,
    openConflicts,
  };
}

export const syncHandlers: SyncHandlers = {
  'sync.status': (_input, { db, services }) => statusOf(db, services),

  'sync.settings': (_input, { db }) => settingsOf(db),

  'sync.configure': async (input, { tx, log, services }) => {
    const before = await readSyncState(tx);
    const endpoint = endpointOf(input.endpoint);
    const key = input.key === undefined ? before.desk_key : input.key === '' ? null : input.key;
    if (input.enabled && (!endpoint || !key)) throw new AppError('sync_not_configured', endpoint ? 'key' : 'endpoint');
    await configureSync(tx, { endpoint, key, enabled: input.enabled }, endpoint !== before.endpoint);
    log({ entity: 'desk_identity', entityId: 'desk', changes: { syncEndpoint: endpoint, syncEnabled: input.enabled, syncKeyChanged: input.key !== undefined } });
    services.sync?.reconfigured();
    return { enabled: input.enabled, endpoint, keySet: key !== null };
  },

  'sync.test': async (input, { db, services }) => {
    const endpoint = endpointOf(input.endpoint);
    const key = input.key && input.key !== '' ? input.key : (await readSyncState(db)).desk_key;
    if (!endpoint) throw new AppError('sync_not_configured', 'endpoint');
    if (!key) throw new AppError('sync_not_configured', 'key');
    return syncOf(services).test(endpoint, key);
  },

  'sync.now': async (_input, { db, services }) => {
    await syncOf(services).syncNow();
    return statusOf(db, services);
  },

  'sync.conflicts': async (input, { db }) => {
    const language = (await readCentreSettings(db)).language;
    return (await listConflicts(db, input.includeDismissed === true)).map(
      (row): SyncConflict => ({
        id: row.id,
        at: row.at,
        reason: row.reason as RefusalReason,
        table: row.tbl,
        rowId: row.row_id,
        summary: row.summary,
        message: conflictMessage(language, row.reason as RefusalReason),
        nextSteps: conflictNextSteps(row.reason as RefusalReason, row.tbl),
        occurrenceId: row.occurrence_id,
        clientId: row.client_id,
        dismissedAt: row.dismissed_at,
      }),
    );
  },

  'sync.dismissConflict': async ({ id }, { tx, now, log }) => {
    if (!(await dismissConflict(tx, id, now))) throw new AppError('not_found', 'id');
    log({ entity: 'sync_conflict', entityId: id, changes: { dismissed: true } });
    return { id };
  },

  'sync.provisional': async (_input, { db }) => {
    if ((await readSyncState(db)).enabled !== 1) return { bookings: [], appointments: [] };
    return readProvisionalRows(db);
  },
};
