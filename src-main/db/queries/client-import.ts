import { sql } from 'kysely';
import type { ImportedClient } from '../../engine/clients/import/check-row';
import type { ExistingContacts } from '../../engine/clients/import/dry-run';
import type { ExportRow } from '../../engine/clients/import/csv-write';
import { clientSearchWords } from '../../engine/clients/search-words';
import { newId } from '../../engine/ids';
import { fullName } from '../../engine/text/full-name';
import type { ReadDb, WriteTx } from '../database';

/** Every phone and email the cards hold, with whose they are: what an import's duplicates are judged by. */
export async function existingContacts(db: ReadDb): Promise<ExistingContacts> {
  const rows = await db
    .selectFrom('clients')
    .select(['id', 'first_name', 'last_name', 'phone', 'email'])
    .where((eb) => eb.or([eb('phone', 'is not', null), eb('email', 'is not', null)]))
    .execute();
  const contacts: ExistingContacts = { phones: new Map(), emails: new Map() };
  for (const row of rows) {
    const client = { clientId: row.id, clientName: fullName(row.first_name, row.last_name) };
    if (row.phone && !contacts.phones.has(row.phone)) contacts.phones.set(row.phone, client);
    if (row.email && !contacts.emails.has(row.email)) contacts.emails.set(row.email, client);
  }
  return contacts;
}

// SQLite takes up to 32,766 bound values a statement: 400 cards of 26 columns stay well under.
const batch = 400;

/**
 * Writes imported cards with their custom values and search entries, many rows a statement (one
 * row a statement would take minutes for 100,000). The feed's triggers still record every row.
 */
export async function insertImportedClients(tx: WriteTx, cards: readonly ImportedClient[], now: string): Promise<string[]> {
  const top = await tx.selectFrom('clients').select(sql<number>`coalesce(max(search_rowid), 0)`.as('n')).executeTakeFirstOrThrow();
  let rowid = Number(top.n);
  const ids: string[] = [];
  for (let start = 0; start < cards.length; start += batch) {
    const slice = cards.slice(start, start + batch);
    const rows = slice.map((card) => {
      const id = newId();
      ids.push(id);
      rowid++;
      return {
        ...card.columns,
        id,
        search_rowid: rowid,
        registered_on: card.registeredOn,
        blacklisted: 0 as const,
        blacklist_reason: null,
        blacklisted_at: null,
        created_at: now,
        updated_at: now,
      };
    });
    await tx.insertInto('clients').values(rows).execute();
    const values = slice.flatMap((card, i) =>
      [...card.customValues].flatMap(([fieldId, value]) =>
        value === null ? [] : [{ client_id: rows[i]!.id, field_id: fieldId, value, created_at: now, updated_at: now }],
      ),
    );
    if (values.length > 0) await tx.insertInto('client_custom_values').values(values).execute();
    const words = slice.map((card, i) => ({
      rowid: rows[i]!.search_rowid,
      words: clientSearchWords({
        firstName: card.columns.first_name,
        lastName: card.columns.last_name,
        phone: card.columns.phone,
        email: card.columns.email,
        taxId: card.columns.tax_id,
        customValues: [...card.customValues.values()].filter((v): v is string => v !== null),
      }),
    }));
    await tx.insertInto('client_search').values(words).execute();
  }
  return ids;
}

/** Every card by name, with its custom values, for the CSV export. */
export async function clientsForExport(db: ReadDb): Promise<{ rows: ExportRow[]; customValues: Map<string, Map<string, string>> }> {
  const rows = await db
    .selectFrom('clients')
    .select([
      'id', 'first_name', 'last_name', 'sort_name', 'phone', 'email', 'birth_date', 'sex', 'address', 'postal_code', 'city', 'tax_id',
      'weight_kg', 'height_cm', 'notes', 'client_group', 'education', 'profession', 'referral_source', 'invoicing_codes', 'registered_on',
    ])
    .orderBy('sort_name')
    .orderBy('id')
    .execute();
  const customValues = new Map<string, Map<string, string>>();
  for (const v of await db.selectFrom('client_custom_values').select(['client_id', 'field_id', 'value']).execute()) {
    let values = customValues.get(v.client_id);
    if (!values) customValues.set(v.client_id, (values = new Map()));
    values.set(v.field_id, v.value);
  }
  return { rows, customValues };
}
