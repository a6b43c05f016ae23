import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestCloud } from '../helpers/test-cloud';
import { describeCloud, serverRows, startTestCloud } from '../helpers/test-cloud';
import { booking, client, fakeDesk, insert, occurrence } from './cloud-fixtures';

const root = join(import.meta.dirname, '../..');

/** The server as `npm run cloud` runs it, in its own process (so that it can be killed). */
async function spawnServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src-cloud/main.ts'), '--database-url', databaseUrl, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
  return { url, child };
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describeCloud('sync server: restarts and crashes', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(async () => {
    await cloud?.close();
  });

  it('applies nothing of a push whose server is killed mid-transaction, and all of it when sent again', async () => {
    const key = await cloud.newDeskKey();
    const setup = fakeDesk(cloud.url, await cloud.newDeskKey(), 'setup-desk');
    await setup.pushOk([insert('occurrences', occurrence('held', 10)), insert('clients', client('h0'), 'h0')]);
    const changes = [...Array.from({ length: 300 }, (_, i) => insert('clients', client(`k${i}`), `k${i}`)), insert('bookings', booking('kb', 'held', 'h0'), 'h0')];
    const logged = async () => Number((await cloud.pool.query<{ n: string }>('SELECT count(*) AS n FROM changes WHERE centre_id = $1', [cloud.centreId])).rows[0]!.n);
    const before = await logged();

    // Hold the session's row: the push writes its 300 clients, then waits for this lock to judge the booking.
    const blocker = new pg.Client({ connectionString: cloud.databaseUrl });
    blocker.on('error', () => undefined);
    await blocker.connect();
    const { url, child } = await spawnServer(cloud.databaseUrl);
    try {
      await blocker.query('BEGIN');
      await blocker.query("SELECT 1 FROM rows WHERE tbl = 'occurrences' AND row_id = '[\"held\"]' FOR UPDATE");
      const desk = fakeDesk(url, key, 'killed-desk');
      const inFlight = desk.push(changes).catch((error: unknown) => error);
      // backend_xid: its transaction has written (the clients) when it starts waiting. (Asked on the
      // pool: inside the blocker's transaction pg_stat_activity is a snapshot that never moves.)
      await until(
        async () => (await cloud.pool.query("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND wait_event_type = 'Lock' AND backend_xid IS NOT NULL")).rowCount! > 0,
        'the push to have written, then wait on the lock',
      );
      child.kill('SIGKILL');
      expect(await inFlight).toBeInstanceOf(Error);
    } finally {
      child.kill('SIGKILL');
      await blocker.query('ROLLBACK');
    }
    await until(async () => (await cloud.pool.query("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid()")).rowCount === 0, 'the killed server\'s transaction to end');
    await blocker.end();

    expect(await logged()).toBe(before);
    expect((await serverRows(cloud.pool, cloud.centreId)).clients!.map((c) => c.id)).toEqual(['h0']);
    const desks = await cloud.pool.query("SELECT applied_through FROM desks WHERE desk_id = 'killed-desk'");
    expect(desks.rowCount).toBe(0);

    // The desk sends the same batch again, to the server started again.
    await cloud.restart();
    const again = await fakeDesk(cloud.url, key, 'killed-desk').pushOk(changes);
    expect(again).toMatchObject({ appliedThrough: 301, refused: [] });
    expect(await logged()).toBe(before + 301);
  });

  it('keeps its URL and data across restart(), and a push racing a restart is whole or absent', async () => {
    const desk = fakeDesk(cloud.url, await cloud.newDeskKey(), 'racing-desk');
    const batch = desk.batch(Array.from({ length: 200 }, (_, i) => insert('clients', client(`race${i}`), `race${i}`)));
    const racing = desk.send(batch).catch(() => null);
    await cloud.restart();
    await racing;
    const count = async () => (await serverRows(cloud.pool, cloud.centreId)).clients!.filter((c) => String(c.id).startsWith('race')).length;
    expect([0, 200]).toContain(await count());
    const answer = await desk.send(batch);
    expect(answer.body).toMatchObject({ appliedThrough: 200 });
    expect(await count()).toBe(200);
  });
});
