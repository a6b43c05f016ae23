/**
 * The server's first schema. Every table carries its centre, and every key starts with it: one
 * centre's key is resolved to its centre_id before any query, and no query runs without it.
 */
export const sql = `
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE centres (
  id text PRIMARY KEY,
  name text NOT NULL,
  -- The last server_seq given out: the centre's log is numbered under this row's lock, in commit order.
  head_seq bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE desk_keys (
  id text PRIMARY KEY,
  centre_id text NOT NULL REFERENCES centres (id),
  label text NOT NULL,
  secret_hash bytea NOT NULL,
  -- Bound at the key's first push: a key belongs to one desk.
  desk_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX desk_keys_centre ON desk_keys (centre_id);

CREATE TABLE desks (
  desk_id text PRIMARY KEY,
  centre_id text NOT NULL REFERENCES centres (id),
  name text,
  -- Every entry of this desk up to here is settled (applied or refused).
  applied_through bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_push_at timestamptz
);
CREATE INDEX desks_centre ON desks (centre_id);

-- The server's copy of every synced row, as the desks' tables would hold it.
CREATE TABLE rows (
  centre_id text NOT NULL REFERENCES centres (id),
  tbl text NOT NULL,
  row_id text NOT NULL,
  data jsonb NOT NULL,
  subject_client_id text,
  PRIMARY KEY (centre_id, tbl, row_id)
);
CREATE INDEX rows_subject ON rows (centre_id, subject_client_id) WHERE subject_client_id IS NOT NULL;
CREATE INDEX rows_bookings_occurrence ON rows (centre_id, (data ->> 'occurrence_id')) WHERE tbl = 'bookings';
CREATE INDEX rows_redemptions_promo ON rows (centre_id, (data ->> 'promo_id')) WHERE tbl = 'promo_redemptions';

-- The centre's log in the server's order: what the desks pull.
CREATE TABLE changes (
  centre_id text NOT NULL REFERENCES centres (id),
  server_seq bigint NOT NULL,
  desk_id text NOT NULL,
  desk_seq bigint,
  tbl text NOT NULL,
  row_id text NOT NULL,
  op text NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'erase')),
  data jsonb,
  subject_client_id text,
  PRIMARY KEY (centre_id, server_seq)
);
CREATE INDEX changes_subject ON changes (centre_id, subject_client_id) WHERE subject_client_id IS NOT NULL;
CREATE INDEX changes_clients ON changes (centre_id, row_id) WHERE tbl = 'clients';

CREATE TABLE refusals (
  centre_id text NOT NULL REFERENCES centres (id),
  desk_id text NOT NULL,
  first_seq bigint NOT NULL,
  last_seq bigint NOT NULL,
  reason text NOT NULL,
  tbl text NOT NULL,
  row_id text NOT NULL,
  server_seq bigint NOT NULL,
  PRIMARY KEY (centre_id, desk_id, first_seq)
);

CREATE TABLE erased_clients (
  centre_id text NOT NULL REFERENCES centres (id),
  client_id text NOT NULL,
  erased_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (centre_id, client_id)
);

-- Projections of rows, kept so that PostgreSQL itself refuses what would be sold twice.
CREATE TABLE unique_claims (
  centre_id text NOT NULL REFERENCES centres (id),
  key_name text NOT NULL,
  key_value text NOT NULL,
  tbl text NOT NULL,
  row_id text NOT NULL,
  CONSTRAINT unique_claims_pkey PRIMARY KEY (centre_id, key_name, key_value)
);
CREATE INDEX unique_claims_row ON unique_claims (centre_id, tbl, row_id);

CREATE TABLE appointment_slots (
  centre_id text NOT NULL REFERENCES centres (id),
  appointment_id text NOT NULL,
  staff_id text NOT NULL,
  during tstzrange NOT NULL,
  PRIMARY KEY (centre_id, appointment_id),
  CONSTRAINT appointment_slots_no_overlap EXCLUDE USING gist (centre_id WITH =, staff_id WITH =, during WITH &&)
);

CREATE TABLE pass_balances (
  centre_id text NOT NULL REFERENCES centres (id),
  client_pass_id text NOT NULL,
  balance bigint NOT NULL CONSTRAINT pass_balances_no_credit CHECK (balance >= 0),
  PRIMARY KEY (centre_id, client_pass_id)
);
`;
