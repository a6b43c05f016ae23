import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { CallInput, CallName, CallResult } from '../../src-shared/api/contract';
import type { ApiHost } from '../../src-main/api/open-api';
import { openApi } from '../../src-main/api/open-api';
import { addDays } from '../../src-main/engine/time/local-time';
import { localDate } from '../../src-main/engine/time/local-date';
import { startWebHost } from '../../src-main/web/host';
import type { BenchResult } from './stats';
import { summarize } from './stats';

const wantedEvents = 1_000;
const samples = 25;

async function ok<C extends CallName>(api: ApiHost, name: C, input: CallInput<C>): Promise<CallResult<C>> {
  const result = await api.invoke(name, input);
  if (!result.ok) throw new Error(`${name} refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** About 1,000 sessions in the current month: 40 classes Monday to Saturday, spread over the day. */
async function seedMonth(api: ApiHost, today: string): Promise<number> {
  const first = `${today.slice(0, 8)}01`;
  const last = addDays(`${addDays(first, 32).slice(0, 8)}01`, -1);
  const staff = [];
  for (let i = 0; i < 10; i++) staff.push(await ok(api, 'staff.create', { name: `Profesional ${i + 1}`, role: 'professional' }));
  let created = 0;
  for (let i = 0; created < wantedEvents; i++) {
    const { occurrenceCount } = await ok(api, 'series.create', {
      title: `Clase ${i + 1}`,
      organizerId: staff[i % staff.length]!.id,
      startDate: first,
      startTime: `${String(7 + (i % 14)).padStart(2, '0')}:${i % 2 === 0 ? '00' : '30'}`,
      durationMin: 50,
      places: 12,
      recurrence: { weekdays: [1, 2, 3, 4, 5, 6], intervalWeeks: 1, end: { kind: 'until', date: last } },
    });
    created += occurrenceCount;
  }
  return created;
}

/**
 * ui.month.render: the month grid in Chromium with ~1,000 events, from the data turning into
 * events to the calendar painted (the renderer's own performance marks, src-renderer/agenda/render-timing.ts).
 * Each sample leaves the month and comes back, so every render is a fresh fetch and paint.
 */
export async function uiMonthBench(log: (line: string) => void): Promise<BenchResult[]> {
  const rendererDir = resolve('out/renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first (npm run bench does)');
  const dir = mkdtempSync(join(tmpdir(), 'mostrador-bench-ui-'));
  const api = await openApi(join(dir, 'mostrador.db'));
  const host = await startWebHost(api, { rendererDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const events = await seedMonth(api, localDate(new Date(), 'Europe/Madrid'));
    log(`seeded ${events} sessions in this month`);
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'es-ES', timezoneId: 'Europe/Madrid' });
    await page.goto(`${host.url}#/agenda`);
    await page.getByRole('button', { name: 'Mes', exact: true }).click();
    const [back, forward] = [page.locator('.sx__chevron-wrapper').first(), page.locator('.sx__chevron-wrapper').nth(1)];

    // Evaluated in the page: the durations of the renders that painted (nearly) the whole month.
    const fullRenders = `performance.getEntriesByName('agenda:render').filter((e) => (e.detail?.events ?? 0) >= ${wantedEvents * 0.9}).map((e) => e.duration)`;
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
    rmSync(dir, { recursive: true, force: true });
  }
}
