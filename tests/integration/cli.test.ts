import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApi } from '../../src-main/api/open-api';
import { listCalls } from '../../src-main/cli/list-calls';
import { pdfText } from '../helpers/pdf-text';
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
    const calls = JSON.parse(stdout) as { call: string; kind: string; roles: string[]; input: { type?: string; properties?: object } }[];
    const create = calls.find((c) => c.call === 'clients.create');
    expect(create?.kind).toBe('command');
    expect(calls.find((c) => c.call === 'sales.void')?.roles).toEqual(['owner', 'manager']);
    expect(create?.input.properties).toHaveProperty('firstName');
    expect(calls.map((c) => c.call)).toContain('tags.list');
  });

  it('writes its whole output into a pipe, even one read slowly (not cut at the 64 KiB pipe buffer)', { timeout: 60_000 }, async () => {
    const expected = Buffer.byteLength(`${JSON.stringify(listCalls(), null, 2)}\n`);
    expect(expected).toBeGreaterThan(65_536);
    for (const reader of ['wc -c', '(sleep 1; wc -c)']) {
      const { stdout } = await run('sh', ['-c', `npx tsx src-main/cli/main.ts api --list | ${reader}`], { cwd: process.cwd() });
      expect(Number(stdout.trim())).toBe(expected);
    }
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

  it('prints the daily list as text and renders it to a PDF with Chromium', { timeout: 60_000 }, async () => {
    const arrange = await openApi(temp.path);
    const ok = async <T>(result: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> => {
      const r = await result;
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value;
    };
    const date = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const staff = await ok(arrange.invoke('staff.create', { name: 'Inés Navarro', role: 'professional' }));
    const { series } = await ok(arrange.invoke('series.create', { title: 'Yoga suave', organizerId: staff.id, startDate: date, startTime: '18:30', durationMin: 60, places: 8 }));
    const { client } = await ok(arrange.invoke('clients.create', { firstName: 'Nuria', lastName: 'Sanz', phone: '612 00 11 22', notes: 'Alergia al látex' }));
    const { occurrences } = await ok(arrange.invoke('agenda.range', { from: date, to: date }));
    const occurrence = occurrences.find((o) => o.seriesId === series.id)!;
    await ok(arrange.invoke('sessions.book', { occurrenceId: occurrence.id, clientId: client.id }));
    await arrange.database.close();

    const text = await cli('daily-list', '--date', date);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Lista del día');
    // A tick box, start–end, the session's places (1 of 8 held), when it was printed; the waitlist apart (none here).
    expect(text.stdout).toMatch(/\[ \]\s+18:30–19:30\s+Nuria Sanz\s+\+34 612 00 11 22\s+Yoga suave\s+1\/8\s+Inés Navarro\s+Reservado\s+⚠ Alergia al látex/);
    expect(text.stdout).toMatch(/Impresa el \d{1,2}\/\d{1,2}\/\d{2,4},? \d{1,2}:\d{2}/);
    expect(text.stdout).not.toContain('En lista de espera');

    const pdf = join(temp.dir, 'lista.pdf');
    const rendered = await cli('daily-list', '--date', date, '--pdf', pdf);
    expect(rendered.code).toBe(0);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(pdf)).toMatch(/18:30–19:30 Nuria Sanz \+34 612 00 11 22 Yoga suave/);
  });
});

describe('CLI sign-in', () => {
  it('signs in with --staff/--pin once PINs are on, and an approval with --approver/--approver-pin', { timeout: 60_000 }, async () => {
    const own = await openTempApi();
    const owner = await own.call('staff.create', { name: 'Olga', role: 'owner' });
    const desk = await own.call('staff.create', { name: 'Rita', role: 'reception' });
    await own.call('auth.signIn', { staffId: owner.id });
    await own.call('staff.setPin', { staffId: owner.id, pin: '1357' });
    await own.call('staff.setPin', { staffId: desk.id, pin: '2468' });
    const corte = await own.call('services.create', { name: 'Corte', durationMin: 30, priceMinor: 1500 });
    await own.host.database.close();
    const on = (...args: string[]) =>
      run('npx', ['tsx', 'src-main/cli/main.ts', '--db', own.path, ...args], { cwd: process.cwd() }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    try {
      const anonymous = await on('api', 'clients.search', '{}');
      expect(anonymous.code).toBe(1);
      expect(JSON.parse(anonymous.stdout)).toMatchObject({ ok: false, error: { code: 'sign_in_required' } });
      const wrong = await on('--staff', desk.id, '--pin', '0000', 'api', 'clients.search', '{}');
      expect(JSON.parse(wrong.stdout)).toMatchObject({ ok: false, error: { code: 'pin_wrong', field: 'pin' } });
      const sale = await on('--staff', desk.id, '--pin', '2468', 'api', 'checkout.commit', JSON.stringify({ lines: [{ kind: 'service', serviceId: corte.id }], payments: [{ method: 'cash', amountMinor: 1500 }] }));
      expect(sale.code).toBe(0);
      const saleId = (JSON.parse(sale.stdout) as { value: { id: string } }).value.id;
      const refused = await on('--staff', desk.id, '--pin', '2468', 'api', 'sales.void', JSON.stringify({ id: saleId, reason: 'Error' }));
      expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const approved = await on('--staff', desk.id, '--pin', '2468', '--approver', owner.id, '--approver-pin', '1357', 'api', 'sales.void', JSON.stringify({ id: saleId, reason: 'Error' }));
      expect(JSON.parse(approved.stdout)).toEqual({ ok: true, value: expect.objectContaining({ status: 'voided' }) });
      // A copy of everything is an export: a receptionist may not make one.
      const backup = await on('--staff', desk.id, '--pin', '2468', 'backup', join(own.dir, 'copy.db'));
      expect(JSON.parse(backup.stdout)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(existsSync(join(own.dir, 'copy.db'))).toBe(false);
    } finally {
      rmSync(own.dir, { recursive: true, force: true });
    }
  });
});
