import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';

const run = promisify(execFile);
let temp: TempApi;

beforeAll(async () => {
  temp = await openTempApi();
  await temp.host.database.close();
});
afterAll(async () => {
  await temp.close().catch(() => undefined);
});

/** The CLI as the README runs it, on this test's own database. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run('npx', ['tsx', 'src-main/cli/main.ts', '--db', temp.path, ...args], { cwd: process.cwd() });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('CLI', () => {
  it('lists every call with its input as JSON Schema', async () => {
    const { code, stdout } = await cli('api', '--list');
    expect(code).toBe(0);
    const calls = JSON.parse(stdout) as { call: string; writes: boolean; input: { type?: string; properties?: object } }[];
    const create = calls.find((c) => c.call === 'clients.create');
    expect(create?.writes).toBe(true);
    expect(create?.input.properties).toHaveProperty('firstName');
    expect(calls.map((c) => c.call)).toContain('tags.list');
  });

  it('calls the API, prints JSON, and exits 1 with the error on a refusal', async () => {
    const created = await cli('api', 'clients.create', JSON.stringify({ firstName: 'José', lastName: 'Muñoz' }));
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ ok: true, value: { client: { firstName: 'José' } } });
    const found = JSON.parse((await cli('api', 'clients.search', '{"query":"munoz"}')).stdout) as { value: { total: number } };
    expect(found.value.total).toBe(1);
    const refused = await cli('api', 'clients.create', '{"firstName":"Ana","phone":"abc"}');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'invalid_phone', field: 'phone' } });
    const badJson = await cli('api', 'clients.create', '{oops');
    expect(badJson.code).toBe(1);
    expect(JSON.parse(badJson.stdout)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('writes a consistent backup that opens with the same data', async () => {
    const target = join(temp.dir, 'copia.db');
    const { code } = await cli('backup', target);
    expect(code).toBe(0);
    expect(existsSync(target)).toBe(true);
    const copy = await cli('--db', target, 'api', 'clients.search', '{"query":"jose"}');
    expect((JSON.parse(copy.stdout) as { value: { total: number } }).value.total).toBe(1);
  });
});
