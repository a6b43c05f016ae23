import { sql } from 'kysely';
import type { WriteTx } from '../database';

/**
 * After a client's rows are deleted (their deletions are already in the feed as tombstones), their
 * data leaves the feed too: an entry about a row that is gone keeps its place (the sequence never
 * skips) but loses its data; an entry about a row that stays (a sale, kept for the books) loses
 * its reference to the client. Then the erasure itself is recorded, by id only, so that a copy
 * elsewhere erases them as well.
 */
export async function eraseClientFromFeed(tx: WriteTx, clientId: string, options: { record: boolean } = { record: true }): Promise<void> {
  const entries = await tx.selectFrom('feed').select(['seq', 'tbl', 'row_id']).where('subject_client_id', '=', clientId).execute();
  const tables = new Map<string, { key: string[]; clientColumns: string[] }>();
  for (const entry of entries) {
    let table = tables.get(entry.tbl);
    if (!table) {
      table = await tableKeys(tx, entry.tbl);
      tables.set(entry.tbl, table);
    }
    const keyMatch = sql.join(
      table.key.map((column, i) => sql`${sql.ref(column)} = json_extract(${entry.row_id}, ${`$[${i}]`})`),
      sql` AND `,
    );
    const stays = await sql`SELECT 1 FROM ${sql.table(entry.tbl)} WHERE ${keyMatch}`.execute(tx);
    const data =
      stays.rows.length === 0
        ? sql`NULL`
        : table.clientColumns.length === 0
          ? sql`data`
          : sql`json_replace(data, ${sql.join(table.clientColumns.map((column) => sql`${`$."${column}"`}, NULL`))})`;
    await sql`UPDATE feed SET data = ${data}, redacted = 1, subject_client_id = NULL WHERE seq = ${entry.seq}`.execute(tx);
  }
  // An erasure that arrived from the server is not recorded again: it came from there.
  if (!options.record) return;
  await sql`
    INSERT INTO feed (desk_id, at, tbl, row_id, op, data, subject_client_id)
    VALUES ((SELECT id FROM desk_identity), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'clients', json_array(${clientId}), 'erase', NULL, NULL)`.execute(tx);
}

async function tableKeys(tx: WriteTx, table: string): Promise<{ key: string[]; clientColumns: string[] }> {
  const columns = await sql<{ name: string; pk: number }>`SELECT name, pk FROM pragma_table_xinfo(${table}) WHERE pk > 0 ORDER BY pk`.execute(tx);
  const references = await sql<{ from: string }>`SELECT "from" FROM pragma_foreign_key_list(${table}) WHERE "table" = 'clients'`.execute(tx);
  return { key: columns.rows.map((c) => c.name), clientColumns: references.rows.map((r) => r.from) };
}
