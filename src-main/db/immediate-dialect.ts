import type { DatabaseConnection, Driver, SqliteDialectConfig } from 'kysely';
import { CompiledQuery, SqliteDialect } from 'kysely';

export interface ImmediateSqliteDialectConfig extends SqliteDialectConfig {
  /** better-sqlite3's `inTransaction`: whether a transaction is still open on the connection. */
  inTransaction?: () => boolean;
}

/**
 * SQLite's plain BEGIN takes the write lock only at the first write, so two desks could both
 * read "one place left" and both insert. Every transaction here is a write: start it IMMEDIATE.
 *
 * On a full disk, an I/O error or a busy commit SQLite may already have rolled the transaction
 * back by itself; kysely's ROLLBACK would then fail with "cannot rollback - no transaction is
 * active" and hide the cause. The rollback is skipped when nothing is open, so the original
 * error (SQLITE_FULL, SQLITE_IOERR_…) reaches the caller.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #inTransaction: () => boolean;

  constructor(config: ImmediateSqliteDialectConfig) {
    super(config);
    this.#inTransaction = config.inTransaction ?? (() => true);
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const inTransaction = this.#inTransaction;
    return {
      init: (options) => driver.init(options),
      acquireConnection: (options) => driver.acquireConnection(options),
      beginTransaction: async (connection: DatabaseConnection) => {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
      },
      commitTransaction: (connection) => driver.commitTransaction(connection),
      rollbackTransaction: async (connection) => {
        if (!inTransaction()) return;
        await driver.rollbackTransaction(connection);
      },
      releaseConnection: (connection, options) => driver.releaseConnection(connection, options),
      destroy: (options) => driver.destroy(options),
    };
  }
}
