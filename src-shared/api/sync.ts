import { z } from 'zod';
import type { ProvisionalRows, SyncConflict, SyncSettings, SyncStatus } from '../domain/sync';
import { everyone, frontDesk, managers } from './access';
import { command, hostTask, query, returns } from './define-call';
import { text } from './fields';

const endpoint = z.string().trim().max(2000);
const key = z.string().trim().max(200);

/**
 * Sync with the cloud API (off by default). The settings are this desk's own rows (never synced);
 * testing the connection and syncing now are `host` calls: they wait on the network, which must
 * never happen inside a write transaction.
 */
export const syncApi = {
  'sync.status': query(z.strictObject({}), 'Where sync stands: off, synced, N changes waiting, offline since…, error; the first download\'s progress; open conflicts', returns<SyncStatus>(), everyone),
  'sync.settings': query(z.strictObject({}), "This desk's sync endpoint, whether a key is set, and whether sync is on", returns<SyncSettings>(), managers),
  'sync.configure': command(
    z.strictObject({
      // An address must be https, or http on this machine (sync_endpoint_invalid, field endpoint).
      endpoint: endpoint.nullable(),
      // Omitted: keep the key already set. "" clears it.
      key: key.optional(),
      enabled: z.boolean(),
    }),
    'Set the endpoint, the desk key and on/off; turning sync off stops uploads and keeps every change to upload later',
    returns<SyncSettings>(),
    managers,
  ),
  'sync.test': hostTask(
    z.strictObject({ endpoint, key: key.optional() }),
    'Try an endpoint and key (the saved key when omitted): the centre it opens, or why not (sync_unreachable, sync_unauthorized, sync_key_revoked…)',
    returns<{ centreName: string; serverTime: string }>(),
    managers,
  ),
  'sync.now': hostTask(z.strictObject({}), 'Upload and download now instead of at the next cycle', returns<SyncStatus>(), everyone),
  'sync.conflicts': query(
    z.strictObject({ includeDismissed: z.boolean().optional() }),
    'What this desk did offline that the server refused (another desk got there first), newest first, with the next step',
    returns<SyncConflict[]>(),
    everyone,
  ),
  'sync.dismissConflict': command(z.strictObject({ id: text(100) }), 'Mark a conflict as dealt with', returns<{ id: string }>(), frontDesk),
  'sync.provisional': query(z.strictObject({}), 'Bookings and appointments made on this desk that the server has not confirmed yet', returns<ProvisionalRows>(), everyone),
};
