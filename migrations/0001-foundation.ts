import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/** Centre settings, clients with tags and custom fields, their search index, and the change log. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE centre_settings (
      id TEXT PRIMARY KEY CHECK (id = 'centre'),
      name TEXT NOT NULL,
      country TEXT NOT NULL,
      time_zone TEXT NOT NULL,
      currency TEXT NOT NULL,
      language TEXT NOT NULL CHECK (language IN ('es', 'en')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE clients (
      id TEXT PRIMARY KEY,
      search_rowid INTEGER NOT NULL UNIQUE,
      first_name TEXT NOT NULL,
      last_name TEXT,
      sort_name TEXT NOT NULL,
      phone TEXT,
      email TEXT,
      birth_date TEXT,
      sex TEXT CHECK (sex IN ('female', 'male', 'other')),
      address TEXT,
      postal_code TEXT,
      city TEXT,
      tax_id TEXT,
      weight_kg REAL,
      height_cm REAL,
      notes TEXT,
      client_group TEXT,
      education TEXT,
      profession TEXT,
      referral_source TEXT,
      invoicing_codes TEXT,
      registered_on TEXT NOT NULL,
      blacklisted INTEGER NOT NULL DEFAULT 0 CHECK (blacklisted IN (0, 1)),
      blacklist_reason TEXT,
      blacklisted_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX clients_sort_name ON clients (sort_name)`.execute(db);
  await sql`CREATE INDEX clients_phone ON clients (phone) WHERE phone IS NOT NULL`.execute(db);
  await sql`CREATE INDEX clients_email ON clients (email) WHERE email IS NOT NULL`.execute(db);
  await sql`CREATE INDEX clients_blacklisted ON clients (sort_name) WHERE blacklisted = 1`.execute(db);

  await sql`
    CREATE TABLE tags (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL UNIQUE,
      colour TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE client_tags (
      client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
      tag_id TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (client_id, tag_id)
    ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX client_tags_tag ON client_tags (tag_id, client_id)`.execute(db);

  await sql`
    CREATE TABLE custom_fields (
      id TEXT PRIMARY KEY,
      label TEXT NOT NULL,
      label_key TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('text', 'number', 'date', 'choice')),
      options TEXT NOT NULL DEFAULT '[]',
      position INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE client_custom_values (
      client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
      field_id TEXT NOT NULL REFERENCES custom_fields (id) ON DELETE CASCADE,
      value TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (client_id, field_id)
    ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX client_custom_values_field ON client_custom_values (field_id)`.execute(db);

  // One row per client, rowid = clients.search_rowid; words are already folded (case, accents).
  await sql`
    CREATE VIRTUAL TABLE client_search USING fts5 (
      words,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '1 2 3 4 5 6'
    )`.execute(db);
  // A deleted client's words leave the index at once, not at the next merge.
  await sql`INSERT INTO client_search (client_search, rank) VALUES ('secure-delete', 1)`.execute(db);

  // The audit trail now, the sync outbox later. subject_client_id lets a deletion scrub a client's trace.
  await sql`
    CREATE TABLE change_log (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      call TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      subject_client_id TEXT,
      staff_id TEXT,
      changes TEXT NOT NULL,
      synced_at TEXT
    ) STRICT`.execute(db);
  await sql`CREATE INDEX change_log_subject ON change_log (subject_client_id) WHERE subject_client_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX change_log_unsynced ON change_log (id) WHERE synced_at IS NULL`.execute(db);
}
