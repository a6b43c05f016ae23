import type { SyncService } from '../api/sync-service';
import type { SyncAgent } from './sync-agent';
import { createSyncClient, SyncFailure } from './sync-client';

/** The handlers' view of the agent, and the connection test (nothing saved). */
export function syncServiceOf(agent: SyncAgent, deskId: () => string, fetchImpl?: typeof fetch): SyncService {
  return {
    syncNow: () => agent.syncNow(),
    reconfigured: () => agent.reconfigured(),
    progress: () => agent.progress(),
    async test(endpoint, key) {
      try {
        const hello = await createSyncClient({ endpoint, key, deskId: deskId() }, fetchImpl).hello();
        return { centreName: hello.centreName, serverTime: hello.serverTime };
      } catch (error) {
        // The field to correct: the address when nothing answered there, the key when it was refused.
        if (error instanceof SyncFailure) {
          const field = error.code === 'sync_unreachable' || error.code === 'sync_server_error' || error.code === 'sync_rejected' ? 'endpoint' : 'key';
          throw new SyncFailure(error.code, error.transient, error.detail, null, field);
        }
        throw error;
      }
    },
  };
}
