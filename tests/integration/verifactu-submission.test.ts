import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallResult } from '../../src-shared/api/contract';
import type { ApiHost } from '../../src-main/api/open-api';
import { openApi } from '../../src-main/api/open-api';
import type { AeatTestServer } from '../helpers/aeat-test-server';
import { startAeatTestServer } from '../helpers/aeat-test-server';
import { chainRecords, insertChain } from '../helpers/fiscal-chain';

/*
 * The submission queue against a local test server that answers as the AEAT's documents describe
 * (tests/helpers/aeat-test-server.ts). The real AEAT service cannot be reached from here (no internet,
 * no qualified certificate): nothing in these tests talks to it.
 */

let dir: string;
let server: AeatTestServer;
let host: ApiHost;
let clock: number;

async function open(): Promise<ApiHost> {
  return openApi(join(dir, 'mostrador.db'), { fiscal: { now: () => new Date(clock), random: () => 1, timeoutMs: 1500 } });
}

async function call<C extends CallName>(name: C, input: CallInput<C>): Promise<CallResult<C>> {
  const result = await host.invoke(name, input);
  if (!result.ok) throw new Error(`${name} refused: ${JSON.stringify(result.error)}`);
  return result.value as never;
}

function rows() {
  return host.database.sqlite
    .prepare('SELECT s.seq, s.status, s.attempts, s.next_attempt_at, s.error_code, s.error_message, s.csv, r.invoice_number FROM fiscal_submissions s JOIN fiscal_records r ON r.id = s.record_id ORDER BY s.seq')
    .all() as { seq: number; status: string; attempts: number; next_attempt_at: string | null; error_code: string | null; error_message: string | null; csv: string | null; invoice_number: string }[];
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mostrador-verifactu-'));
  clock = Date.parse('2027-01-04T10:00:00Z');
  server = await startAeatTestServer();
  host = await open();
  await call('fiscal.endpoint.set', { enabled: true, url: server.url, certificateFile: null });
});

