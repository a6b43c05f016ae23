import type Sqlite from 'better-sqlite3';
import type { ApiHost } from '../../src-main/api/open-api';
import { openApi } from '../../src-main/api/open-api';
import { demoDni, demoFirstNames, demoLastNames, demoRandom } from '../../src-main/cli/demo-data';
import { benchCaller, timedSeed, withBenchDb } from './bench-db';
import type { BenchResult } from './stats';
import { sample, summarize } from './stats';
import { seedClients, type SeededCentre } from './seed-clients';

const clientCount = 100_000;

/** The kinds of query the desk types, each measured on its own: their costs grow differently. */
export const searchKinds = ['one_word', 'two_words', 'phone', 'tax_id', 'custom_value', 'two_letter_prefix'] as const;
export type SearchKind = (typeof searchKinds)[number];

type Random = ReturnType<typeof demoRandom>;
type SearchSample = Pick<SeededCentre, 'names' | 'phones' | 'taxIds' | 'customValues'>;

/** One query of a kind, from the seeded sample: prefixes while typing, and phones and ids in several spellings. */
export function queryOf(kind: SearchKind, seeded: SearchSample, random: Random): string {
  const person = random.pick(seeded.names);
  const [first = '', second = ''] = person.lastName.split(' ');
  const phone = random.pick(seeded.phones).slice(3);
  const taxId = random.pick(seeded.taxIds);
  const choices: Record<SearchKind, (() => string)[]> = {
    one_word: [
      () => person.firstName.slice(0, random.int(3, 5)),
      () => first.slice(0, random.int(3, first.length)),
      () => random.pick(demoLastNames).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
    ],
    two_words: [
      () => `${person.firstName} ${first.slice(0, 3)}`,
      () => `${random.pick(demoFirstNames)[0]} ${random.pick(demoLastNames)}`,
      () => `${person.firstName} ${first} ${second.slice(0, 4)}`,
    ],
    phone: [
      () => `${phone.slice(0, 3)} ${phone.slice(3, 6)}`,
      () => phone,
      () => `+34 ${phone.slice(0, 3)} ${phone.slice(3, 5)} ${phone.slice(5, 7)} ${phone.slice(7)}`,
      () => phone.slice(0, 4),
    ],
    tax_id: [() => taxId, () => taxId.slice(0, 8), () => taxId.toLowerCase()],
    custom_value: [() => random.pick(seeded.customValues)],
    two_letter_prefix: [() => person.firstName.slice(0, 2), () => first.slice(0, 2)],
  };
  return random.pick(choices[kind])();
}

/** The query sample of a centre already on file (every 200th client), for benches that did not seed it themselves. */
export function searchSampleOf(sqlite: Sqlite.Database): Pick<SeededCentre, 'names' | 'phones' | 'taxIds' | 'customValues'> {
  const rows = sqlite
    .prepare(
      `SELECT first_name AS firstName, coalesce(last_name, '') AS lastName, phone, tax_id AS taxId,
        (SELECT value FROM client_custom_values v WHERE v.client_id = c.id AND v.value GLOB '*[^0-9]*' LIMIT 1) AS customValue
      FROM clients c WHERE search_rowid % 200 = 1`,
    )
    .all() as { firstName: string; lastName: string; phone: string | null; taxId: string | null; customValue: string | null }[];
  return {
    names: rows.map(({ firstName, lastName }) => ({ firstName, lastName })),
    phones: rows.flatMap((r) => (r.phone ? [r.phone] : [])),
    taxIds: rows.flatMap((r) => (r.taxId ? [r.taxId] : [])),
    customValues: rows.flatMap((r) => (r.customValue ? [r.customValue] : [])),
  };
}

/**
 * clients.search over a seeded centre: `clients.search` (every kind mixed) and one entry per kind,
 * `clients.search.<kind>`. Exported so the scale bench runs the same measure at 10× (names + suffix).
 */
export async function clientSearchMeasure(
  host: Pick<ApiHost, 'invoke'>,
  seeded: SearchSample,
  options: { perKind?: number; suffix?: string; targetP95Ms?: number } = {},
): Promise<BenchResult[]> {
  const { perKind = 200, suffix = '', targetP95Ms = 2 } = options;
  const call = benchCaller(host);
  const random = demoRandom(7);
  const byKind = searchKinds.map((kind) => Array.from({ length: perKind }, () => queryOf(kind, seeded, random)));
  const search = (queries: string[]) => sample(queries.length, (i) => call('clients.search', { query: queries[i] }));
  const mixed = byKind.flat().sort(() => random.int(0, 2) - 1);
  const results = [summarize(`clients.search${suffix}`, await search(mixed), targetP95Ms)];
  for (const [k, kind] of searchKinds.entries()) results.push(summarize(`clients.search.${kind}${suffix}`, await search(byKind[k]!)));
  return results;
}

/** clients.search, clients.create and db.open on a centre with 100,000 clients. */
export async function clientsBench(log: (line: string) => void): Promise<BenchResult[]> {
  return withBenchDb('clients', async (path) => {
    let host = await openApi(path);
    const call = benchCaller(host);
    const seeded = await timedSeed(log, () => seedClients(host, clientCount), () => `${clientCount.toLocaleString('en')} clients`);

    const search = await clientSearchMeasure(host, seeded);

    const random = demoRandom(99);
    const create = await sample(300, (i) => {
      const [firstName, sex] = random.pick(demoFirstNames);
      return call('clients.create', {
        firstName,
        lastName: `${random.pick(demoLastNames)} ${random.pick(demoLastNames)}`,
        sex,
        phone: `7${String(10_000_000 + i * 7919 + random.int(0, 7000)).padStart(8, '0')}`,
        email: `bench${i}.${random.int(0, 1e6)}@correo.es`,
        taxId: demoDni(80_000_000 + i * 13 + random.int(0, 12)),
        tagIds: [random.pick(seeded.tagIds)],
      });
    });
    await host.database.close();

    const open = await sample(40, async () => {
      host = await openApi(path);
      await host.database.close();
    }, 3);

    return [...search, summarize('clients.create', create, 5), summarize('db.open', open, 300)];
  });
}
