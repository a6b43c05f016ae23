import type BetterSqlite3 from 'better-sqlite3';
import type { OpenDatabase } from '../open-database';
import { deleteClientRows } from '../queries/clients';
import { eraseClientFromFeed } from '../feed/erase-from-feed';
import { forgetRequestResultsOf } from '../queries/request-results';

/**
 * A client another desk erased: what this desk still holds of them (rows it made offline, its own
 * audit entries, its feed) goes too, with foreign keys on so their bookings and passes cascade as
 * they do on the desk that erased them. The feed is paused: the server already dropped whatever
 * of theirs this desk uploads later, and the erasure is not sent back.
 */
export async function erasePulledClient(target: OpenDatabase, clientId: string): Promise<void> {
  await target.db.transaction().execute(async (tx) => {
    // Before the feed is paused: what outlives the client here loses its references to their rows
    // in the feed too, for the server and the other desks (a sale line of a pass sold here offline).
    nullReferencesOf(target.sqlite, clientId);
    target.sqlite.prepare("INSERT INTO feed_paused (reason) VALUES ('sync-erase')").run();
    // Already gone when this desk erased them itself (its own erasure coming back), or when the
    // erasure arrives a page after the deletion of their row.
    const present = await tx.selectFrom('clients').select('id').where('id', '=', clientId).executeTakeFirst();
    if (present) await deleteClientRows(tx, clientId);
    deleteOrphansOf(target.sqlite);
    await tx.deleteFrom('change_log').where('subject_client_id', '=', clientId).execute();
    await eraseClientFromFeed(tx, clientId, { record: false });
    await forgetRequestResultsOf(tx, clientId);
    target.sqlite.prepare("DELETE FROM feed_paused WHERE reason = 'sync-erase'").run();
  });
}

/**
 * What hung from a row of the client that the pull deleted with foreign keys off (the erasing
 * desk recorded the deletion of their pass, and the cascade never ran here): a credit spent from
 * that pass by this desk offline, or by a third desk the erasing one had not heard from. The
 * server dropped them all with the client. Only the cascades below the client's own rows are
 * followed, so nothing of anyone else is touched.
 */
function deleteOrphansOf(sqlite: BetterSqlite3.Database): void {
  const edges = foreignKeys(sqlite).filter((e) => e.onDelete === 'CASCADE');
  const owned = new Set(edges.filter((e) => e.parent === 'clients').map((e) => e.child));
  // A row with a client of its own (a notification of a booking) goes with that client, or stays.
  for (const edge of edges.filter((e) => owned.has(e.parent) && !owned.has(e.child))) {
    const ref = edge.ref ?? 'id';
    sqlite.prepare(`DELETE FROM "${edge.child}" WHERE "${edge.col}" IS NOT NULL AND "${edge.col}" NOT IN (SELECT "${ref}" FROM "${edge.parent}")`).run();
  }
}

/** The cascades of the desk's schema: child.col → parent, with what a deletion of the parent does. */
function foreignKeys(sqlite: BetterSqlite3.Database): { child: string; col: string; parent: string; ref: string | null; onDelete: string }[] {
  return sqlite
    .prepare(`SELECT m.name AS child, f."from" AS col, f."table" AS parent, f."to" AS ref, f.on_delete AS onDelete FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`)
    .all() as { child: string; col: string; parent: string; ref: string | null; onDelete: string }[];
}

/**
 * The rows that stay when the client goes (not theirs: a sale line, kept for the books) but point at
 * a row of theirs (the pass it sold): set to null as the foreign key would, and recorded.
 */
function nullReferencesOf(sqlite: BetterSqlite3.Database, clientId: string): void {
  const keys = foreignKeys(sqlite);
  const owned = new Map(keys.filter((k) => k.parent === 'clients' && k.onDelete === 'CASCADE').map((k) => [k.child, k.col]));
  // Theirs too, a cascade further down (the credits of their passes): going anyway.
  const below = new Set(keys.filter((k) => owned.has(k.parent) && k.onDelete === 'CASCADE').map((k) => k.child));
  for (const key of keys) {
    const clientColumn = owned.get(key.parent);
    if (key.onDelete !== 'SET NULL' || clientColumn === undefined || owned.has(key.child) || below.has(key.child)) continue;
    sqlite.prepare(`UPDATE "${key.child}" SET "${key.col}" = NULL WHERE "${key.col}" IN (SELECT "${key.ref ?? 'id'}" FROM "${key.parent}" WHERE "${clientColumn}" = ?)`).run(clientId);
  }
}
