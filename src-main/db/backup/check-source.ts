/**
 * The check of a database file, as plain JavaScript source: it runs in a worker thread (an
 * integrity check of a large file takes a second or more, and the desk must not wait for it), so
 * it cannot import the app's modules. `checkDatabaseFile(Database, path, known)` opens the file
 * read-only with better-sqlite3's `Database`, and answers a BackupCheck
 * (src-shared/domain/backups.ts): whether SQLite finds it whole (PRAGMA integrity_check), whether
 * it is a Mostrador database, whether every migration it has is one of `known` (this app opens it
 * with its own schema), and what it holds.
 */
export const checkDatabaseFileSource = String.raw`
function checkDatabaseFile(Database, path, known) {
  const damaged = (problem, error) => ({ state: 'damaged', problem, detail: String((error && error.message) || error).slice(0, 300) });
  let db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    return damaged('unreadable', error);
  }
  try {
    let tables;
    try {
      tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all());
    } catch (error) {
      // Not SQLite at all (or its first page is gone).
      return damaged(error && error.code === 'SQLITE_NOTADB' ? 'not_mostrador' : 'integrity', error);
    }
    if (!tables.has('schema_migrations') || !tables.has('centre_settings')) return damaged('not_mostrador', 'no schema_migrations or centre_settings table');
    const problems = db.prepare('PRAGMA integrity_check(10)').pluck().all();
    if (problems.length !== 1 || problems[0] !== 'ok') return damaged('integrity', problems.join('; '));
    const applied = db.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all();
    const unknown = applied.filter((name) => !known.includes(name));
    if (unknown.length > 0) return damaged('newer_schema', unknown.join(', '));
    const count = (table) => (tables.has(table) ? Number(db.prepare('SELECT count(*) FROM "' + table + '"').pluck().get()) : 0);
    const newest = (table) => (tables.has(table) ? db.prepare('SELECT max(at) FROM "' + table + '"').pluck().get() : null);
    const changes = [newest('change_log'), newest('feed')].filter((at) => typeof at === 'string').sort();
    const name = db.prepare("SELECT name FROM centre_settings WHERE id = 'centre'").pluck().get();
    return {
      state: 'ok',
      contents: {
        centreName: typeof name === 'string' ? name : '',
        lastChangeAt: changes.length > 0 ? changes[changes.length - 1] : null,
        counts: { clients: count('clients'), bookings: count('bookings'), appointments: count('appointments'), sales: count('sales') },
        schema: applied.length > 0 ? applied[applied.length - 1] : null,
      },
    };
  } catch (error) {
    return damaged(error && error.code === 'SQLITE_NOTADB' ? 'not_mostrador' : 'integrity', error);
  } finally {
    db.close();
  }
}`;
