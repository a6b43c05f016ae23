import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { openApi } from '../../src-main/api/open-api';
import { launchChromium } from '../../src-main/cli/render-pdf';
import { localDate } from '../../src-main/engine/time/local-date';
import { startWebHost } from '../../src-main/web/host';
import { benchCaller, withBenchDb } from './bench-db';
import type { BenchResult } from './stats';
import { percentile, summarize } from './stats';
import { seedMonth } from './ui-month.bench';

const samples = 20;

type View = 'week' | 'team' | 'month';

/**
 * Clicks a view's button in the page and waits, frame by frame, until that view shows its own data
 * (not the previous view's, kept while the new range loads), then one more frame: the switch in ms.
 */
async function switchTo(page: Page, view: View, label: string): Promise<number> {
  // A string, not a function: tsx's name helpers do not exist in the page.
  const script = `(async () => {
    const view = ${JSON.stringify(view)};
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    const button = [...document.querySelectorAll('.agenda-header .segment')].find((b) => b.textContent === ${JSON.stringify(label)});
    if (!button) throw new Error('no ' + view + ' button');
    const shown = () => {
      const body = document.querySelector('.agenda-body');
      if (!body || body.getAttribute('aria-busy') !== 'false') return false;
      if (view === 'team') {
        const n = document.querySelectorAll('.team-view .team-entry').length;
        return n > 0 && n <= 60;
      }
      const calendar = document.querySelector('.agenda-calendar:not([hidden])');
      if (!calendar) return false;
      if (view === 'week') return calendar.querySelectorAll('.sx__week-grid .sx__time-grid-event').length >= 30;
      return calendar.querySelectorAll('.sx__month-grid-event').length > 50;
    };
    const start = performance.now();
    button.click();
    for (let i = 0; i < 600 && !shown(); i++) await frame();
    if (!shown()) throw new Error(view + ' never showed its data');
    await frame();
    return performance.now() - start;
  })()`;
  return (await page.evaluate(script)) as number;
}

/**
 * ui.view.switch: the agenda's views in Chromium with ~1,000 events in the month: week → team → month
 * (and back to week), from the click to the new view painted with its own data.
 */
export async function uiViewsBench(log: (line: string) => void): Promise<BenchResult[]> {
  const rendererDir = resolve('out/renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first (npm run bench does)');
  return withBenchDb('ui-views', async (path) => {
    const api = await openApi(path);
    const host = await startWebHost(api, { rendererDir });
    const browser = await launchChromium();
    try {
      const events = await seedMonth(benchCaller(api), localDate(new Date(), 'Europe/Madrid'), [1, 2, 3, 4, 5, 6, 7]);
      log(`seeded ${events} sessions in this month`);
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'es-ES', timezoneId: 'Europe/Madrid' });
      await page.goto(`${host.url}#/agenda`);
      await page.getByRole('button', { name: 'Semana', exact: true }).click();
      await page.locator('.sx__week-grid .sx__time-grid-event').first().waitFor();
      const steps: [View, string][] = [
        ['team', 'Equipo'],
        ['month', 'Mes'],
        ['week', 'Semana'],
      ];
      const byView: Record<View, number[]> = { week: [], team: [], month: [] };
      // The first two rounds warm the page up (code, fonts, Schedule-X's first grids).
      for (let round = 0; round < samples + 2; round++) {
        for (const [view, label] of steps) {
          const ms = await switchTo(page, view, label);
          if (round >= 2) byView[view].push(ms);
        }
      }
      for (const view of ['team', 'month', 'week'] as const) log(`→ ${view}: p50 ${percentile(byView[view], 50).toFixed(1)} ms, p95 ${percentile(byView[view], 95).toFixed(1)} ms`);
      return [summarize('ui.view.switch', [...byView.team, ...byView.month, ...byView.week], 300)];
    } finally {
      await browser.close();
      await host.close();
      await api.database.close();
    }
  });
}
