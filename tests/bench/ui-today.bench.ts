import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openApi } from '../../src-main/api/open-api';
import { launchChromium } from '../../src-main/cli/render-pdf';
import { addDays, localToInstant } from '../../src-main/engine/time/local-time';
import { localDate } from '../../src-main/engine/time/local-date';
import { startWebHost } from '../../src-main/web/host';
import { benchCaller, withBenchDb } from './bench-db';
import type { BenchResult } from './stats';
import { summarize } from './stats';

const wantedEntries = 150;
const samples = 25;
const zone = 'Europe/Madrid';

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * 150 people on one day: 10 classes of 10 booked clients and 50 appointments, with notes on some
 * cards and a few already checked in (the day is tomorrow, so it never lies in the past whatever
 * the hour the bench runs; the board is opened on that date).
 */
async function seedDay(call: ReturnType<typeof benchCaller>, day: string): Promise<number> {
  const staff = [];
  for (let i = 0; i < 5; i++) staff.push(await call('staff.create', { name: `Profesional ${i + 1}`, role: 'professional' }));
  const service = await call('services.create', { name: 'Corte', durationMin: 30, priceMinor: 2000 });
  const clients: string[] = [];
  for (let i = 0; i < wantedEntries; i++) {
    const created = await call('clients.create', {
      firstName: `Cliente ${i + 1}`,
      lastName: `Apellido ${i % 37}`,
      phone: `6${String(10_000_000 + i).padStart(8, '0')}`,
      ...(i % 7 === 0 ? { notes: 'Alergia al látex' } : {}),
    });
    clients.push(created.client.id);
  }
  let entries = 0;
  for (let s = 0; s < 10; s++) {
    const { series } = await call('series.create', {
      title: `Clase ${s + 1}`,
      organizerId: staff[s % staff.length]!.id,
      startDate: day,
      startTime: hhmm(8 * 60 + s * 60),
      durationMin: 50,
      places: 12,
    });
    const occurrence = (await call('agenda.range', { from: day, to: day })).occurrences.find((o) => o.seriesId === series.id)!;
    for (let k = 0; k < 10; k++) {
      await call('sessions.book', { occurrenceId: occurrence.id, clientId: clients[entries]! });
      entries++;
    }
  }
  for (let k = 0; entries < wantedEntries; k++) {
    await call('appointments.book', {
      clientId: clients[entries]!,
      staffId: staff[k % staff.length]!.id,
      serviceId: service.id,
      startsAt: localToInstant(day, hhmm(9 * 60 + Math.floor(k / staff.length) * 30), zone).toISOString(),
      override: true,
    });
    entries++;
  }
  return entries;
}

/**
 * ui.today.render: the "Hoy" board in Chromium with 150 people, from the board's data arriving to
 * the list painted with it (the renderer's own performance marks in src-renderer/today/TodayPage.tsx).
 * Each sample leaves for an empty day and comes back, so every render is a fresh fetch and paint.
 */
export async function uiTodayBench(log: (line: string) => void): Promise<BenchResult[]> {
  const rendererDir = resolve('out/renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first (npm run bench does)');
  return withBenchDb('ui-today', async (path) => {
    const api = await openApi(path);
    const host = await startWebHost(api, { rendererDir });
    const browser = await launchChromium();
    try {
      const day = addDays(localDate(new Date(), zone), 1);
      const entries = await seedDay(benchCaller(api), day);
      log(`seeded ${entries} people on ${day}`);
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'es-ES', timezoneId: zone });
      const full = `${host.url}#/hoy?fecha=${day}`;
      const empty = `${host.url}#/hoy?fecha=${addDays(day, 1)}`;
      await page.goto(full);

      // Evaluated in the page: the durations of the renders that painted the whole board.
      const fullRenders = `performance.getEntriesByName('today:render').filter((e) => (e.detail?.entries ?? 0) >= ${wantedEntries}).map((e) => e.duration)`;
      const count = async () => ((await page.evaluate(fullRenders)) as number[]).length;
      // Polled from here: the page's CSP forbids the eval that waitForFunction(string) needs.
      const waitForMore = async (than: number) => {
        while ((await count()) <= than) await page.waitForTimeout(10);
      };
      await waitForMore(0);
      for (let i = 0; i < samples + 3; i++) {
        const before = await count();
        await page.goto(empty);
        await page.getByText('Hoy no se espera a nadie.').waitFor();
        await page.goto(full);
        await waitForMore(before);
      }
      // The first renders warm the page up (code, fonts).
      const durations = ((await page.evaluate(fullRenders)) as number[]).slice(-samples);
      return [summarize('ui.today.render', durations, 150)];
    } finally {
      await browser.close();
      await host.close();
      await api.database.close();
    }
  });
}