afterEach(async () => {
  await host.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('submitting VERI*FACTU records to a local test server (never the real AEAT)', () => {
  it('sends the waiting records in queue order, records the CSV, then waits the agency\'s TiempoEsperaEnvio', async () => {
    const records = chainRecords(8);
    insertChain(host.database.sqlite, records.slice(0, 5), { enqueue: true });
    expect((await call('fiscal.status', {})).waiting).toBe(5);

    const first = await call('fiscal.submitNow', {});
    expect(first.run).toMatchObject({ outcome: 'sent', answered: 5 });
    expect(server.submissions[0]!.records.map((r) => r.number)).toEqual(records.slice(0, 5).map((r) => r.invoice_number));
    expect(server.submissions[0]!.records.map((r) => r.fingerprint)).toEqual(records.slice(0, 5).map((r) => r.fingerprint));
    expect(server.submissions[0]!.issuer).toEqual({ name: 'Salón Lucía SL', taxId: 'B76543214' });
    expect(rows().every((r) => r.status === 'accepted' && r.csv === 'A-TEST000000000001')).toBe(true);
    expect(first.status).toMatchObject({ enabled: true, waiting: 0, retry: null, rejections: [], lastSubmission: { csv: 'A-TEST000000000001' } });

    // Three more: the agency said to wait 60 s between submissions.
    insertChain(host.database.sqlite, records.slice(5), { enqueue: true });
    const early = await call('fiscal.submitNow', {});
    expect(early.run).toMatchObject({ outcome: 'waiting', notBefore: new Date(clock + 60_000).toISOString() });
    expect(server.submissions).toHaveLength(1);
    clock += 61_000;
    expect((await call('fiscal.submitNow', {})).run).toMatchObject({ outcome: 'sent', answered: 3 });
    expect(server.submissions[1]!.records.map((r) => r.number)).toEqual(records.slice(5).map((r) => r.invoice_number));
  });

  it('sends at most 1000 records in one submission, the rest after', async () => {
    const records = chainRecords(1003);
    insertChain(host.database.sqlite, records, { enqueue: true });
    await call('fiscal.submitNow', {});
    expect(server.submissions[0]!.records).toHaveLength(1000);
    clock += 61_000;
    await call('fiscal.submitNow', {});
    expect(server.submissions[1]!.records.map((r) => r.number)).toEqual(records.slice(1000).map((r) => r.invoice_number));
    expect((await call('fiscal.status', {})).waiting).toBe(0);
  });

  it('after an HTTP 500 keeps the records pending with the reason, backs off, then succeeds; nothing goes out of order', async () => {
    const records = chainRecords(4);
    insertChain(host.database.sqlite, records.slice(0, 2), { enqueue: true });
    server.next.push('http500');
    const failed = await call('fiscal.submitNow', {});
    expect(failed.run).toMatchObject({ outcome: 'failed', answered: 0, failure: { code: 'fiscal_server_error', detail: 'HTTP 500' } });
    // random() = 1: the first retry waits the whole ceiling of 10 s.
    expect(rows().map((r) => [r.status, r.attempts, r.next_attempt_at, r.error_code])).toEqual([
      ['pending', 1, new Date(clock + 10_000).toISOString(), 'fiscal_server_error'],
      ['pending', 1, new Date(clock + 10_000).toISOString(), 'fiscal_server_error'],
    ]);
    expect(failed.status.retry).toMatchObject({ attempts: 1, nextAttemptAt: new Date(clock + 10_000).toISOString() });
    expect(failed.status.retry?.reason).toContain('HTTP 500');

    // A record queued meanwhile waits behind them; the timer's run before the backoff sends nothing.
    insertChain(host.database.sqlite, records.slice(2), { enqueue: true });
    expect(await host.fiscal.submitDue()).toMatchObject({ outcome: 'waiting', notBefore: new Date(clock + 10_000).toISOString() });
    expect(server.submissions).toHaveLength(1);

    // A second failure doubles the wait.
    clock += 10_000;
    server.next.push('http500');
    expect(await host.fiscal.submitDue()).toMatchObject({ outcome: 'failed', notBefore: new Date(clock + 20_000).toISOString() });
    expect(server.submissions[1]!.records.map((r) => r.number)).toEqual(records.map((r) => r.invoice_number));

    clock += 20_000;
    expect(await host.fiscal.submitDue()).toMatchObject({ outcome: 'sent', answered: 4 });
    expect(server.submissions[2]!.records.map((r) => r.number)).toEqual(records.map((r) => r.invoice_number));
    expect(rows().map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    expect((await call('fiscal.status', {})).retry).toBeNull();
  });

  it('a timeout and a SOAP Fault leave the records pending with their reason', async () => {
    insertChain(host.database.sqlite, chainRecords(2), { enqueue: true });
    server.next.push('timeout');
    expect((await call('fiscal.submitNow', {})).run.failure?.code).toBe('fiscal_timeout');
    server.next.push('fault');
    const fault = await call('fiscal.submitNow', {});
    expect(fault.run.failure).toMatchObject({ code: 'fiscal_refused' });
    expect(fault.run.failure?.detail).toContain('Codigo[4104]');
    expect(fault.status.retry).toMatchObject({ attempts: 2 });
    expect(fault.status.retry?.reason).toContain('rechazó el envío entero');
    expect(rows().map((r) => r.status)).toEqual(['pending', 'pending']);
  });

  it('records a rejection and an acceptance with errors with the agency\'s code and message, and fiscal.status shows them', async () => {
    const records = chainRecords(3);
    server.judge = (r) =>
      r.number === records[1]!.invoice_number
        ? { status: 'Incorrecto', code: '1100', message: 'Valor o tipo incorrecto del campo: NIF.' }
        : r.number === records[2]!.invoice_number
          ? { status: 'AceptadoConErrores', code: '2000', message: 'El cálculo de la huella suministrada es incorrecta.' }
          : { status: 'Correcto' };
    insertChain(host.database.sqlite, records, { enqueue: true });
    const { run, status } = await call('fiscal.submitNow', {});
    expect(run).toMatchObject({ outcome: 'sent', answered: 3 });
    expect(rows().map((r) => [r.status, r.error_code])).toEqual([
      ['accepted', null],
      ['rejected', '1100'],
      ['accepted_with_errors', '2000'],
    ]);
    expect(status.waiting).toBe(0);
    expect(status.rejections).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ invoiceNumber: records[1]!.invoice_number, status: 'rejected', code: '1100', message: 'Valor o tipo incorrecto del campo: NIF.' }),
        expect.objectContaining({ invoiceNumber: records[2]!.invoice_number, status: 'accepted_with_errors', code: '2000' }),
      ]),
    );
    expect(status.rejections).toHaveLength(2);
  });

  it('counts a duplicate (3000, the answer to a submission whose reply was lost) as accepted', async () => {
    insertChain(host.database.sqlite, chainRecords(2), { enqueue: true });
    server.next.push('lost');
    expect((await call('fiscal.submitNow', {})).run.outcome).toBe('failed');
    const again = await call('fiscal.submitNow', {});
    expect(again.run).toMatchObject({ outcome: 'sent', answered: 2 });
    expect(rows().map((r) => [r.status, r.error_code])).toEqual([
      ['accepted', '3000'],
      ['accepted', '3000'],
    ]);
    expect(again.status.rejections).toEqual([]);
  });

  it('keeps the queue across a restart: the waiting records, their attempts, and their order', async () => {
    const records = chainRecords(3);
    insertChain(host.database.sqlite, records, { enqueue: true });
    server.next.push('http500');
    await call('fiscal.submitNow', {});
    await host.close();
    host = await open();
    expect((await call('fiscal.status', {})).waiting).toBe(3);
    expect((await call('fiscal.status', {})).retry?.attempts).toBe(1);
    clock += 10_000;
    expect(await host.fiscal.submitDue()).toMatchObject({ outcome: 'sent', answered: 3 });
    expect(server.submissions.at(-1)!.records.map((r) => r.number)).toEqual(records.map((r) => r.invoice_number));
  });

  it('waits the agency\'s time after a restart too, counted from its last answer', async () => {
    insertChain(host.database.sqlite, chainRecords(1), { enqueue: true });
    await call('fiscal.submitNow', {});
    await host.close();
    host = await open();
    insertChain(host.database.sqlite, chainRecords(2).slice(1), { enqueue: true });
    expect((await call('fiscal.submitNow', {})).run.outcome).toBe('waiting');
  });

  it('sends nothing while the endpoint is off', async () => {
    insertChain(host.database.sqlite, chainRecords(1), { enqueue: true });
    await call('fiscal.endpoint.set', { enabled: false, url: server.url, certificateFile: null });
    expect((await call('fiscal.submitNow', {})).run.outcome).toBe('disabled');
    expect(server.submissions).toHaveLength(0);
    expect((await call('fiscal.status', {})).waiting).toBe(1);
  });

  it('stops cleanly while a submission waits on the network: the records stay as they were', async () => {
    await host.close();
    host = await openApi(join(dir, 'mostrador.db'), { fiscal: { start: true, now: () => new Date(clock), timeoutMs: 60_000 } });
    server.next.push('timeout');
    insertChain(host.database.sqlite, chainRecords(1), { enqueue: true });
    host.fiscal.kick();
    for (let i = 0; i < 100 && server.submissions.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(server.submissions).toHaveLength(1);
    const started = Date.now();
    await host.close();
    expect(Date.now() - started).toBeLessThan(2000);
    host = await open();
    expect(rows().map((r) => [r.status, r.attempts])).toEqual([['pending', 0]]);
  });
});

