import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';
import type { ApiHost } from '../../src-main/api/open-api';
import { openApi } from '../../src-main/api/open-api';
import { startWebHost } from '../../src-main/web/host';
import { setCentreFiscal } from '../helpers/fiscal-data';

interface HostFixtures {
  /** The real API over this test's own database, for arranging data and checking results. */
  api: ApiHost;
}

/** Each test gets a fresh data folder and its own browser host on a free port (baseURL). */
export const test = base.extend<HostFixtures>({
  // Playwright reads a fixture's dependencies from this destructuring: this one has none.
  // eslint-disable-next-line no-empty-pattern
  api: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'mostrador-e2e-'));
    const api = await openApi(join(dir, 'mostrador.db'));
    // A centre that has filled Ajustes › Datos fiscales: its sales issue invoices.
    await setCentreFiscal(api);
    await use(api);
    await api.database.close();
    rmSync(dir, { recursive: true, force: true });
  },
  baseURL: async ({ api }, use) => {
    const host = await startWebHost(api, { rendererDir: resolve('out/renderer') });
    await use(host.url);
    await host.close();
  },
});

export { expect } from '@playwright/test';
