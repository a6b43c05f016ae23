import { sql as sync0001 } from './0001-sync';

/** The server's migrations, in order: forward only, never edited once released. */
export const cloudMigrations: readonly { version: number; name: string; sql: string }[] = [{ version: 1, name: 'sync', sql: sync0001 }];
