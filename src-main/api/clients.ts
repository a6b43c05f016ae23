import type { Handlers } from './handler';
import { newCardColumns, normalizeClientFields, sortName } from '../engine/clients/client-fields';
import { ftsQuery } from '../engine/clients/search-query';
import { normalizePhone } from '../engine/clients/phone';
import { newId } from '../engine/ids';
import { localDate } from '../engine/time/local-date';
import type { ReadDb } from '../db/database';
import { upcomingBookingsOfClient } from '../db/queries/bookings';
import {
  deleteClientRows,
  findDuplicates,
  insertClient,
  loadClient,
  reindexClient,
  searchClients,
  updateClient,
  writeClientTags,
  writeCustomValues,
} from '../db/queries/clients';
import { scrubClientFromLog } from '../db/queries/change-log';
import { releaseBooking } from '../db/queries/release-booking';
import { removeClientPhotoFolder } from '../db/queries/photo-files';
import { listCustomFields } from '../db/queries/custom-fields';
import { readCentreSettings } from '../db/queries/settings';

type ClientHandlers = Pick<
  Handlers,
  | 'clients.create'
  | 'clients.update'
  | 'clients.get'
  | 'clients.search'
  | 'clients.checkDuplicates'
  | 'clients.setBlacklist'
  | 'clients.addTag'
  | 'clients.removeTag'
  | 'clients.delete'
>;

async function rulesFor(db: ReadDb, now: Date) {
  const settings = await readCentreSettings(db);
  const today = localDate(now, settings.timeZone);
  return { country: settings.country, today, customFields: await listCustomFields(db) };
}

export const clientHandlers: ClientHandlers = {
  'clients.create': async (input, { tx, now, log }) => {
    const rules = await rulesFor(tx, new Date(now));
    const { columns, customValues } = normalizeClientFields(input, rules);
    const id = newId();
    await insertClient(tx, {
      id,
      ...newCardColumns(input.firstName, columns),
      registered_on: rules.today,
      blacklisted: 0,
      blacklist_reason: null,
      blacklisted_at: null,
      created_at: now,
      updated_at: now,
    });
    await writeCustomValues(tx, id, customValues, now);
    if (input.tagIds) await writeClientTags(tx, id, input.tagIds, now);
    await reindexClient(tx, id);
    log({ entity: 'client', entityId: id, subjectClientId: id, changes: input });
    const client = await loadClient(tx, id);
    return { client, warnings: await findDuplicates(tx, { phone: client.phone, email: client.email, excludeId: id }) };
  },

  'clients.update': async (input, { tx, now, log }) => {
    const { id, tagIds, ...fields } = input;
    const before = await loadClient(tx, id);
    const { columns, customValues } = normalizeClientFields(fields, await rulesFor(tx, new Date(now)));
    const firstName = columns.first_name ?? before.firstName;
    const lastName = columns.last_name === undefined ? before.lastName : columns.last_name;
    await updateClient(tx, id, { ...columns, sort_name: sortName(firstName, lastName) }, now);
    await writeCustomValues(tx, id, customValues, now);
    if (tagIds) await writeClientTags(tx, id, tagIds, now);
    await reindexClient(tx, id);
    log({ entity: 'client', entityId: id, subjectClientId: id, changes: { ...fields, tagIds } });
    const client = await loadClient(tx, id);
    return { client, warnings: await findDuplicates(tx, { phone: client.phone, email: client.email, excludeId: id }) };
  },

  'clients.get': async ({ id }, { db }) => loadClient(db, id),

  'clients.search': async (input, { db }) => {
    const match = input.query ? ftsQuery(input.query) : null;
    return searchClients(db, {
      match,
      tagId: input.tagId,
      blacklisted: input.blacklisted,
      limit: input.limit ?? 25,
      offset: input.offset ?? 0,
    });
  },

  'clients.checkDuplicates': async (input, { db }) => {
    const settings = await readCentreSettings(db);
    let phone: string | null = null;
    if (input.phone) {
      try {
        phone = normalizePhone(input.phone, settings.country);
      } catch {
        phone = null; // an unfinished phone has no duplicate yet
      }
    }
    return findDuplicates(db, { phone, email: input.email?.toLowerCase() ?? null, excludeId: input.excludeId });
  },

  'clients.setBlacklist': async ({ id, blacklisted, reason }, { tx, now, log }) => {
    await loadClient(tx, id);
    const values = blacklisted
      ? { blacklisted: 1 as const, blacklist_reason: reason ?? null, blacklisted_at: now }
      : { blacklisted: 0 as const, blacklist_reason: null, blacklisted_at: null };
    await updateClient(tx, id, values, now);
    log({ entity: 'client', entityId: id, subjectClientId: id, changes: { blacklisted, reason: values.blacklist_reason } });
    return loadClient(tx, id);
  },

  'clients.addTag': async ({ clientId, tagId }, { tx, now, log }) => {
    const client = await loadClient(tx, clientId);
    await writeClientTags(tx, clientId, [...client.tags.map((t) => t.id), tagId], now);
    log({ entity: 'client_tag', entityId: clientId, subjectClientId: clientId, changes: { tagId, assigned: true } });
    return loadClient(tx, clientId);
  },

  'clients.removeTag': async ({ clientId, tagId }, { tx, now, log }) => {
    const client = await loadClient(tx, clientId);
    await writeClientTags(tx, clientId, client.tags.map((t) => t.id).filter((t) => t !== tagId), now);
    log({ entity: 'client_tag', entityId: clientId, subjectClientId: clientId, changes: { tagId, assigned: false } });
    return loadClient(tx, clientId);
  },

  'clients.delete': async ({ id }, { tx, now, log, dataDir, afterCommit }) => {
    // Their bookings go with them (cascade): the sessions they were in get their places and waitlists put right.
    const upcoming = await upcomingBookingsOfClient(tx, id, now);
    await deleteClientRows(tx, id);
    await scrubClientFromLog(tx, id);
    for (const booking of upcoming) await releaseBooking(tx, booking.occurrence_id, booking.status, now);
    // Their gallery's rows went with them (cascade); its files go once that is committed.
    afterCommit(() => removeClientPhotoFolder(dataDir, id));
    log({ entity: 'client', entityId: id, changes: { deleted: true } });
    return { id };
  },
};
