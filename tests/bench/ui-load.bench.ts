import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openApi } from '../../src-main/api/open-api';
import { launchChromium } from '../../src-main/cli/render-pdf';
import { seedDemo } from '../../src-main/cli/seed-demo';
import { startWebHost } from '../../src-main/web/host';
import { withBenchDb } from './bench-db';
import type { BenchResult } from './stats';
import { summarize } from './stats';

const samples = 20;
const warmup = 2;

/** The first screen is painted: the page's heading shows and nothing in it is still loading. */
const firstScreen = '#main h1';

/**
 * ui.first.load: the built renderer (out/renderer) loaded cold — a new browser context each time, so
 * nothing is cached — through the browser host on the demo centre, from the navigation to the first screen
 * painted (its heading visible, then two animation frames: what the desk sees has been drawn).
 * Also logs the size of the JavaScript the first screen needs against the whole bundle.
 */
export async function uiLoadBench(log: (line: string) => void): Promise<BenchResult[]> {
  const rendererDir = resolve('out/renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first (npm run bench does)');
  const assets = join(rendererDir, 'assets');
  const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const total = scripts.reduce((sum, f) => sum + statSync(join(assets, f)).size, 0);
  return withBenchDb('ui-load', async (path) => {
    const api = await openApi(path);
    const seeded = await seedDemo(api.invoke);
    log(`seeded the demo centre (${seeded.clientsCreated} clients)`);
    const host = await startWebHost(api, { rendererDir });
    const browser = await launchChromium();
    try {
      const durations: number[] = [];
      let loaded = 0;
      for (let i = 0; i < samples + warmup; i++) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'es-ES', timezoneId: 'Europe/Madrid' });
        const page = await context.newPage();
        const bodies: Promise<number>[] = [];
        page.on('response', (response) => {
          if (response.url().endsWith('.js')) bodies.push(response.body().then((b) => b.length, () => 0));
        });
        const start = performance.now();
        await page.goto(host.url, { waitUntil: 'commit' });
        await page.locator(firstScreen).first().waitFor({ state: 'visible' });
        // Evaluated in the page (a string: this file is typed for Node, not the DOM).
        await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null))))');
        const elapsed = performance.now() - start;
        if (i >= warmup) durations.push(elapsed);
        // The scripts the first screen loaded (the page keeps a live connection open: never "network idle").
        loaded = (await Promise.all(bodies)).reduce((sum, n) => sum + n, 0);
        await context.close();
      }
      log(`first screen's JavaScript ${(loaded / 1024).toFixed(0)} kB of ${(total / 1024).toFixed(0)} kB in ${scripts.length} chunks`);
      return [summarize('ui.first.load', durations, 1_000)];
    } finally {
      await browser.close();
      await host.close();
      await api.database.close();
    }
  });
}
