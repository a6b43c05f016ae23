/**
 * kill -9 at a random moment, again and again: a desk process writes through the real API (opening
 * the file, the start-up jobs, cards, sales) and is SIGKILLed at a random instant; after each kill
 * the file passes integrity_check, every write that was acknowledged is there, and the feed has no
 * gap. KILL_NINE_ROUNDS sets the number of rounds (100 unless told).
 *
 * Each round is a new process. Its code is bundled once (vite, as the app's hosts are) and run by
 * plain node, so a start costs ~0.1 s; the next process loads while the current one works.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Sqlite from 'better-sqlite3';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApi } from '../../src-main/api/open-api';
import { feedIsGapless, integrity } from '../helpers/row-counts';
import type { KillNineOrders } from './kill-nine-worker';

const rounds = Number(process.env.KILL_NINE_ROUNDS ?? 100);
/**
 * Half the rounds are killed within this many ms of the go (while opening the file, migrating,
 * running the start-up jobs), the other half within this many ms of the file being open (while
 * writing), whatever the machine's load.
 */
const openingLifeMs = 100;
const writingLifeMs = 150;

let buildDir: string;
let dataDir: string;
let workerScript: string;
let orders: KillNineOrders;

beforeAll(async () => {
  // Inside the repository (.tmp is ignored), so the bundle finds better-sqlite3 in node_modules.
  mkdirSync(resolve('.tmp'), { recursive: true });
  buildDir = mkdtempSync(join(resolve('.tmp'), 'kill-nine-'));
  await build({
    configFile: false,
    logLevel: 'error',
    root: process.cwd(),
    build: {
      ssr: join(import.meta.dirname, 'kill-nine-worker.ts'),
      outDir: buildDir,
      target: 'node22',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'worker.mjs' } },
    },
    ssr: { noExternal: true, external: ['better-sqlite3'] },
  });
  workerScript = join(buildDir, 'worker.mjs');

  dataDir = mkdtempSync(join(tmpdir(), 'mostrador-kill-nine-'));
  const dbPath = join(dataDir, 'mostrador.db');
  const host = await openApi(dbPath);
  const service = await host.invoke('services.create', { name: 'Corte de pelo', durationMin: 60, priceMinor: 2500 });
  const client = await host.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz' });
  if (!service.ok || !client.ok) throw new Error('arranging failed');
  orders = { dbPath, serviceId: service.value.id, clientId: client.value.client.id };
  await host.database.close();
}, 60_000);

afterAll(() => {
  rmSync(buildDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

interface Desk {
  child: ChildProcessWithoutNullStreams;
  loaded: Promise<void>;
  /** The API is open: the writes start. */
  opened: Promise<void>;
  exited: Promise<void>;
  /** Every complete line it printed. */
  lines: string[];
  stderr: () => string;
}

function startDesk(): Desk {
  const child = spawn(process.execPath, [workerScript], { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  let markLoaded: () => void = () => {};
  const loaded = new Promise<void>((done) => (markLoaded = done));
  let markOpened: () => void = () => {};
  const opened = new Promise<void>((done) => (markOpened = done));
  child.stdout.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const parts = text.split('\n');
    // A line cut short by the kill was never acknowledged.
    partial = parts.pop() ?? '';
    for (const line of parts) {
      if (line === 'loaded') markLoaded();
      else if (line === 'open') markOpened();
      else lines.push(line);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((done) => child.on('close', () => done()));
  return { child, loaded, opened, exited, lines, stderr: () => stderr };
}

interface Ack {
  table: 'clients' | 'sales';
  id: string;
}

/** One round: go, a random while (from the go, or from the open when `whileWriting`), SIGKILL; answers the writes it acknowledged. */
async function killAtRandom(desk: Desk, whileWriting: boolean): Promise<Ack[]> {
  await desk.loaded;
  desk.child.stdin.write(`${JSON.stringify(orders)}\n`);
  let timer: NodeJS.Timeout | undefined;
  const kill = () => desk.child.kill('SIGKILL');
  if (whileWriting) void desk.opened.then(() => (timer = setTimeout(kill, Math.random() * writingLifeMs)));
  else timer = setTimeout(kill, Math.random() * openingLifeMs);
  await desk.exited;
  clearTimeout(timer);
  // Anything but our SIGKILL (a write refused, a crash) fails the test with what it said.
  expect(desk.child.signalCode, desk.stderr()).toBe('SIGKILL');
  return desk.lines.filter((line) => line.startsWith('ack ')).map((line) => {
    const [, table, id] = line.split(' ');
    return { table: table as Ack['table'], id: id! };
  });
}

describe('kill -9 while writing', () => {
  it(`leaves a sound file with every acknowledged write, over ${rounds} rounds`, { timeout: Math.max(90_000, rounds * 1_500) }, async (context) => {
    const acknowledged: Ack[] = [];
    let roundsWithWrites = 0;
    let spare = startDesk();
    try {
      for (let round = 0; round < rounds; round++) {
        const desk = spare;
        spare = startDesk();
        const acks = await killAtRandom(desk, round % 2 === 1);
        acknowledged.push(...acks);
        if (acks.length > 0) roundsWithWrites++;

        const sqlite = new Sqlite(orders.dbPath);
        try {
          expect(integrity(sqlite), `round ${round}`).toBe('ok');
          const last = acks.at(-1);
          if (last) expect(sqlite.prepare(`SELECT count(*) FROM ${last.table} WHERE id = ?`).pluck().get(last.id), `round ${round}: ${last.id}`).toBe(1);
          for (const ack of acks) expect(sqlite.prepare(`SELECT count(*) FROM ${ack.table} WHERE id = ?`).pluck().get(ack.id)).toBe(1);
          expect(feedIsGapless(sqlite), `round ${round}`).toBe(true);
        } finally {
          sqlite.close();
        }
      }
    } finally {
      spare.child.kill('SIGKILL');
    }

    // Every write acknowledged in any round is still there at the end, each with its audit entry.
    const sqlite = new Sqlite(orders.dbPath);
    try {
      for (const ack of acknowledged) {
        expect(sqlite.prepare(`SELECT count(*) FROM ${ack.table} WHERE id = ?`).pluck().get(ack.id)).toBe(1);
      }
      const clientIds = acknowledged.filter((a) => a.table === 'clients').map((a) => a.id);
      const audited = new Set(sqlite.prepare("SELECT entity_id FROM change_log WHERE call = 'clients.create'").pluck().all() as string[]);
      expect(clientIds.filter((id) => !audited.has(id))).toEqual([]);
      expect(integrity(sqlite)).toBe('ok');
    } finally {
      sqlite.close();
    }
    await context.annotate(`${acknowledged.length} acknowledged writes; ${roundsWithWrites} of ${rounds} rounds wrote before the kill`);
    // The kills landed both before the first write and in the middle of writing.
    if (rounds >= 2) {
      expect(roundsWithWrites).toBeGreaterThan(0);
      expect(roundsWithWrites).toBeLessThan(rounds);
    }
  });
});
