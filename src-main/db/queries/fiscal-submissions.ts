import type { Db, ReadDb, WriteTx } from '../database';
import type { FiscalEndpointTable, SubmissionStatus } from '../tables/fiscal';
import type { ChainRecord } from '../../engine/fiscal/verify-chain';
import { precompiled } from '../precompiled';
import { insertRows } from '../precompiled-insert';

/**
 * This desk's queue of VERI*FACTU records to the tax agency (fiscal_submissions, local). A record is
 * queued in the same transaction that creates it, with the next seq, so the queue's order is the
 * order of creation and the submitter never sends a later record before an earlier pending one.
 * The submitter runs beside the handlers on the same connection, through kysely only (one caller at
 * a time), like the sync agent.
 */

/** Queues a record just created (call inside the transaction that inserted it). */
export async function enqueueSubmission(tx: WriteTx, recordId: string, now: string): Promise<void> {
  const [row] = await lastQueued(tx, {});
  await insertRows(tx, 'fiscal_submissions', {
    record_id: recordId,
    seq: (row?.last ?? 0) + 1,
    status: 'pending',
    next_attempt_at: null,
    last_attempt_at: null,
    error_code: null,
    error_message: null,
    csv: null,
    updated_at: now,
  });
}

// Every record is queued: built once.
const lastQueued = precompiled((db) => db.selectFrom('fiscal_submissions').select((eb) => eb.fn.max<number | null>('seq').as('last')));

export async function readFiscalEndpoint(db: ReadDb): Promise<FiscalEndpointTable | null> {
  return (await db.selectFrom('fiscal_endpoint').selectAll().where('id', '=', 'desk').executeTakeFirst()) ?? null;
}

export async function saveFiscalEndpoint(tx: WriteTx, endpoint: { enabled: boolean; url: string; certificateFile: string | null }, now: string): Promise<void> {
  const values = { enabled: endpoint.enabled ? (1 as const) : (0 as const), url: endpoint.url, certificate_file: endpoint.certificateFile, updated_at: now };
  await tx
    .insertInto('fiscal_endpoint')
    .values({ id: 'desk', ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

export interface QueuedRecord extends ChainRecord {
  seq: number;
  attempts: number;
  next_attempt_at: string | null;
}

/** The first `limit` pending records in queue order, with their records. */
export async function pendingHead(db: ReadDb, limit: number): Promise<QueuedRecord[]> {
  return db
    .selectFrom('fiscal_submissions as s')
    .innerJoin('fiscal_records as r', 'r.id', 's.record_id')
    .select([
      's.seq',
      's.attempts',
      's.next_attempt_at',
      'r.id',
      'r.installation_id',
      'r.position',
      'r.kind',
      'r.issuer_tax_id',
      'r.invoice_number',
      'r.invoice_date',
      'r.invoice_type',
      'r.tax_total',
      'r.total',
      'r.previous_fingerprint',
      'r.generated_at',
      'r.fingerprint',
      'r.payload',
    ])
    .where('s.status', '=', 'pending')
    .orderBy('s.seq')
    .limit(limit)
    .execute();
}

export interface Settlement {
  recordId: string;
  status: Exclude<SubmissionStatus, 'pending'>;
  csv: string | null;
  code: string | null;
  message: string | null;
}

/** The agency's answer per record, in one transaction; records it did not answer stay pending. */
export async function settleSubmissions(db: Db, settlements: readonly Settlement[], at: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const s of settlements) {
      await tx
        .updateTable('fiscal_submissions')
        .set((eb) => ({
          status: s.status,
          csv: s.csv,
          error_code: s.code,
          error_message: s.message,
          attempts: eb('attempts', '+', 1),
          last_attempt_at: at,
          next_attempt_at: null,
          updated_at: at,
        }))
        .where('record_id', '=', s.recordId)
        .where('status', '=', 'pending')
        .execute();
    }
  });
}

/** A submission that got no answer to judge by: the records stay pending until `nextAttemptAt`, with the reason. */
export async function deferSubmissions(db: Db, recordIds: readonly string[], failure: { code: string; message: string; nextAttemptAt: string }, at: string): Promise<void> {
  if (recordIds.length === 0) return;
  await db
    .updateTable('fiscal_submissions')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_attempt_at: at,
      next_attempt_at: failure.nextAttemptAt,
      error_code: failure.code,
      error_message: failure.message.slice(0, 500),
      updated_at: at,
    }))
    .where('record_id', 'in', [...recordIds])
    .where('status', '=', 'pending')
    .execute();
}

export async function countPending(db: ReadDb): Promise<number> {
  const row = await db
    .selectFrom('fiscal_submissions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The first pending record's retry state (the queue waits behind it). */
export async function headRetry(db: ReadDb): Promise<{ attempts: number; next_attempt_at: string | null; error_code: string | null; error_message: string | null } | null> {
  return (
    (await db
      .selectFrom('fiscal_submissions')
      .select(['attempts', 'next_attempt_at', 'error_code', 'error_message'])
      .where('status', '=', 'pending')
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst()) ?? null
  );
}

/** The latest refusals and acceptances with errors, newest first. */
export async function latestRejections(db: ReadDb, limit: number) {
  return db
    .selectFrom('fiscal_submissions as s')
    .innerJoin('fiscal_records as r', 'r.id', 's.record_id')
    .select(['s.record_id', 's.status', 's.error_code', 's.error_message', 's.last_attempt_at', 's.updated_at', 'r.invoice_number', 'r.kind'])
    .where('s.status', 'in', ['rejected', 'accepted_with_errors'])
    .orderBy('s.updated_at', 'desc')
    .orderBy('s.seq', 'desc')
    .limit(limit)
    .execute();
}

/** When the agency last answered a submission (only those it accepted records of: with its CSV). */
export async function lastAnswered(db: ReadDb, acceptedOnly: boolean): Promise<{ at: string; csv: string | null } | null> {
  const row = await db
    .selectFrom('fiscal_submissions')
    .select(['last_attempt_at', 'csv'])
    .where('status', 'in', acceptedOnly ? ['accepted', 'accepted_with_errors'] : ['accepted', 'accepted_with_errors', 'rejected'])
    .where('last_attempt_at', 'is not', null)
    .orderBy('last_attempt_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.last_attempt_at ? { at: row.last_attempt_at, csv: row.csv } : null;
}
