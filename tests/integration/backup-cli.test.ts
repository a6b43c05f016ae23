import { execFile } from 'node:child_process';
import { closeSync, copyFileSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApi } from '../../src-main/api/open-api';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';

const run = promisify(execFile);
let temp: TempApi;

beforeAll(async () => {
  temp = await openTempApi();
  await temp.call('settings.update', { name: 'Centro Alba' });
  await temp.call('clients.create', { firstName: 'Ana', lastName: 'López' });
  await temp.host.database.close();
});
afterAll(async () => {
  await temp.close().catch(() => undefined);
});

/** The CLI as the README runs it, on this test's own database; stdout parsed as JSON. */
async function cli(...args: string[]): Promise<{ code: number; answer: { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } } }> {
  try {
    const { stdout } = await run('npx', ['tsx', 'src-main/cli/main.ts', '--db', temp.path, ...args], { cwd: process.cwd() });
    return { code: 0, answer: JSON.parse(stdout) as never };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, answer: failed.stdout ? (JSON.parse(failed.stdout) as never) : { ok: false } };
  }
}

async function clientCount(): Promise<number> {
  const { answer } = await cli('api', 'clients.search', '{"query":""}');
  return (answer.value as { total: number }).total;
}

describe('CLI backup, restore and verify', { timeout: 60_000 }, () => {
  it('backup with no FILE makes a rotated manual backup in backups/, checked', async () => {
    const { code, answer } = await cli('backup');
    expect(code).toBe(0);
    expect(answer.value).toMatchObject({ kind: 'manual', state: 'ok', where: 'data', contents: { centreName: 'Centro Alba', counts: { clients: 1 } } });
    expect(readdirSync(join(temp.dir, 'backups')).filter((f) => f.endsWith('-manual.db'))).toHaveLength(1);
  });

  it('backup FILE writes a checked copy anywhere, and never over the database itself', async () => {
    const target = join(temp.dir, 'copia.db');
    const { code, answer } = await cli('backup', target);
    expect(code).toBe(0);
    expect(answer.value).toMatchObject({ backup: target, contents: { counts: { clients: 1 } } });
    expect(statSync(target).size).toBeGreaterThan(0);
    expect(await cli('backup', temp.path)).toMatchObject({ code: 1, answer: { ok: false, error: { code: 'invalid_input' } } });
  });

  it('verify checks the database itself, or a backup, and refuses a damaged one', async () => {
    const live = await cli('verify');
    expect(live).toMatchObject({ code: 0, answer: { ok: true, value: { centreName: 'Centro Alba', counts: { clients: 1 } } } });
    const copy = join(temp.dir, 'copia.db');
    expect((await cli('verify', copy)).code).toBe(0);
    const damaged = join(temp.dir, 'dañada.db');
    copyFileSync(copy, damaged);
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(statSync(damaged).size / 2));
    closeSync(fd);
    expect(await cli('verify', damaged)).toMatchObject({ code: 1, answer: { ok: false, error: { code: 'backup_damaged', message: 'La copia de seguridad está dañada y no se puede usar.' } } });
  });

  it('restore FILE replaces the data and keeps the current database aside; undo puts it back', async () => {
    await cli('api', 'clients.create', '{"firstName":"Bea"}');
    expect(await clientCount()).toBe(2);
    const restored = await cli('restore', join(temp.dir, 'copia.db'));
    expect(restored).toMatchObject({ code: 0, answer: { ok: true, value: { contents: { counts: { clients: 1 } } } } });
    expect(String(restored.answer.value?.keptAside)).toMatch(/before-restore\.db$/);
    expect(await clientCount()).toBe(1);
    expect((await cli('api', 'backups.undoRestore', '{}')).code).toBe(0);
    expect(await clientCount()).toBe(2);
    expect(await cli('restore')).toMatchObject({ code: 2 });
  });

  it('once PINs are on, backup, restore and verify are for owners and managers', async () => {
    const arrange = await openApi(temp.path);
    const must = async <T,>(result: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> => {
      const r = await result;
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value;
    };
    const owner = await must(arrange.invoke('staff.create', { name: 'Olga Dueña', role: 'owner' }));
    const desk = await must(arrange.invoke('staff.create', { name: 'Rita Recepción', role: 'reception' }));
    await must(arrange.invoke('auth.signIn', { staffId: owner.id }));
    await must(arrange.invoke('staff.setPin', { staffId: owner.id, pin: '1111' }));
    await must(arrange.invoke('staff.setPin', { staffId: desk.id, pin: '3333' }));
    await arrange.database.close();

    const asDesk = ['--staff', desk.id, '--pin', '3333'];
    for (const command of [['backup'], ['backup', join(temp.dir, 'otra.db')], ['restore', join(temp.dir, 'copia.db')], ['verify']]) {
      expect(await cli(...asDesk, ...command), command.join(' ')).toMatchObject({ code: 1, answer: { ok: false, error: { code: 'forbidden' } } });
    }
    expect((await cli('--staff', owner.id, '--pin', '1111', 'backup')).code).toBe(0);
  });
});
