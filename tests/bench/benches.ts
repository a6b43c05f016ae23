import { agendaBench } from './agenda.bench';
import { appointmentsBench } from './appointments.bench';
import { backupBench } from './backup.bench';
import { cardBench } from './card.bench';
import { checkoutBench } from './checkout.bench';
import { clientsBench } from './clients.bench';
import { clientImportBench } from './client-import.bench';
import { clientStatsBench } from './client-stats.bench';
import { commitFloorBench } from './commit-floor.bench';
import { feedBench } from './feed.bench';
import type { BenchOutput, BenchResult } from './stats';
import { syncDeskBench } from './sync-desk.bench';
import { syncPushBench } from './sync-push.bench';
import { uiMonthBench } from './ui-month.bench';
import { uiTodayBench } from './ui-today.bench';

/** Every bench module, in order: each later issue appends its own. */
export const benches: Record<string, (log: (line: string) => void) => Promise<BenchResult[] | BenchOutput>> = {
  clients: clientsBench,
  'commit-floor': commitFloorBench,
  agenda: agendaBench,
  ui: uiMonthBench,
  appointments: appointmentsBench,
  checkout: checkoutBench,
  feed: feedBench,
  backup: backupBench,
  sync: syncPushBench,
  'sync-desk': syncDeskBench,
  'ui-today': uiTodayBench,
  'ui-views': async (log) => (await import('./ui-views.bench')).uiViewsBench(log),
  'ui-load': async (log) => (await import('./ui-load.bench')).uiLoadBench(log),
  'client-stats': clientStatsBench,
  card: cardBench,
  'client-import': clientImportBench,
  'fiscal-verify': async (log) => (await import('./fiscal-verify.bench')).fiscalVerifyBench(log),
  'till-close': async (log) => (await import('./till-close.bench')).tillCloseBench(log),
  // Only with `npm run bench -- --scale N` (run.ts skips it otherwise): seeds N× the centre.
  scale: async (log) => (await import('./scale.bench')).scaleBench(log),
  cli: async (log) => (await import('./cli.bench')).cliBench(log),
  time: async () => (await import('./time.bench')).timeBench(),
};
