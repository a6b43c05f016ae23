/**
 * Writes migrations/synced-schema.json from a freshly migrated database: `npm run schema:snapshot`.
 * Run it after a migration adds a synced table or column, and commit the file with the migration.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src-main/db/open-database';
import { formatSnapshot, readSyncedSchema, snapshotPath } from './schema-snapshot';

const dir = mkdtempSync(join(tmpdir(), 'mostrador-schema-snapshot-'));
try {
  const opened = await openDatabase(join(dir, 'x.db'));
  try {
    const schema = readSyncedSchema(opened.sqlite);
    writeFileSync(snapshotPath, formatSnapshot(schema));
    console.log(`wrote ${fileURLToPath(snapshotPath)}: ${Object.keys(schema.tables).length} synced tables`);
  } finally {
    await opened.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
