import { openApi } from '../../src-main/api/open-api';
import { demoRandom } from '../../src-main/cli/demo-data';
import { historyWriter } from '../helpers/client-history';
import { benchCaller, timedSeed, withBenchDb } from './bench-db';
import type { BenchResult } from './stats';
import { sample, summarize } from './stats';

const DAY_MS = 86_400_000;
const YEARS = 10;
const otherClients = 500;
const visitsPerOther = 160;

/**
 * card.stats: clients.statistics (the Estadísticas tab, through the API without UI) for one client
 * with 10 years of visits — two a week, appointments and classes, their sales, some no-shows and
 * late cancellations — in a centre where 500 other clients hold 160,000 more rows; and the
 * blacklist suggestions list over that centre.
 */
export async function clientStatsBench(log: (line: string) => void): Promise<BenchResult[]> {
  return withBenchDb('client-stats', async (path) => {
    const host = await openApi(path);
    const call = benchCaller(host);
    const seeded = await timedSeed(
      log,
      async () => {
        const random = demoRandom(13);
        const staff = (await call('staff.create', { name: 'Marta', role: 'professional' })).id;
        const services: string[] = [];
        for (const [name, price] of [['Corte', 1800], ['Tinte', 4500], ['Manicura', 2000], ['Masaje', 5000]] as const) {
          services.push((await call('services.create', { name, durationMin: 45, priceMinor: price })).id);
        }
        const type = (await call('sessionTypes.create', { name: 'Pilates', defaultDurationMin: 60 })).id;
        const today = new Date().toISOString().slice(0, 10);
        const { series } = await call('series.create', { title: 'Pilates', organizerId: staff, sessionTypeId: type, startDate: today, startTime: '18:00', durationMin: 60, places: 10 });
        const target = (await call('clients.create', { firstName: 'Ana', lastName: 'Diez Años' })).client.id;
        const others: string[] = [];
        for (let i = 0; i < otherClients; i++) others.push((await call('clients.create', { firstName: `Cliente ${i}` })).client.id);

        const sqlite = host.database.sqlite;
        const history = historyWriter(sqlite, 'Europe/Madrid');
        const start = Date.now() - YEARS * 365 * DAY_MS;
        let rows = 0;
        sqlite.transaction(() => {
          // The client: two visits a week for ten years.
          for (let at = start; at < Date.now() - DAY_MS; at += 3.5 * DAY_MS) {
            const startsAt = new Date(Math.floor(at / 3_600_000) * 3_600_000).toISOString();
            const roll = random.next();
            const status = roll < 0.04 ? 'no_show' : roll < 0.1 ? 'cancelled' : 'attended';
            const cancelledAt = status === 'cancelled' ? new Date(at - random.int(1, 48) * 3_600_000).toISOString() : undefined;
            if (random.chance(0.5)) {
              history.appointment({ clientId: target, staffId: staff, serviceId: random.pick(services)!, startsAt, status, ...(cancelledAt ? { cancelledAt } : {}) });
            } else {
              history.booking({ clientId: target, seriesId: series.id, title: 'Pilates', organizerId: staff, startsAt, status, ...(cancelledAt ? { cancelledAt } : {}) });
            }
            if (status === 'attended') history.sale({ clientId: target, totalMinor: random.int(1500, 6000), at: startsAt });
            rows += status === 'attended' ? 2 : 1;
          }
          // Everyone else's history, so the indexes have something to skip.
          for (const clientId of others) {
            for (let v = 0; v < visitsPerOther; v++) {
              const startsAt = new Date(start + random.int(0, YEARS * 365) * DAY_MS).toISOString();
              history.appointment({ clientId, staffId: staff, serviceId: random.pick(services)!, startsAt, status: random.chance(0.05) ? 'no_show' : 'attended' });
              history.sale({ clientId, totalMinor: random.int(1500, 6000), at: startsAt });
              rows += 2;
            }
          }
        })();
        return { target, rows };
      },
      (s) => `a client with ${YEARS} years of visits and ${s.rows.toLocaleString('en')} rows of history`,
    );
    const visits = (await call('clients.statistics', { clientId: seeded.target })).visits;
    log(`the client has ${visits} visits`);
    const stats = await sample(200, () => call('clients.statistics', { clientId: seeded.target }));
    const list = await sample(50, () => call('blacklistSuggestions.list', {}));
    await host.database.close();
    return [summarize('card.stats', stats, 30), summarize('blacklist.suggestions', list)];
  });
}
