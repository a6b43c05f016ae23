import type Sqlite from 'better-sqlite3';
import type { ApiHost } from '../../src-main/api/open-api';
import { demoCities, demoDni, demoEmailDomains, demoFirstNames, demoLastNames, demoLevels, demoNotes, demoRandom, demoTags, emailLocal } from '../../src-main/cli/demo-data';
import { sortName } from '../../src-main/engine/clients/client-fields';
import { clientSearchWords } from '../../src-main/engine/clients/search-words';
import { newId } from '../../src-main/engine/ids';
import { benchCaller } from './bench-db';

export interface SeededCentre {
  clients: number;
  /** A sample of seeded phones (E.164) and names, to build realistic queries from. */
  phones: string[];
  names: { firstName: string; lastName: string }[];
  /** A sample of seeded tax ids (DNI) and custom field values (as typed on the card). */
  taxIds: string[];
  customValues: string[];
  tagIds: string[];
}

/**
 * Seeds `count` clients straight into the file with prepared statements in one transaction — the
 * same rows and FTS words (the engine's clientSearchWords) the API would write, much faster.
 * Custom fields and tags are created through the API. Fast enough for 1,000,000 clients: the feed
 * is paused (a bench centre has no desk to sync these rows to; `inFeed` keeps it, for the sync
 * benches, which push them) and the secondary indexes of the three tables are built once at the end
 * instead of row by row.
 */
export async function seedClients(host: ApiHost, count: number, options: { inFeed?: boolean } = {}): Promise<SeededCentre> {
  const pauseFeed = options.inFeed !== true;
  const call = benchCaller(host);
  const allergies = await call('customFields.create', { label: 'Alergias', kind: 'text' });
  const shoe = await call('customFields.create', { label: 'Talla de calzado', kind: 'number' });
  const level = await call('customFields.create', { label: 'Nivel', kind: 'choice', options: [...demoLevels] });
  const tagIds: string[] = [];
  for (const [name, colour] of demoTags) tagIds.push((await call('tags.create', { name, colour })).id);

  const sqlite: Sqlite.Database = host.database.sqlite;
  const insertClient = sqlite.prepare(`
    INSERT INTO clients (id, search_rowid, first_name, last_name, sort_name, phone, email, birth_date, sex, address,
      postal_code, city, tax_id, weight_kg, height_cm, notes, client_group, education, profession, referral_source,
      invoicing_codes, registered_on, blacklisted, blacklist_reason, blacklisted_at, created_at, updated_at)
    VALUES (@id, @search_rowid, @first_name, @last_name, @sort_name, @phone, @email, @birth_date, @sex, NULL,
      @postal_code, @city, @tax_id, NULL, NULL, @notes, NULL, NULL, NULL, NULL,
      NULL, @registered_on, @blacklisted, @blacklist_reason, @blacklisted_at, @now, @now)`);
  const insertWords = sqlite.prepare('INSERT INTO client_search (rowid, words) VALUES (?, ?)');
  const insertValue = sqlite.prepare('INSERT INTO client_custom_values (client_id, field_id, value, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const insertTag = sqlite.prepare('INSERT INTO client_tags (client_id, tag_id, created_at, updated_at) VALUES (?, ?, ?, ?)');

  const random = demoRandom(100_000);
  const now = new Date().toISOString();
  const seeded: SeededCentre = { clients: count, phones: [], names: [], taxIds: [], customValues: [], tagIds };
  const indexes = sqlite
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('clients', 'client_custom_values', 'client_tags')")
    .all() as { name: string; sql: string }[];
  const usedPhones = new Set<number>();
  sqlite.transaction(() => {
    if (pauseFeed) sqlite.prepare("INSERT INTO feed_paused (reason) VALUES ('bench-seed')").run();
    for (const { name } of indexes) sqlite.exec(`DROP INDEX "${name}"`);
    for (let i = 0; i < count; i++) {
      const id = newId();
      const [firstName, sex] = random.pick(demoFirstNames);
      const lastName = `${random.pick(demoLastNames)} ${random.pick(demoLastNames)}`;
      let digits: number;
      do digits = random.int(600_000_000, 699_999_999);
      while (usedPhones.has(digits));
      usedPhones.add(digits);
      const phone = `+34${digits}`;
      const email = random.chance(0.8) ? `${emailLocal(firstName)}.${emailLocal(lastName)}${i}@${random.pick(demoEmailDomains)}` : null;
      const taxId = random.chance(0.3) ? demoDni(random.int(10_000_000, 79_999_999)) : null;
      const [city, postalCode] = random.pick(demoCities);
      const values: [string, string][] = [[level.id, random.pick(demoLevels)]];
      if (random.chance(0.3)) values.push([allergies.id, random.pick(['Látex', 'Níquel', 'Frutos secos', 'Perfumes'])]);
      if (random.chance(0.5)) values.push([shoe.id, String(random.int(35, 45))]);
      const blacklisted = random.chance(0.005);
      insertClient.run({
        id,
        search_rowid: i + 1,
        first_name: firstName,
        last_name: lastName,
        sort_name: sortName(firstName, lastName),
        phone,
        email,
        birth_date: `${random.int(1950, 2006)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
        sex,
        postal_code: postalCode,
        city,
        tax_id: taxId,
        notes: random.chance(0.2) ? random.pick(demoNotes) : null,
        registered_on: now.slice(0, 10),
        blacklisted: blacklisted ? 1 : 0,
        blacklist_reason: blacklisted ? 'Impagos' : null,
        blacklisted_at: blacklisted ? now : null,
        now,
      });
      insertWords.run(
        i + 1,
        clientSearchWords({ firstName, lastName, phone, email, taxId, customValues: values.map(([, value]) => value) }),
      );
      for (const [fieldId, value] of values) insertValue.run(id, fieldId, value, now, now);
      for (const tagId of tagIds) if (random.chance(0.06)) insertTag.run(id, tagId, now, now);
      if (i % 200 === 0) {
        seeded.phones.push(phone);
        seeded.names.push({ firstName, lastName });
        if (taxId) seeded.taxIds.push(taxId);
        // A text value (an allergy, else the level): what the desk would type to find it.
        seeded.customValues.push((values.find(([fieldId]) => fieldId === allergies.id) ?? values[0]!)[1]);
      }
    }
    for (const { sql } of indexes) sqlite.exec(sql);
    if (pauseFeed) sqlite.prepare("DELETE FROM feed_paused WHERE reason = 'bench-seed'").run();
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return seeded;
}
