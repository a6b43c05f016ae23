import type { DatabaseConnection, Driver } from 'kysely';
import { CompiledQuery, SqliteDialect } from 'kysely';

/**
 * SQLite's plain BEGIN takes the write lock only at the first write, so two desks could both
 * read "one place left" and both insert. Every transaction here is a write: start it IMMEDIATE.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    return {
      init: (options) => driver.init(options),
      acquireConnection: (options) => driver.acquireConnection(options),
      beginTransaction: async (connection: DatabaseConnection) => {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
      },
      commitTransaction: (connection) => driver.commitTransaction(connection),
      rollbackTransaction: (connection) => driver.rollbackTransaction(connection),
      releaseConnection: (connection, options) => driver.releaseConnection(connection, options),
      destroy: (options) => driver.destroy(options),
    };
  }
}
