import { openApi } from '../../src-main/api/open-api';
import { benchCaller, timedSeed, withBenchDb } from './bench-db';
import { seedAppointments } from './seed-appointments';
import type { BenchResult } from './stats';
import { sample, summarize } from './stats';

/**
 * card.open: what the card's first screen asks for — the card, the header's habits and summary, the
 * custom fields of the first tab — for a client with 500 visits, on a centre of 2,000 clients and
 * 20,000 appointments over 3 years (the visits are the seeded ones, moved onto one client).
 */
export async function cardBench(log: (line: string) => void): Promise<BenchResult[]> {
  return withBenchDb('card', async (path) => {
    const host = await openApi(path);
    const call = benchCaller(host);
    const seeded = await timedSeed(
      log,
      () => seedAppointments(host, { clients: 2_000, appointments: 20_000, log }),
      (s) => `${s.clientIds.length.toLocaleString('en')} clients, ${s.appointments.toLocaleString('en')} appointments`,
    );
    const clientId = seeded.clientIds[0]!;
    // Bench set-up straight in the file: 500 of the past appointments become this client's visits.
    const moved = host.database.sqlite
      .prepare("UPDATE appointments SET client_id = ? WHERE id IN (SELECT id FROM appointments WHERE starts_at < ? ORDER BY starts_at DESC LIMIT 500)")
      .run(clientId, new Date().toISOString()).changes;
    log(`card.open: client with ${moved} visits`);

    const open = await sample(300, async () => {
      await Promise.all([
        call('clients.get', { id: clientId }),
        call('clients.stats', { clientId }),
        call('clients.cardSummary', { clientId }),
        call('customFields.list', {}),
      ]);
    });
    await host.database.close();
    return [summarize('card.open', open, 20)];
  });
}
