import { z } from 'zod';
import type { UpdatesOverview, UpdateState } from '../domain/updates';
import { updateChannels } from '../domain/updates';
import { everyone, managers } from './access';
import { command, hostTask, query, returns } from './define-call';

/**
 * The desktop app's self-update. Checking and installing are `host` calls (no row changes, and an
 * install runs a backup first, which must not sit inside a write transaction); choosing the feed
 * is this desk's own row (desk_identity), a command with its audit entry. Outside the packaged
 * desktop app (the browser host, the CLI) the state is `unavailable`.
 */
export const updatesApi = {
  'updates.state': query(z.strictObject({}), "This desk's update feed and channel, the running version and where the self-update stands", returns<UpdatesOverview>(), everyone),
  'updates.setFeed': command(
    z.strictObject({
      // "" clears it, like null; an address must be https (update_url_https, field url).
      url: z.string().trim().max(2000).nullable(),
      channel: z.enum(updateChannels),
    }),
    "Set this desk's update feed (a generic feed, https only; null: no self-update) and channel (latest or beta); checked at once",
    returns<UpdatesOverview>(),
    managers,
  ),
  'updates.check': hostTask(z.strictObject({}), 'Look for an update now (it downloads in the background)', returns<UpdateState>(), everyone),
  'updates.install': hostTask(
    z.strictObject({}),
    'Back up, then restart into the downloaded update; update_not_ready when none is downloaded, update_sale_open while a sale is being taken',
    returns<UpdateState>(),
    managers,
  ),
};
