import { sql } from 'kysely';
import type { Client, ClientSearchResult, CustomFieldValue, DuplicateWarning } from '../../../src-shared/domain/client';
import { AppError } from '../../errors/app-error';
import { clientSearchWords } from '../../engine/clients/search-words';
import type { ReadDb, WriteTx } from '../database';
import { precompiledByShape } from '../precompiled-shape';
import { readRaw } from '../database';
import type { ClientsTable } from '../tables/clients';
import { listCustomFields } from './custom-fields';
import { tagsOfClients } from './tags';
import { fullName } from '../../engine/text/full-name';

export async function loadClient(db: ReadDb, id: string): Promise<Client> {
  const row = await db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'id');
  const [tags, fields, values] = await Promise.all([
    tagsOfClients(db, [id]),
    listCustomFields(db),
    db.selectFrom('client_custom_values').select(['field_id', 'value']).where('client_id', '=', id).execute(),
  ]);
  const customFields: Record<string, CustomFieldValue> = {};
  for (const { field_id, value } of values) {
    customFields[field_id] = fields.find((f) => f.id === field_id)?.kind === 'number' ? Number(value) : value;
  }
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    phone: row.phone,
    email: row.email,
    birthDate: row.birth_date,
    sex: row.sex,
    address: row.address,
    postalCode: row.postal_code,
    city: row.city,
    taxId: row.tax_id,
    weightKg: row.weight_kg,
    heightCm: row.height_cm,
    notes: row.notes,
    clientGroup: row.client_group,
    education: row.education,
    profession: row.profession,
    referralSource: row.referral_source,
    invoicingCodes: row.invoicing_codes,
    registeredOn: row.registered_on,
    blacklisted: row.blacklisted === 1,
    blacklistReason: row.blacklist_reason,
    blacklistedAt: row.blacklisted_at,
    tags: tags.get(id) ?? [],
    customFields,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A client as booking checks need them: that they exist (not_found on `field`), and whether blacklisted. */
export async function loadClientForBooking(db: ReadDb, id: string, field: string): Promise<Pick<ClientsTable, 'id' | 'blacklisted'>> {
  const client = await db.selectFrom('clients').select(['id', 'blacklisted']).where('id', '=', id).executeTakeFirst();
  if (!client) throw new AppError('not_found', field);
  return client;
}

/** Some clients' blacklist flags (only those that exist). */
export async function blacklistOf(db: ReadDb, ids: readonly string[]): Promise<Pick<ClientsTable, 'id' | 'blacklisted'>[]> {
  return db.selectFrom('clients').select(['id', 'blacklisted']).where('id', 'in', ids).execute();
}

/** Whether a client known to exist is blacklisted. */
export async function clientBlacklisted(db: ReadDb, id: string): Promise<boolean> {
  const client = await db.selectFrom('clients').select('blacklisted').where('id', '=', id).executeTakeFirstOrThrow();
  return client.blacklisted === 1;
}

