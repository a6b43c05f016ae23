import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/** Passes (bonos) and plans with their credit ledger, promo codes, sales with lines and payments, and the credit policy. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE credit_policy (
      id TEXT PRIMARY KEY CHECK (id = 'centre'),
      cancel_window_hours INTEGER NOT NULL CHECK (cancel_window_hours BETWEEN 0 AND 720),
      late_cancel_forfeits INTEGER NOT NULL CHECK (late_cancel_forfeits IN (0, 1)),
      no_show_forfeits INTEGER NOT NULL CHECK (no_show_forfeits IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE pass_products (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL UNIQUE,
      credits INTEGER NOT NULL CHECK (credits BETWEEN 1 AND 1000),
      validity_days INTEGER CHECK (validity_days >= 1),
      valid_until TEXT,
      price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((validity_days IS NULL) != (valid_until IS NULL))
    ) STRICT`.execute(db);
  await sql`
    CREATE TABLE pass_product_session_types (
      product_id TEXT NOT NULL REFERENCES pass_products (id) ON DELETE CASCADE,
      session_type_id TEXT NOT NULL REFERENCES session_types (id),
      PRIMARY KEY (product_id, session_type_id)
    ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`
    CREATE TABLE pass_product_services (
      product_id TEXT NOT NULL REFERENCES pass_products (id) ON DELETE CASCADE,
      service_id TEXT NOT NULL REFERENCES services (id),
      PRIMARY KEY (product_id, service_id)
    ) STRICT, WITHOUT ROWID`.execute(db);

  await sql`
    CREATE TABLE plan_products (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL UNIQUE,
      validity_days INTEGER NOT NULL CHECK (validity_days >= 1),
      price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`
    CREATE TABLE plan_product_items (
      plan_id TEXT NOT NULL REFERENCES plan_products (id) ON DELETE CASCADE,
      service_id TEXT NOT NULL REFERENCES services (id),
      quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
      PRIMARY KEY (plan_id, service_id)
    ) STRICT, WITHOUT ROWID`.execute(db);

  await sql`
    CREATE TABLE promo_codes (
      id TEXT PRIMARY KEY,
      code TEXT NOT NULL,
      code_key TEXT NOT NULL UNIQUE,
      description TEXT,
      kind TEXT NOT NULL CHECK (kind IN ('percent', 'amount')),
      value INTEGER NOT NULL CHECK (value > 0 AND (kind != 'percent' OR value <= 100)),
      valid_from TEXT,
      valid_to TEXT,
      max_uses INTEGER CHECK (max_uses >= 1),
      max_uses_per_client INTEGER CHECK (max_uses_per_client >= 1),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`
    CREATE TABLE promo_code_services (
      promo_id TEXT NOT NULL REFERENCES promo_codes (id) ON DELETE CASCADE,
      service_id TEXT NOT NULL REFERENCES services (id),
      PRIMARY KEY (promo_id, service_id)
    ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`
    CREATE TABLE client_promotions (
      client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
      promo_id TEXT NOT NULL REFERENCES promo_codes (id) ON DELETE CASCADE,
      attached_at TEXT NOT NULL,
      PRIMARY KEY (client_id, promo_id)
    ) STRICT, WITHOUT ROWID`.execute(db);

  // A sale is never deleted: voided with a reason. An erased client's sales stay, anonymous.
  await sql`
    CREATE TABLE sales (
      id TEXT PRIMARY KEY,
      number INTEGER NOT NULL UNIQUE CHECK (number >= 1),
      client_id TEXT REFERENCES clients (id) ON DELETE SET NULL,
      status TEXT NOT NULL CHECK (status IN ('paid', 'voided')),
      currency TEXT NOT NULL,
      subtotal_minor INTEGER NOT NULL CHECK (subtotal_minor >= 0),
      coverage_discount_minor INTEGER NOT NULL CHECK (coverage_discount_minor >= 0),
      promo_discount_minor INTEGER NOT NULL CHECK (promo_discount_minor >= 0),
      total_minor INTEGER NOT NULL CHECK (total_minor >= 0),
      promo_code_id TEXT REFERENCES promo_codes (id),
      staff_id TEXT REFERENCES staff (id),
      void_reason TEXT,
      voided_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (total_minor = subtotal_minor - coverage_discount_minor - promo_discount_minor),
      CHECK ((status = 'voided') = (voided_at IS NOT NULL))
    ) STRICT`.execute(db);
  await sql`CREATE INDEX sales_created ON sales (created_at)`.execute(db);
  await sql`CREATE INDEX sales_client ON sales (client_id, created_at)`.execute(db);

  // What a client holds: a sold pass, or one service line of a sold plan (grouped by plan_group_id).
  // balance is kept by the ledger's trigger, in the same transaction: always the sum of its rows.
  await sql`
    CREATE TABLE client_passes (
      id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('pass', 'plan')),
      pass_product_id TEXT REFERENCES pass_products (id),
      plan_product_id TEXT REFERENCES plan_products (id),
      plan_group_id TEXT,
      name TEXT NOT NULL,
      plan_name TEXT,
      credits_total INTEGER NOT NULL CHECK (credits_total >= 1),
      balance INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0),
      valid_from TEXT NOT NULL,
      valid_until TEXT NOT NULL,
      session_type_ids TEXT NOT NULL DEFAULT '[]',
      service_ids TEXT NOT NULL DEFAULT '[]',
      sale_id TEXT REFERENCES sales (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX client_passes_client ON client_passes (client_id, valid_until)`.execute(db);
  await sql`CREATE INDEX client_passes_sale ON client_passes (sale_id)`.execute(db);

  await sql`
    CREATE TABLE sale_lines (
      id TEXT PRIMARY KEY,
      sale_id TEXT NOT NULL REFERENCES sales (id),
      position INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('service', 'pass', 'plan')),
      item_id TEXT NOT NULL,
      description TEXT NOT NULL,
      quantity INTEGER NOT NULL CHECK (quantity >= 1),
      unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
      covered_by TEXT CHECK (covered_by IN ('pass', 'plan')),
      client_pass_id TEXT REFERENCES client_passes (id) ON DELETE SET NULL,
      coverage_discount_minor INTEGER NOT NULL CHECK (coverage_discount_minor >= 0),
      promo_discount_minor INTEGER NOT NULL CHECK (promo_discount_minor >= 0),
      total_minor INTEGER NOT NULL CHECK (total_minor >= 0),
      booking_id TEXT REFERENCES bookings (id) ON DELETE SET NULL,
      appointment_id TEXT REFERENCES appointments (id) ON DELETE SET NULL,
      UNIQUE (sale_id, position)
    ) STRICT`.execute(db);
  await sql`
    CREATE TABLE sale_payments (
      id TEXT PRIMARY KEY,
      sale_id TEXT NOT NULL REFERENCES sales (id),
      method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'transfer', 'other')),
      amount_minor INTEGER NOT NULL CHECK (amount_minor > 0)
    ) STRICT`.execute(db);
  await sql`CREATE INDEX sale_payments_sale ON sale_payments (sale_id)`.execute(db);

  await sql`
    CREATE TABLE promo_redemptions (
      id TEXT PRIMARY KEY,
      promo_id TEXT NOT NULL REFERENCES promo_codes (id),
      client_id TEXT REFERENCES clients (id) ON DELETE SET NULL,
      sale_id TEXT NOT NULL REFERENCES sales (id),
      discount_minor INTEGER NOT NULL CHECK (discount_minor >= 0),
      voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX promo_redemptions_use ON promo_redemptions (promo_id, client_id) WHERE voided = 0`.execute(db);
  await sql`CREATE INDEX promo_redemptions_sale ON promo_redemptions (sale_id)`.execute(db);

  // Append-only: every credit movement of a client's pass.
  await sql`
    CREATE TABLE credit_ledger (
      id TEXT PRIMARY KEY,
      client_pass_id TEXT NOT NULL REFERENCES client_passes (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('sale', 'redemption', 'refund', 'expiry', 'adjustment')),
      delta INTEGER NOT NULL CHECK (delta != 0),
      booking_id TEXT REFERENCES bookings (id) ON DELETE SET NULL,
      appointment_id TEXT REFERENCES appointments (id) ON DELETE SET NULL,
      sale_id TEXT REFERENCES sales (id),
      reason TEXT,
      staff_id TEXT REFERENCES staff (id),
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX credit_ledger_pass ON credit_ledger (client_pass_id, created_at)`.execute(db);
  // "Passes redeemed" in the month's figures counts by time and kind.
  await sql`CREATE INDEX credit_ledger_created ON credit_ledger (created_at, kind)`.execute(db);
  // Voiding a sale finds what it did with credits.
  await sql`CREATE INDEX credit_ledger_sale ON credit_ledger (sale_id) WHERE sale_id IS NOT NULL`.execute(db);
  await sql`
    CREATE TRIGGER credit_ledger_balance AFTER INSERT ON credit_ledger BEGIN
      UPDATE client_passes SET balance = balance + new.delta WHERE id = new.client_pass_id;
    END`.execute(db);
  await sql`CREATE TRIGGER credit_ledger_no_update BEFORE UPDATE OF delta, client_pass_id, kind ON credit_ledger BEGIN SELECT RAISE(ABORT, 'credit_ledger is append-only'); END`.execute(db);

  // What a booking or appointment did with a credit; pay_with_pass: the booking is to be paid with one (client bookings, or the desk chose to).
  for (const table of ['bookings', 'appointments']) {
    await sql
      .raw(
        `ALTER TABLE ${table} ADD COLUMN credit_state TEXT NOT NULL DEFAULT 'none' CHECK (credit_state IN ('none', 'pending', 'redeemed', 'refunded', 'forfeited'))`,
      )
      .execute(db);
    await sql.raw(`ALTER TABLE ${table} ADD COLUMN client_pass_id TEXT REFERENCES client_passes (id) ON DELETE SET NULL`).execute(db);
    await sql.raw(`ALTER TABLE ${table} ADD COLUMN pay_with_pass INTEGER NOT NULL DEFAULT 0 CHECK (pay_with_pass IN (0, 1))`).execute(db);
    await sql.raw(`CREATE INDEX ${table}_credit_pending ON ${table} (credit_state) WHERE credit_state = 'pending'`).execute(db);
  }
}
