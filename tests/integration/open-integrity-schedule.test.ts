/**
 * The start-up quick_check is skipped only for a file as this app last closed it (integrity-schedule.ts):
 * damage written to it since, by anything, is still found before anything is written.
 */
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApi } from '../../src-main/api/open-api';
import { cleanCloseRecordPath } from '../../src-main/db/integrity-schedule';
import { isOpenProblem, openDatabaseOrExplain } from '../../src-main/db/open-problem';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function closedCentre(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mostrador-integrity-'));
  dirs.push(dir);
  const path = join(dir, 'mostrador.db');
  const host = await openApi(path);
  for (let i = 0; i < 150; i++) {
    const r = await host.invoke('clients.create', { firstName: `Cliente ${i}`, lastName: 'Muñoz', notes: 'Notas '.repeat(40) });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  await host.database.close();
  return path;
}

describe('the start-up integrity check on a file the app closed cleanly', () => {
  it('reopens it (the clean close is recorded), and still finds damage written to it since', async () => {
    const path = await closedCentre();
    expect(existsSync(cleanCloseRecordPath(path))).toBe(true);
    const again = await openDatabaseOrExplain(path);
    expect(isOpenProblem(again)).toBe(false);
    if (!isOpenProblem(again)) await again.close();

    const pageSize = 4096;
    const pages = statSync(path).size / pageSize;
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, Math.floor(pages / 2) * pageSize);
    closeSync(fd);
    const damaged = await openDatabaseOrExplain(path);
    expect(damaged).toMatchObject({ problem: 'database_damaged', path });
  });
});
