import { writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { managers } from '../../src-shared/api/access';
import type { ErrorCode } from '../../src-shared/api/error-codes';
import type { BrokenLink } from '../../src-shared/domain/verifactu';
import { errorMessage } from '../../src-shared/i18n/errors';
import type { ApiHost } from '../api/open-api';
import { recordsCreatedBetween } from '../db/queries/fiscal-chain';
import { readCentreSettings } from '../db/queries/settings';
import { exportDocument, maxRecordsPerSubmission, payloadOf } from '../engine/fiscal/record-xml';
import type { ChainRecord } from '../engine/fiscal/verify-chain';
import { addDays, isLocalDate, localToInstant } from '../engine/time/local-time';

/** Runs one fiscal command; the exit code: 0 done, 1 refused or broken, 2 wrong usage. */
export async function runFiscalCommand(host: ApiHost, args: string[], print: (value: unknown) => void, write: (text: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'verify') return verify(host, print, write);
  if (sub === 'export') return exportRecords(host, rest, print, write);
  return 2;
}

async function verify(host: ApiHost, print: (value: unknown) => void, write: (text: string) => void): Promise<number> {
  const result = await host.invoke('fiscal.verify', {});
  if (!result.ok) {
    print(result);
    return 1;
  }
  const v = result.value;
  if (v.ok) {
    write(`OK: ${v.records} records in ${v.chains} chains\n`);
    return 0;
  }
  write(`${brokenLinkText(v.broken!)}\n`);
  return 1;
}

export function brokenLinkText(b: BrokenLink): string {
  const what: Record<BrokenLink['problem'], string> = {
    fingerprint_mismatch: 'the fingerprint recomputed from its fields is not the one stored (a field was changed)',
    chain_broken: "it does not carry the previous record's fingerprint (a record was replaced, moved or inserted)",
    position_gap: 'the positions jump (a record was removed)',
    totals_mismatch: 'its breakdown does not add up to its totals',
  };
  return (
    `BROKEN: chain of installation ${b.installationId}, issuer ${b.issuerTaxId}: position ${b.position}, record ${b.recordId}, invoice ${b.invoiceNumber}: ` +
    `${b.problem}: ${what[b.problem]}; expected ${b.expected || "''"}, found ${b.found || "''"}`
  );
}

function flag(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function exportRecords(host: ApiHost, args: string[], print: (value: unknown) => void, write: (text: string) => void): Promise<number> {
  const settings = await readCentreSettings(host.database.db);
  const refuse = (code: ErrorCode, field?: string) => {
    print({ ok: false, error: { code, message: errorMessage(settings.language, code), ...(field ? { field } : {}) } });
    return 1;
  };
  // The records are the centre's fiscal data: owners and managers only, once PINs are on (as for a copy of the database).
  const state = await host.invoke('auth.state', {});
  if (state.ok && state.value.pinsOn && !(state.value.role !== null && managers.roles.includes(state.value.role))) return refuse('forbidden');
  const from = flag(args, '--from');
  const to = flag(args, '--to');
  const out = flag(args, '--out');
  if (!from || !to) return 2;
  if (!isLocalDate(from)) return refuse('invalid_date', 'from');
  if (!isLocalDate(to) || to < from) return refuse('invalid_date', 'to');
  const start = localToInstant(from, '00:00', settings.timeZone).toISOString();
  const end = localToInstant(addDays(to, 1), '00:00', settings.timeZone).toISOString();
  const documents = exportDocuments(await recordsCreatedBetween(host.database.db, start, end));
  const records = documents.reduce((n, d) => n + d.records, 0);
  if (!out) {
    if (documents.length > 1) return refuse('invalid_input', 'out');
    write(documents[0]?.xml ?? '');
    return 0;
  }
  const files = documents.map((_, i) => numberedFile(resolve(out), i));
  for (const [i, d] of documents.entries()) await writeFile(files[i]!, d.xml, 'utf8');
  print({ ok: true, value: { from, to, records, files } });
  return 0;
}

/** One document per issuer (ObligadoEmision) and at most 1000 records, chains in order. */
export function exportDocuments(rows: readonly ChainRecord[]): { xml: string; records: number }[] {
  const documents: { xml: string; records: number }[] = [];
  let i = 0;
  while (i < rows.length) {
    const issuer = rows[i]!.issuer_tax_id;
    let j = i;
    while (j < rows.length && j - i < maxRecordsPerSubmission && rows[j]!.issuer_tax_id === issuer) j++;
    const part = rows.slice(i, j);
    documents.push({ xml: exportDocument({ name: payloadOf(part[0]!).issuerName, taxId: issuer }, part), records: part.length });
    i = j;
  }
  return documents;
}

/** FILE, then FILE-2.xml, FILE-3.xml… (the extension kept). */
function numberedFile(file: string, index: number): string {
  if (index === 0) return file;
  const ext = extname(file);
  return join(dirname(file), `${basename(file, ext)}-${index + 1}${ext}`);
}
