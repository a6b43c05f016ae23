import type { UpdateFeed, UpdatesOverview, UpdateState } from '../../src-shared/domain/updates';
import { readUpdateFeed, writeUpdateFeed } from '../db/queries/update-settings';
import { AppError } from '../errors/app-error';
import type { Handlers } from './handler';
import type { HostServices } from './host-services';

type UpdateHandlers = Pick<Handlers, 'updates.state' | 'updates.setFeed' | 'updates.check' | 'updates.install'>;

/** What a process without a self-update (the browser host, the CLI) answers. */
const noUpdater: UpdateState = { status: 'unavailable', reason: 'no-updater' };

function overview(feed: UpdateFeed, services: HostServices): UpdatesOverview {
  const updates = services.updates;
  if (!updates) return { feed, feedInUse: feed.url, fromEnvironment: false, currentVersion: null, state: noUpdater };
  const inUse = updates.feedInUse();
  return { feed, feedInUse: inUse.url, fromEnvironment: inUse.fromEnvironment, currentVersion: updates.currentVersion, state: updates.state() };
}

/** A generic feed's address: https only (the updates are code the desk will run). */
function feedUrl(raw: string | null): string | null {
  const trimmed = raw?.trim() ?? '';
  if (trimmed === '') return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new AppError('update_url_https', 'url');
  }
  if (url.protocol !== 'https:' || url.hostname === '' || url.username !== '' || url.password !== '') throw new AppError('update_url_https', 'url');
  return url.href;
}

export const updateHandlers: UpdateHandlers = {
  'updates.state': async (_input, { db, services }) => overview(await readUpdateFeed(db), services),

  'updates.setFeed': async (input, { tx, log, services }) => {
    const feed: UpdateFeed = { url: feedUrl(input.url), channel: input.channel };
    await writeUpdateFeed(tx, feed);
    log({ entity: 'desk_identity', entityId: 'desk', changes: { updateUrl: feed.url, updateChannel: feed.channel } });
    services.updates?.configure(feed);
    return overview(feed, services);
  },

  'updates.check': async (_input, { services }) => services.updates?.check() ?? noUpdater,

  'updates.install': async (_input, { services }) => {
    if (!services.updates) throw new AppError('update_not_ready');
    return services.updates.installNow();
  },
};
