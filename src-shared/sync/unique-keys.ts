/**
 * The uniqueness rules of the centre's tables (the desks' UNIQUE constraints and indexes), so the
 * server can judge two desks that each created "the same" thing offline: the second is refused as
 * a duplicate instead of breaking every desk that later pulls both. tests/unit/unique-keys.test.ts
 * checks this list against the SQLite schema, so a new unique index cannot be forgotten here.
 */
export interface UniqueKey {
  /** The SQLite index (or constraint) it mirrors. */
  name: string;
  table: string;
  columns: readonly string[];
  /** A partial index: the rows it covers. */
  when?: (row: Readonly<Record<string, unknown>>) => boolean;
  /** coalesce(column, '') in the index: null counts as a value. */
  nullIsValue?: readonly string[];
}

export const uniqueKeys: readonly UniqueKey[] = [
  { name: 'tags_name', table: 'tags', columns: ['name_key'] },
  { name: 'custom_fields_label', table: 'custom_fields', columns: ['label_key'] },
  { name: 'session_types_name', table: 'session_types', columns: ['name_key'] },
  { name: 'services_name', table: 'services', columns: ['name_key'] },
  { name: 'staff_name', table: 'staff', columns: ['name_key'] },
  { name: 'pass_products_name', table: 'pass_products', columns: ['name_key'] },
  { name: 'plan_products_name', table: 'plan_products', columns: ['name_key'] },
  { name: 'promo_codes_code', table: 'promo_codes', columns: ['code_key'] },
  { name: 'bookings_live', table: 'bookings', columns: ['occurrence_id', 'client_id'], when: (row) => row.status !== 'cancelled' },
  { name: 'bookings_waitlist', table: 'bookings', columns: ['occurrence_id', 'waitlist_position'], when: (row) => row.status === 'waitlisted' },
  { name: 'schedule_exceptions_one', table: 'schedule_exceptions', columns: ['staff_id', 'schedule_id', 'date'], nullIsValue: ['schedule_id'] },
  { name: 'sales_number', table: 'sales', columns: ['series', 'number'] },
  { name: 'sale_lines_position', table: 'sale_lines', columns: ['sale_id', 'position'] },
];

/** The key's value for a row, or null when the row is outside the key (a partial index, a null column). */
export function uniqueKeyValue(key: UniqueKey, row: Readonly<Record<string, unknown>>): string | null {
  if (key.when && !key.when(row)) return null;
  const values: unknown[] = [];
  for (const column of key.columns) {
    const value = row[column];
    if (value === null || value === undefined) {
      // SQLite lets many rows hold null in a unique column.
      if (!key.nullIsValue?.includes(column)) return null;
      values.push('');
    } else values.push(value);
  }
  return JSON.stringify(values);
}
