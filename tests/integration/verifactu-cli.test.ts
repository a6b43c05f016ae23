import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallResult } from '../../src-shared/api/contract';
import type { ApiHost } from '../../src-main/api/open-api';
import { openApi } from '../../src-main/api/open-api';
import type { ChainRecord } from '../../src-main/engine/fiscal/verify-chain';
import { chainRecords, insertChain } from '../helpers/fiscal-chain';

const run = promisify(execFile);
let temp: { dir: string; path: string; host: ApiHost; call<C extends CallName>(name: C, input: CallInput<C>): Promise<CallResult<C>> };

beforeEach(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mostrador-fiscal-cli-'));
  const path = join(dir, 'mostrador.db');
  const host = await openApi(path);
  temp = {
    dir,
    path,
    host,
    async call(name, input) {
      const result = await host.invoke(name, input);
      if (!result.ok) throw new Error(`${name} refused: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
  };
});
afterEach(async () => {
  await temp.host.database.close().catch(() => undefined);
  rmSync(temp.dir, { recursive: true, force: true });
});

/** The CLI as the README runs it, on this test's own database (closed here first). */
async function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
  await temp.host.database.close().catch(() => undefined);
  try {
    const { stdout } = await run('npx', ['tsx', 'src-main/cli/main.ts', '--db', temp.path, ...args], { cwd: process.cwd() });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

/** Two desks' chains, one of them with a cancellation. */
function seed(): { a: ChainRecord[]; b: ChainRecord[] } {
  const a = chainRecords(6, { installationId: 'desk-a', cancelEvery: 4, from: '2027-01-04' });
  const b = chainRecords(3, { installationId: 'desk-b', series: 'B2-2027-', from: '2027-01-06' });
  insertChain(temp.host.database.sqlite, [...a, ...b]);
  return { a, b };
}

/** Tampering as someone with the file and an SQLite shell could: the append-only triggers dropped first. */
function tamper(statement: string, ...params: unknown[]): void {
  const sqlite = temp.host.database.sqlite;
  sqlite.exec('DROP TRIGGER fiscal_records_no_update; DROP TRIGGER fiscal_records_no_delete;');
  sqlite.prepare(statement).run(...params);
}

describe('fiscal verify', () => {
  it('reports every chain OK, through the CLI and the fiscal.verify call', async () => {
    seed();
    expect(await temp.call('fiscal.verify', {})).toEqual({ ok: true, records: 9, chains: 2, broken: null });
    const { code, stdout } = await cli('fiscal', 'verify');
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('OK: 9 records in 2 chains');
  });

  it('finds a changed amount and names the record', async () => {
    const { a } = seed();
    tamper('UPDATE fiscal_records SET total = ? WHERE id = ?', '1.00', a[1]!.id);
    expect(await temp.call('fiscal.verify', {})).toMatchObject({ ok: false, broken: { installationId: 'desk-a', position: 2, recordId: a[1]!.id, invoiceNumber: a[1]!.invoice_number, problem: 'fingerprint_mismatch' } });
    const { code, stdout } = await cli('fiscal', 'verify');
    expect(code).toBe(1);
    expect(stdout).toContain(`position 2, record ${a[1]!.id}, invoice ${a[1]!.invoice_number}: fingerprint_mismatch`);
  });

  it('finds a removed record', async () => {
    const { b } = seed();
    tamper('DELETE FROM fiscal_records WHERE id = ?', b[1]!.id);
    const { code, stdout } = await cli('fiscal', 'verify');
    expect(code).toBe(1);
    expect(stdout).toContain('installation desk-b');
    expect(stdout).toContain(`position 3, record ${b[2]!.id}`);
    expect(stdout).toContain('position_gap');
  });
});

describe('fiscal export', () => {
  it('writes the records of the local dates in the AEAT format, the hashed fields as stored', async () => {
    const { a, b } = seed();
    const out = join(temp.dir, 'verifactu.xml');
    const { code, stdout } = await cli('fiscal', 'export', '--from', '2027-01-04', '--to', '2027-01-05', '--out', out);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ ok: true, value: { from: '2027-01-04', to: '2027-01-05', records: 6, files: [out] } });
    const xml = readFileSync(out, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ removeNSPrefix: true, parseTagValue: false, isArray: (n) => n === 'RegistroFactura' }).parse(xml) as {
      RegFactuSistemaFacturacion: { Cabecera: unknown; RegistroFactura: ({ RegistroAlta?: { Huella: string }; RegistroAnulacion?: { Huella: string } })[] };
    };
    expect(doc.RegFactuSistemaFacturacion.Cabecera).toEqual({ ObligadoEmision: { NombreRazon: 'Salón Lucía SL', NIF: 'B76543214' } });
    const huellas = doc.RegFactuSistemaFacturacion.RegistroFactura.map((r) => (r.RegistroAlta ?? r.RegistroAnulacion)!.Huella);
    expect(huellas).toEqual(a.map((r) => r.fingerprint));
    expect(doc.RegFactuSistemaFacturacion.RegistroFactura.filter((r) => r.RegistroAnulacion)).toHaveLength(1);
    expect(xml).not.toContain(b[0]!.fingerprint);
  });

  it('prints to stdout without --out, and refuses a backwards range', async () => {
    seed();
    const { code, stdout } = await cli('fiscal', 'export', '--from', '2027-01-06', '--to', '2027-01-06');
    expect(code).toBe(0);
    expect(stdout.match(/<sum1:RegistroAlta>/g)).toHaveLength(3);
    const backwards = await cli('fiscal', 'export', '--from', '2027-01-06', '--to', '2027-01-01');
    expect(backwards.code).toBe(1);
    expect(JSON.parse(backwards.stdout)).toMatchObject({ ok: false, error: { code: 'invalid_date', field: 'to' } });
  });
});