describe('the endpoint settings', () => {
  it('refuses an address that is neither https nor this computer, and https without a certificate', async () => {
    const bad = await host.invoke('fiscal.endpoint.set', { enabled: false, url: 'http://aeat.example/', certificateFile: null });
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'fiscal_endpoint_invalid', field: 'url' });
    const noCert = await host.invoke('fiscal.endpoint.set', { enabled: true, url: 'https://prewww1.aeat.es/wlpl/TIKE-CONT/ws/SistemaFacturacion/VerifactuSOAP', certificateFile: null });
    expect(noCert.ok ? null : noCert.error).toMatchObject({ code: 'fiscal_certificate_missing', field: 'certificateFile' });
    const missing = await host.invoke('fiscal.endpoint.set', { enabled: true, url: 'https://prewww1.aeat.es/x', certificateFile: join(dir, 'none.p12') });
    expect(missing.ok ? null : missing.error).toMatchObject({ code: 'fiscal_certificate_unreadable', field: 'certificateFile' });
    // Nothing was half-written: the test server's endpoint is still the one set.
    expect(await call('fiscal.endpoint.get', {})).toMatchObject({ enabled: true, url: server.url, certificateFile: null });
  });

  it('keeps an https endpoint off with a certificate file still to come', async () => {
    const saved = await call('fiscal.endpoint.set', { enabled: false, url: 'https://prewww1.aeat.es/wlpl/TIKE-CONT/ws/SistemaFacturacion/VerifactuSOAP', certificateFile: '/home/centro/certificado.p12' });
    expect(saved).toMatchObject({ enabled: false, certificateFile: '/home/centro/certificado.p12' });
  });
});
