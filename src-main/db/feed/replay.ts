import type { OpenDatabase } from '../open-database';
import { reindexClient } from '../queries/clients';
import type { FeedChange } from './apply-changes';
import { createChangeApplier } from './apply-changes';

/**
 * Applies a feed's changes to another database of the same schema, in one transaction, with that
 * database's own feed paused: the proof (and, for sync, the means) that the feed is a faithful copy.
 */
export async function replayFeed(target: OpenDatabase, changes: Iterable<FeedChange>): Promise<void> {
  const { sqlite, db } = target;
  // Every cascade is an entry of its own in the feed: the target must not cascade again.
  sqlite.pragma('foreign_keys = OFF');
  try {
    await db.transaction().execute(async (tx) => {
      sqlite.prepare("INSERT INTO feed_paused (reason) VALUES ('replay')").run();
      const applier = createChangeApplier(sqlite);
      for (const change of changes) applier.apply(change);
      const present = sqlite.prepare('SELECT 1 FROM clients WHERE id = ?');
      for (const clientId of applier.touchedClients) if (present.get(clientId)) await reindexClient(tx, clientId);
      sqlite.prepare("DELETE FROM feed_paused WHERE reason = 'replay'").run();
    });
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}
