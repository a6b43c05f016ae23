import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openApi } from '../../src-main/api/open-api';
import { monthGridOf, monthViewInput } from '../../src-shared/agenda/month-view';
import { launchChromium } from '../../src-main/cli/render-pdf';
import { addDays } from '../../src-main/engine/time/local-time';
import { localDate } from '../../src-main/engine/time/local-date';
import { startWebHost } from '../../src-main/web/host';
import { benchCaller, withBenchDb } from './bench-db';
import type { BenchResult } from './stats';
import { summarize } from './stats';

const wantedEvents = 1_000;
const samples = 25;

/** About 1,000 sessions in the current month (on the weekdays given: Monday to Saturday unless told), spread over the day and ten professionals. */
export async function seedMonth(call: ReturnType<typeof benchCaller>, today: string, weekdays = [1, 2, 3, 4, 5, 6]): Promise<number> {
  const first = `${today.slice(0, 8)}01`;
  const last = addDays(`${addDays(first, 32).slice(0, 8)}01`, -1);
  const staff = [];
  for (let i = 0; i < 10; i++) staff.push(await call('staff.create', { name: `Profesional ${i + 1}`, role: 'professional' }));
  let created = 0;
  for (let i = 0; created < wantedEvents; i++) {
    const { occurrenceCount } = await call('series.create', {
      title: `Clase ${i + 1}`,
      organizerId: staff[i % staff.length]!.id,
      startDate: first,
      startTime: `${String(7 + (i % 14)).padStart(2, '0')}:${i % 2 === 0 ? '00' : '30'}`,
      durationMin: 50,
      places: 12,
      recurrence: { weekdays, intervalWeeks: 1, end: { kind: 'until', date: last } },
    });
    created += occurrenceCount;
  }
  return created;
}

/**
 * ui.month.render: the month grid in Chromium over a month of ~1,000 sessions, from the page asking
 * agenda.range for the month (the fetch through the web host's bridge, in the month view's mode:
 * the first entries of each day and "N más") to the calendar painted with its events (the
 * renderer's own performance marks, src-renderer/agenda/render-timing.ts: agenda:fetch → agenda:render).
 * Each sample leaves the month and comes back, so every render is a fresh fetch and paint.
 */
export async function uiMonthBench(log: (line: string) => void): Promise<BenchResult[]> {
  const rendererDir = resolve('out/renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first (npm run bench does)');
  return withBenchDb('ui', async (path) => {
    const api = await openApi(path);
    const host = await startWebHost(api, { rendererDir });
    const browser = await launchChromium();
    try {
      const today = localDate(new Date(), 'Europe/Madrid');
      const call = benchCaller(api);
      const events = await seedMonth(call, today);
      // What the month grid paints of them: the answer to the month view's own call for its weeks.
      const shown = await call('agenda.range', monthViewInput(monthGridOf(today)));
      const painted = shown.occurrences.length + shown.appointments.length + shown.moreEntries.length + shown.birthdays.length + shown.moreBirthdays.length;
      log(`seeded ${events} sessions in this month: the month grid shows ${painted} entries`);
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'es-ES', timezoneId: 'Europe/Madrid' });
      await page.goto(`${host.url}#/agenda`);
      await page.getByRole('button', { name: 'Mes', exact: true }).click();
      const [back, forward] = [page.locator('.sx__chevron-wrapper').first(), page.locator('.sx__chevron-wrapper').nth(1)];

      // Evaluated in the page: the durations of the renders that painted (nearly) the whole month.
      const fullRenders = `performance.getEntriesByName('agenda:render').filter((e) => (e.detail?.events ?? 0) >= ${Math.floor(painted * 0.9)}).map((e) => e.duration)`;
      const count = async () => ((await page.evaluate(fullRenders)) as number[]).length;
      // Polled from here: the page's CSP forbids the eval that waitForFunction(string) needs.
      const waitForMore = async (than: number) => {
        while ((await count()) <= than) await page.waitForTimeout(10);
      };
      await waitForMore(0);
      for (let i = 0; i < samples + 3; i++) {
        const before = await count();
        await forward.click();
        await back.click();
        await waitForMore(before);
      }
      // The first renders warm the page up (code, fonts, Schedule-X's first month grid).
      const durations = ((await page.evaluate(fullRenders)) as number[]).slice(-samples);
      return [summarize('ui.month.render', durations, 300)];
    } finally {
      await browser.close();
      await host.close();
      await api.database.close();
    }
  });
}
