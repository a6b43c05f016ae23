import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Lawful receipts and the till (issue 14): VAT rates on everything sold (and retail products), the
 * centre's fiscal identity, invoices (simplified, full, corrective) numbered per desk, series and
 * year, Spain's VERI*FACTU billing records chained by their fingerprint with this desk's submission
 * queue, the region's payment methods (custom ones too, a reference per payment, change for cash),
 * Chile's boleta folio, and the till (sessions with their float, cash in and out, the close).
 *
 * sale_lines and sale_payments are rebuilt only to widen two CHECKs (a product line; methods that are
 * not a fixed list): their columns stay and new ones are added, so older desks keep syncing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE centre_fiscal (
      id TEXT PRIMARY KEY CHECK (id = 'centre'),
      legal_name TEXT NOT NULL,
      -- Normalised for the centre's country: NIF/CIF/NIE, RUT or RFC.
      tax_id TEXT NOT NULL,
      address TEXT NOT NULL,
      postcode TEXT NOT NULL,
      city TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  // VAT in basis points (2100 = 21 %), prices tax-included. Existing items take the country's default.
  const defaultRate = sql.raw(
    `(SELECT CASE country WHEN 'CL' THEN 1900 WHEN 'MX' THEN 1600 WHEN 'ES' THEN 2100 ELSE 0 END FROM centre_settings WHERE id = 'centre')`,
  );
  for (const table of ['services', 'pass_products', 'plan_products']) {
    await sql.raw(`ALTER TABLE ${table} ADD COLUMN vat_rate_bp INTEGER NOT NULL DEFAULT 2100 CHECK (vat_rate_bp BETWEEN 0 AND 10000)`).execute(db);
    await sql`UPDATE ${sql.table(table)} SET vat_rate_bp = coalesce(${defaultRate}, 2100)`.execute(db);
  }

  // Retail products sold at the counter (shampoo, a mat): name, price, VAT.
  await sql`
    CREATE TABLE products (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL UNIQUE,
      price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
      vat_rate_bp INTEGER NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  // Payment methods the centre adds to the built-in ones (a gift card brand, a local app).
  await sql`
    CREATE TABLE payment_methods (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL UNIQUE,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  // A day's till on one desk: opened with a float, closed once (the Z report).
  await sql`
    CREATE TABLE till_sessions (
      id TEXT PRIMARY KEY,
      desk_id TEXT NOT NULL,
      business_date TEXT NOT NULL,
      float_minor INTEGER NOT NULL CHECK (float_minor >= 0),
      opened_at TEXT NOT NULL,
      opened_by TEXT REFERENCES staff (id),
      closed_at TEXT,
      closed_by TEXT REFERENCES staff (id),
      -- The Z report's number on this desk, given at the close.
      z_number INTEGER,
      -- JSON {"<denomination in minor units>": count}: the cash counted by note and coin.
      cash_count TEXT,
      note TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (desk_id, business_date),
      CHECK ((closed_at IS NULL) = (z_number IS NULL))
    ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX till_sessions_one_open ON till_sessions (desk_id) WHERE closed_at IS NULL`.execute(db);
  await sql`
    CREATE TABLE till_movements (
      id TEXT PRIMARY KEY,
      till_session_id TEXT NOT NULL REFERENCES till_sessions (id),
      kind TEXT NOT NULL CHECK (kind IN ('in', 'out')),
      amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
      reason TEXT NOT NULL,
      staff_id TEXT REFERENCES staff (id),
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX till_movements_session ON till_movements (till_session_id)`.execute(db);
  // Per payment method at the close: what the documents say, what was counted, and why they differ.
  await sql`
    CREATE TABLE till_close_lines (
      till_session_id TEXT NOT NULL REFERENCES till_sessions (id),
      method TEXT NOT NULL,
      expected_minor INTEGER NOT NULL,
      counted_minor INTEGER NOT NULL,
      difference_minor INTEGER NOT NULL,
      reason TEXT,
      PRIMARY KEY (till_session_id, method),
      CHECK (difference_minor = counted_minor - expected_minor)
    ) STRICT, WITHOUT ROWID`.execute(db);
  // An owner's or manager's correction of a closed day: added, never an edit of the close.
  await sql`
    CREATE TABLE till_corrections (
      id TEXT PRIMARY KEY,
      till_session_id TEXT NOT NULL REFERENCES till_sessions (id),
      method TEXT NOT NULL,
      amount_minor INTEGER NOT NULL CHECK (amount_minor != 0),
      reason TEXT NOT NULL,
      staff_id TEXT REFERENCES staff (id),
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX till_corrections_session ON till_corrections (till_session_id)`.execute(db);

  await sql`ALTER TABLE sales ADD COLUMN till_session_id TEXT REFERENCES till_sessions (id)`.execute(db);
  // Cash handed over and the change given back (null: no cash tendered beyond the amount).
  await sql`ALTER TABLE sales ADD COLUMN cash_tendered_minor INTEGER CHECK (cash_tendered_minor >= 0)`.execute(db);
  await sql`ALTER TABLE sales ADD COLUMN change_minor INTEGER NOT NULL DEFAULT 0 CHECK (change_minor >= 0)`.execute(db);
  // Chile: the boleta's folio from the centre's provider.
  await sql`ALTER TABLE sales ADD COLUMN boleta_folio TEXT`.execute(db);
  // The till session of the void: the money goes back out of that day's till.
  await sql`ALTER TABLE sales ADD COLUMN void_till_session_id TEXT REFERENCES till_sessions (id)`.execute(db);
  await sql`CREATE INDEX sales_till ON sales (till_session_id) WHERE till_session_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX sales_void_till ON sales (void_till_session_id) WHERE void_till_session_id IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE sale_lines_new (
      id TEXT PRIMARY KEY,
      sale_id TEXT NOT NULL REFERENCES sales (id),
      position INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('service', 'pass', 'plan', 'product')),
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
      -- null: sold before taxes were recorded.
      tax_rate_bp INTEGER CHECK (tax_rate_bp BETWEEN 0 AND 10000),
      tax_minor INTEGER NOT NULL DEFAULT 0 CHECK (tax_minor >= 0),
      UNIQUE (sale_id, position),
      CHECK (tax_minor <= total_minor)
    ) STRICT`.execute(db);
  await sql`
    INSERT INTO sale_lines_new (id, sale_id, position, kind, item_id, description, quantity, unit_price_minor, covered_by, client_pass_id,
      coverage_discount_minor, promo_discount_minor, total_minor, booking_id, appointment_id)
    SELECT id, sale_id, position, kind, item_id, description, quantity, unit_price_minor, covered_by, client_pass_id,
      coverage_discount_minor, promo_discount_minor, total_minor, booking_id, appointment_id FROM sale_lines`.execute(db);
  await sql`DROP TABLE sale_lines`.execute(db);
  await sql`ALTER TABLE sale_lines_new RENAME TO sale_lines`.execute(db);
  await sql`CREATE INDEX sale_lines_sale ON sale_lines (sale_id)`.execute(db);

  await sql`
    CREATE TABLE sale_payments_new (
      id TEXT PRIMARY KEY,
      sale_id TEXT NOT NULL REFERENCES sales (id),
      -- A built-in method (cash, card, bizum…) or "custom:<payment_methods.id>": main checks it.
      method TEXT NOT NULL CHECK (length(method) BETWEEN 1 AND 60),
      amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
      -- The card terminal's voucher, the transfer's or app's operation number.
      reference TEXT
    ) STRICT`.execute(db);
  await sql`INSERT INTO sale_payments_new (id, sale_id, method, amount_minor) SELECT id, sale_id, method, amount_minor FROM sale_payments`.execute(db);
  await sql`DROP TABLE sale_payments`.execute(db);
  await sql`ALTER TABLE sale_payments_new RENAME TO sale_payments`.execute(db);
  await sql`CREATE INDEX sale_payments_sale ON sale_payments (sale_id)`.execute(db);

  // Every document issued. Never edited or deleted: a void issues a corrective one that refers to it.
  await sql`
    CREATE TABLE invoices (
      id TEXT PRIMARY KEY,
      sale_id TEXT NOT NULL REFERENCES sales (id),
      kind TEXT NOT NULL CHECK (kind IN ('simplified', 'full', 'corrective')),
      -- The AEAT's TipoFactura: F1 full, F2 simplified, F3 full replacing a simplified one, R1/R5 corrective.
      invoice_type TEXT NOT NULL CHECK (invoice_type IN ('F1', 'F2', 'F3', 'R1', 'R5')),
      series TEXT NOT NULL,
      number INTEGER NOT NULL CHECK (number >= 1),
      -- Series and number as printed (the AEAT's NumSerieFactura).
      full_number TEXT NOT NULL UNIQUE,
      desk_id TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      issue_date TEXT NOT NULL,
      issuer_legal_name TEXT NOT NULL,
      issuer_tax_id TEXT NOT NULL,
      issuer_address TEXT NOT NULL,
      client_id TEXT REFERENCES clients (id) ON DELETE SET NULL,
      customer_name TEXT,
      customer_tax_id TEXT,
      customer_address TEXT,
      customer_postcode TEXT,
      -- Mexico: the client's tax regime and CFDI use, for the centre's invoicing provider.
      customer_tax_regime TEXT,
      customer_cfdi_use TEXT,
      corrects_invoice_id TEXT REFERENCES invoices (id),
      replaces_invoice_id TEXT REFERENCES invoices (id),
      reason TEXT,
      base_total_minor INTEGER NOT NULL,
      tax_total_minor INTEGER NOT NULL,
      total_minor INTEGER NOT NULL,
      -- JSON [{"rateBp", "baseMinor", "taxMinor"}], one per rate: the document's breakdown.
      taxes TEXT NOT NULL,
      staff_id TEXT REFERENCES staff (id),
      -- The till session it was issued in (a desk's day): the Z report lists it.
      till_session_id TEXT REFERENCES till_sessions (id),
      created_at TEXT NOT NULL,
      UNIQUE (series, number),
      CHECK (total_minor = base_total_minor + tax_total_minor),
      CHECK ((kind = 'corrective') = (corrects_invoice_id IS NOT NULL)),
      CHECK (kind != 'full' OR (customer_name IS NOT NULL AND customer_tax_id IS NOT NULL))
    ) STRICT`.execute(db);
  await sql`CREATE INDEX invoices_sale ON invoices (sale_id)`.execute(db);
  await sql`CREATE INDEX invoices_date ON invoices (issue_date)`.execute(db);
  await sql`CREATE INDEX invoices_till ON invoices (till_session_id) WHERE till_session_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX invoices_corrects ON invoices (corrects_invoice_id) WHERE corrects_invoice_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX invoices_replaces ON invoices (replaces_invoice_id) WHERE replaces_invoice_id IS NOT NULL`.execute(db);
  // Only an erased client's link may change (sync writes whole rows: a column set to its own value is no edit).
  const invoiceFixed = ['sale_id', 'kind', 'invoice_type', 'series', 'number', 'full_number', 'issued_at', 'issue_date', 'issuer_tax_id', 'customer_name', 'customer_tax_id', 'total_minor', 'tax_total_minor', 'taxes'];
  await sql
    .raw(
      `CREATE TRIGGER invoices_no_update BEFORE UPDATE ON invoices WHEN ${invoiceFixed.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')}
    BEGIN SELECT RAISE(ABORT, 'invoices are never edited'); END`,
    )
    .execute(db);

  // The last number given per series on this desk: numbers are gap-free because they are taken in the sale's transaction.
  await sql`
    CREATE TABLE invoice_counters (
      series TEXT PRIMARY KEY,
      last_number INTEGER NOT NULL CHECK (last_number >= 0)
    ) STRICT, WITHOUT ROWID`.execute(db);

  // VERI*FACTU billing records (Spain): one per invoice issued (alta) and per cancellation (anulacion),
  // chained per installation (this desk) and issuer by the fingerprint of the one before.
  await sql`
    CREATE TABLE fiscal_records (
      id TEXT PRIMARY KEY,
      installation_id TEXT NOT NULL,
      position INTEGER NOT NULL CHECK (position >= 1),
      kind TEXT NOT NULL CHECK (kind IN ('alta', 'anulacion')),
      invoice_id TEXT NOT NULL REFERENCES invoices (id),
      -- The hashed fields exactly as hashed.
      issuer_tax_id TEXT NOT NULL,
      invoice_number TEXT NOT NULL,
      invoice_date TEXT NOT NULL,
      invoice_type TEXT,
      tax_total TEXT,
      total TEXT,
      previous_fingerprint TEXT NOT NULL,
      generated_at TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      -- JSON: the rest of the record for the AEAT's XML (breakdown, recipient, corrected invoice, system).
      payload TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (installation_id, issuer_tax_id, position),
      CHECK ((kind = 'alta') = (invoice_type IS NOT NULL AND tax_total IS NOT NULL AND total IS NOT NULL))
    ) STRICT`.execute(db);
  await sql`CREATE INDEX fiscal_records_invoice ON fiscal_records (invoice_id)`.execute(db);
  await sql`CREATE INDEX fiscal_records_created ON fiscal_records (created_at)`.execute(db);
  const recordColumns = ['installation_id', 'position', 'kind', 'invoice_id', 'issuer_tax_id', 'invoice_number', 'invoice_date', 'invoice_type', 'tax_total', 'total', 'previous_fingerprint', 'generated_at', 'fingerprint', 'payload'];
  await sql
    .raw(
      `CREATE TRIGGER fiscal_records_no_update BEFORE UPDATE ON fiscal_records WHEN ${recordColumns.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')}
    BEGIN SELECT RAISE(ABORT, 'fiscal records are never edited'); END`,
    )
    .execute(db);
  // Only sync, undoing a sale the server refused (the feed paused while it applies), takes one back.
  await sql`CREATE TRIGGER fiscal_records_no_delete BEFORE DELETE ON fiscal_records WHEN NOT EXISTS (SELECT 1 FROM feed_paused)
    BEGIN SELECT RAISE(ABORT, 'fiscal records are never deleted'); END`.execute(db);

  // This desk's queue to the tax agency, in the order the records were created. Local.
  await sql`
    CREATE TABLE fiscal_submissions (
      record_id TEXT PRIMARY KEY REFERENCES fiscal_records (id) ON DELETE CASCADE,
      seq INTEGER NOT NULL UNIQUE,
      status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'accepted_with_errors', 'rejected')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,
      last_attempt_at TEXT,
      error_code TEXT,
      error_message TEXT,
      -- The agency's CSV (secure verification code) of the submission that accepted it.
      csv TEXT,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX fiscal_submissions_pending ON fiscal_submissions (seq) WHERE status = 'pending'`.execute(db);

  // Where this desk submits (the agency's endpoint, or a test one) and with which certificate. Local.
  await sql`
    CREATE TABLE fiscal_endpoint (
      id TEXT PRIMARY KEY CHECK (id = 'desk'),
      enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
      url TEXT NOT NULL,
      certificate_file TEXT,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
}
