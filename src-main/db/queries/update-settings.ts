import type { UpdateFeed } from '../../../src-shared/domain/updates';
import type { ReadDb, WriteTx } from '../database';

/** This desk's update feed (desk_identity: local to the machine, never in the feed). */
export async function readUpdateFeed(db: ReadDb): Promise<UpdateFeed> {
  const row = await db.selectFrom('desk_identity').select(['update_url', 'update_channel']).executeTakeFirstOrThrow();
  return { url: row.update_url, channel: row.update_channel };
}

export async function writeUpdateFeed(tx: WriteTx, feed: UpdateFeed): Promise<void> {
  await tx.updateTable('desk_identity').set({ update_url: feed.url, update_channel: feed.channel }).execute();
}
