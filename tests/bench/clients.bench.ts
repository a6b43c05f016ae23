import { openApi } from '../../src-main/api/open-api';
import { demoDni, demoFirstNames, demoLastNames, demoRandom } from '../../src-main/cli/demo-data';
import { benchCaller, timedSeed, withBenchDb } from './bench-db';
import type { BenchResult } from './stats';
import { sample, summarize } from './stats';
import { seedClients, type SeededCentre } from './seed-clients';

const clientCount = 100_000;

/** What the desk types: 1–3 words, prefixes while typing, and phone fragments in several spellings. */
function searchQueries(seeded: SeededCentre, n: number): string[] {
  const random = demoRandom(7);
  const queries: string[] = [];
  for (let i = 0; i < n; i++) {
    const person = random.pick(seeded.names);
    const [first = '', second = ''] = person.lastName.split(' ');
    const phone = random.pick(seeded.phones).slice(3);
    const kinds = [
      () => person.firstName.slice(0, random.int(2, 5)),
      () => first.slice(0, random.int(3, first.length)),
      () => random.pick(demoLastNames).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
      () => `${person.firstName} ${first.slice(0, 3)}`,
      () => `${random.pick(demoFirstNames)[0]} ${random.pick(demoLastNames)}`,
      () => `${person.firstName} ${first} ${second.slice(0, 4)}`,
      () => `${phone.slice(0, 3)} ${phone.slice(3, 6)}`,
      () => phone,
      () => `+34 ${phone.slice(0, 3)} ${phone.slice(3, 5)} ${phone.slice(5, 7)} ${phone.slice(7)}`,
      () => phone.slice(0, 4),
    ];
    queries.push(random.pick(kinds)());
  }
  return queries;
}

/** clients.search, clients.create and db.open on a centre with 100,000 clients. */
export async function clientsBench(log: (line: string) => void): Promise<BenchResult[]> {
  return withBenchDb('clients', async (path) => {
    let host = await openApi(path);
    const call = benchCaller(host);
    const seeded = await timedSeed(log, () => seedClients(host, clientCount), () => `${clientCount.toLocaleString('en')} clients`);

    const queries = searchQueries(seeded, 1000);
    const search = await sample(queries.length, (i) => call('clients.search', { query: queries[i] }));

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

    return [summarize('clients.search', search, 2), summarize('clients.create', create, 5), summarize('db.open', open, 300)];
  });
}