/** A client's name and blacklist flag (what a sale shows); not_found on `field`. */
export async function loadClientBrief(db: ReadDb, id: string, field: string): Promise<{ id: string; name: string; blacklisted: boolean }> {
  const row = await db.selectFrom('clients').select(['id', 'first_name', 'last_name', 'blacklisted']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', field);
  return { id: row.id, name: fullName(row.first_name, row.last_name), blacklisted: row.blacklisted === 1 };
}

/** The month-day key of clients_birth_month_day (migration 0017): the same expression, or SQLite scans. */
const birthMonthDay = sql<string>`substr(birth_date, 6)`;

/** Clients born on one month-day (MM-DD): one range of clients_birth_month_day. */
function bornOn(db: ReadDb, monthDay: string) {
  return (
    db
      .selectFrom('clients')
      .where(birthMonthDay, '=', monthDay)
      // The index's partial condition, spelled out so SQLite may use it.
      .where('birth_date', 'is not', null)
  );
}

/**
 * The first `limit` clients born on each month-day, by name: one index range per month-day read in
 * index order (no sort), all in one statement (one prepare for a whole month). Exported for the plan test.
 */
export function bornOnPagesQuery(db: ReadDb, monthDays: readonly string[], limit: number) {
  const pages = monthDays.map((md, i) =>
    db.selectFrom(bornOn(db, md).select(['id', 'first_name', 'last_name', 'birth_date', 'sort_name']).orderBy('sort_name').limit(limit).as(`p${i}`)).selectAll(),
  );
  return pages.slice(1).reduce((all, page) => all.unionAll(page), pages[0]!);
}

/** How many clients were born on each month-day, each counted up to `cap` (at most `cap` index entries read). Exported for the plan test. */
export function bornOnCountsQuery(db: ReadDb, monthDays: readonly string[], cap: number) {
  const counts = monthDays.map((md, i) =>
    db.selectFrom(bornOn(db, md).select(sql<number>`1`.as('one')).limit(cap).as(`c${i}`)).select([sql<string>`${md}`.as('month_day'), sql<number>`count(*)`.as('n')]),
  );
  return counts.slice(1).reduce((all, count) => all.unionAll(count), counts[0]!);
}

// Built once per number of month-days (the month view asks the same 35 or 42 every time).
const bornOnPages = precompiledByShape((db, p: { monthDays: readonly string[]; limit: number }) => bornOnPagesQuery(db, p.monthDays, p.limit));
const bornOnCounts = precompiledByShape((db, p: { monthDays: readonly string[]; cap: number }) => bornOnCountsQuery(db, p.monthDays, p.cap));

export async function clientsBornOn(db: ReadDb, monthDays: readonly string[], limit: number): Promise<Pick<ClientsTable, 'id' | 'first_name' | 'last_name' | 'birth_date' | 'sort_name'>[]> {
  return monthDays.length === 0 ? [] : bornOnPages(db, { monthDays, limit });
}

export async function countBornOn(db: ReadDb, monthDays: readonly string[], cap: number): Promise<Map<string, number>> {
  const rows = monthDays.length === 0 ? [] : await bornOnCounts(db, { monthDays, cap });
  return new Map(rows.map((r) => [r.month_day, Number(r.n)]));
}

export async function insertClient(tx: WriteTx, row: Omit<ClientsTable, 'search_rowid'>): Promise<void> {
  await tx
    .insertInto('clients')
    .values({
      ...row,
      search_rowid: sql<number>`(SELECT coalesce(max(search_rowid), 0) + 1 FROM clients)`,
    })
    .execute();
}

export async function updateClient(tx: WriteTx, id: string, changes: Partial<Omit<ClientsTable, 'id' | 'search_rowid'>>, now: string): Promise<void> {
  await tx
    .updateTable('clients')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Replaces a client's custom values: null removes one. */
export async function writeCustomValues(tx: WriteTx, clientId: string, values: Map<string, string | null>, now: string) {
  for (const [fieldId, value] of values) {
    if (value === null) {
      await tx.deleteFrom('client_custom_values').where('client_id', '=', clientId).where('field_id', '=', fieldId).execute();
    } else {
      await tx
        .insertInto('client_custom_values')
        .values({ client_id: clientId, field_id: fieldId, value, created_at: now, updated_at: now })
        .onConflict((oc) => oc.columns(['client_id', 'field_id']).doUpdateSet({ value, updated_at: now }))
        .execute();
    }
  }
}

/** Sets exactly these tags on a client. */
export async function writeClientTags(tx: WriteTx, clientId: string, tagIds: string[], now: string) {
  const unique = [...new Set(tagIds)];
  if (unique.length > 0) {
    const found = await tx.selectFrom('tags').select('id').where('id', 'in', unique).execute();
    if (found.length !== unique.length) throw new AppError('not_found', 'tagIds');
  }
  const query = tx.deleteFrom('client_tags').where('client_id', '=', clientId);
  await (unique.length > 0 ? query.where('tag_id', 'not in', unique) : query).execute();
  for (const tagId of unique) {
    await tx
      .insertInto('client_tags')
      .values({ client_id: clientId, tag_id: tagId, created_at: now, updated_at: now })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Rewrites the client's row in the search index from the card as it now stands. */
export async function reindexClient(tx: WriteTx, clientId: string): Promise<void> {
  const row = await tx
    .selectFrom('clients')
    .select(['search_rowid', 'first_name', 'last_name', 'phone', 'email', 'tax_id'])
    .where('id', '=', clientId)
    .executeTakeFirstOrThrow();
  const values = await tx.selectFrom('client_custom_values').select('value').where('client_id', '=', clientId).execute();
  const words = clientSearchWords({
    firstName: row.first_name,
    lastName: row.last_name,
    phone: row.phone,
    email: row.email,
    taxId: row.tax_id,
    customValues: values.map((v) => v.value),
  });
  await tx.deleteFrom('client_search').where('rowid', '=', row.search_rowid).execute();
  await tx.insertInto('client_search').values({ rowid: row.search_rowid, words }).execute();
}

interface SearchPage {
  rows: SummaryRow[];
  total: number;
  totalIsAtLeast: boolean;
  order: ClientSearchResult['order'];
}

export interface SearchFilter {
  /** An FTS5 MATCH expression, already built from what was typed; null lists by name. */
  match: string | null;
  tagId?: string | undefined;
  blacklisted?: boolean | undefined;
  limit: number;
  offset: number;
}

/**
 * Up to this many matches, a typed query lists them all by name. Past it (a two-letter prefix can
 * match a sixth of a large centre) sorting every match costs more than the desk should wait while
 * typing: the most recently registered come first, straight off the index, and the UI asks for
 * another letter.
 */
const sortByNameUpTo = 500;

/**
 * A broad query's matches are counted up to this many, then reported as "at least": a full count
 * reads every match, so its cost would grow with the centre (a sixth of a million clients for "ma").
 */
export const searchCountUpTo = 1000;

type SummaryRow = Pick<ClientsTable, 'id' | 'first_name' | 'last_name' | 'phone' | 'email' | 'tax_id' | 'blacklisted'>;

const summaryColumns = sql`clients.id, clients.first_name, clients.last_name, clients.phone, clients.email, clients.tax_id, clients.blacklisted`;

async function searchByWords(db: ReadDb, match: string, limit: number, offset: number): Promise<SearchPage> {
  // One bounded pass over the index, newest first, answers most queries whole: a narrow query's
  // matches (hence its total), a broad one's count up to the bound and its first pages. A word
  // longer than the index's prefixes is merged by FTS5 on every statement, so it is read only once.
  const hits = await readRaw(
    db,
    sql<{ rowid: number }>`SELECT rowid FROM client_search WHERE client_search MATCH ${match}
      ORDER BY rowid DESC LIMIT ${searchCountUpTo + 1}`,
  );
  if (hits.length === 0) return { rows: [], total: 0, totalIsAtLeast: false, order: 'name' };
  if (hits.length <= sortByNameUpTo) {
    const rows = await readRaw(
      db,
      sql<SummaryRow>`SELECT ${summaryColumns} FROM clients
        WHERE clients.search_rowid IN (SELECT value FROM json_each(${JSON.stringify(hits.map((r) => r.rowid))}))
        ORDER BY clients.sort_name LIMIT ${limit} OFFSET ${offset}`,
    );
    return { rows, total: hits.length, totalIsAtLeast: false, order: 'name' };
  }
  const counted = { total: Math.min(hits.length, searchCountUpTo), totalIsAtLeast: hits.length > searchCountUpTo, order: 'recent' as const };
  if (offset + limit <= hits.length) {
    const page = JSON.stringify(hits.slice(offset, offset + limit).map((r) => r.rowid));
    const rows = await readRaw(
      db,
      sql<SummaryRow>`SELECT ${summaryColumns} FROM clients
        WHERE clients.search_rowid IN (SELECT value FROM json_each(${page})) ORDER BY clients.search_rowid DESC`,
    );
    return { rows, ...counted };
  }
  // Paging past the bound: straight off the index again, newest first.
  const rows = await readRaw(
    db,
    sql<SummaryRow>`SELECT ${summaryColumns} FROM
        (SELECT rowid FROM client_search WHERE client_search MATCH ${match} ORDER BY rowid DESC LIMIT ${limit} OFFSET ${offset}) AS hit
        JOIN clients ON clients.search_rowid = hit.rowid ORDER BY hit.rowid DESC`,
  );
  return { rows, ...counted };
}

/** Clients by typed words and/or filters, alphabetically by last then first name. */
export async function searchClients(db: ReadDb, filter: SearchFilter): Promise<ClientSearchResult> {
  const { rows, total, totalIsAtLeast, order } =
    filter.match !== null && !filter.tagId && filter.blacklisted === undefined
      ? await searchByWords(db, filter.match, filter.limit, filter.offset)
      : await searchFiltered(db, filter);
  const tags = await tagsOfClients(
    db,
    rows.map((r) => r.id),
  );
  return {
    total,
    totalIsAtLeast,
    order,
    items: rows.map((r) => ({
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      phone: r.phone,
      email: r.email,
      taxId: r.tax_id,
      blacklisted: r.blacklisted === 1,
      tags: tags.get(r.id) ?? [],
    })),
  };
}

async function searchFiltered(db: ReadDb, filter: SearchFilter): Promise<SearchPage> {
  let query = db.selectFrom('clients');
  if (filter.match !== null) {
    query = query
      .innerJoin('client_search', 'client_search.rowid', 'clients.search_rowid')
      .where(sql<boolean>`client_search MATCH ${filter.match}`);
  }
  if (filter.tagId) {
    const tagId = filter.tagId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('client_tags')
          .select(sql`1`.as('one'))
          .whereRef('client_tags.client_id', '=', 'clients.id')
          .where('client_tags.tag_id', '=', tagId),
      ),
    );
  }
  if (filter.blacklisted !== undefined) query = query.where('clients.blacklisted', '=', filter.blacklisted ? 1 : 0);

  const [rows, count] = await Promise.all([
    query
      .select(['clients.id', 'first_name', 'last_name', 'phone', 'email', 'tax_id', 'blacklisted'])
      .orderBy('clients.sort_name')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n), totalIsAtLeast: false, order: 'name' };
}

export async function findDuplicates(
  db: ReadDb,
  probe: { phone: string | null; email: string | null; excludeId?: string | undefined },
): Promise<DuplicateWarning[]> {
  const warnings: DuplicateWarning[] = [];
  for (const kind of ['phone', 'email'] as const) {
    const value = probe[kind];
    if (!value) continue;
    let query = db.selectFrom('clients').select(['id', 'first_name', 'last_name']).where(kind, '=', value).limit(5);
    if (probe.excludeId) query = query.where('id', '!=', probe.excludeId);
    for (const row of await query.execute()) {
      warnings.push({ kind, clientId: row.id, clientName: fullName(row.first_name, row.last_name) });
    }
  }
  return warnings;
}

/** Erases the client: the row, its search entry, and (by cascade) tags and custom values. */
export async function deleteClientRows(tx: WriteTx, clientId: string): Promise<void> {
  const row = await tx.selectFrom('clients').select('search_rowid').where('id', '=', clientId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'id');
  await tx.deleteFrom('client_search').where('rowid', '=', row.search_rowid).execute();
  await tx.deleteFrom('clients').where('id', '=', clientId).execute();
}
