import type { SubmitRun } from '../../src-shared/domain/verifactu';
import type { FiscalService } from '../api/fiscal-service';
import type { OpenDatabase } from '../db/open-database';
import type { QueuedRecord, Settlement } from '../db/queries/fiscal-submissions';
import { countPending, deferSubmissions, headRetry, lastAnswered, pendingHead, readFiscalEndpoint, settleSubmissions } from '../db/queries/fiscal-submissions';
import { maxRecordsPerSubmission, payloadOf, soapEnvelope } from '../engine/fiscal/record-xml';
import type { AeatAnswer } from './aeat-response';
import { AeatAnswerUnreadable, defaultWaitSeconds, outcomeOf, parseAeatAnswer } from './aeat-response';
import type { Transport } from './aeat-transport';
import { httpTransport, TransportFailure } from './aeat-transport';

/** The environment variable the certificate's password is read from: it is never stored in the database. */
export const certificatePasswordVariable = 'MOSTRADOR_VERIFACTU_CERT_PASSWORD';

export interface FiscalSubmitterOptions {
  database: OpenDatabase;
  transport?: Transport;
  now?: () => Date;
  random?: () => number;
  /** How long a submission waits for the agency's answer. */
  timeoutMs?: number;
  /** How often an idle submitter looks for records queued by another process (the CLI) or an endpoint turned on. */
  idleMs?: number;
  /** The certificate's password (the environment unless told). */
  passphrase?: () => string | undefined;
}

const retry = { baseMs: 10_000, capMs: 30 * 60_000 };

/** Exponential backoff with "equal jitter": never sooner than half the ceiling, so a retry always waits. */
export function retryDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(retry.capMs, retry.baseMs * 2 ** Math.min(attempt, 20));
  return Math.floor(ceiling / 2 + (random() * ceiling) / 2);
}

type Failure = { code: string; detail: string };

/**
 * Sends this desk's queued VERI*FACTU records to the agency in queue order: while the desk's endpoint
 * is on, the first pending records (at most 1000, of one issuer: a submission has one Cabecera) go in
 * one SOAP submission, and the answer is recorded per record. A failure with nothing judged (no
 * network, a timeout, an HTTP error, a SOAP Fault) leaves them pending with the reason and retries
 * with exponential backoff; nothing behind them goes first. After an answer it waits the agency's
 * TiempoEsperaEnvio (60 s unless told) before the next submission, unless 1000 records are waiting.
 * It runs beside the handlers and never holds the connection while waiting on the network.
 */
export function createFiscalSubmitter(options: FiscalSubmitterOptions) {
  const { database } = options;
  const transport = options.transport ?? httpTransport;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const idleMs = options.idleMs ?? 60_000;
  const passphrase = options.passphrase ?? (() => process.env[certificatePasswordVariable]);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<SubmitRun> | null = null;
  let started = false;
  let stopped = false;
  let waitUntil: number | null = null;
  let waitLoaded = false;
  const inFlight = new AbortController();

  function schedule(delayMs: number): void {
    if (stopped || !started) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      // A fault of the database (a full disk) is tried again later; the desk keeps working.
      run(false).catch(() => schedule(idleMs));
    }, Math.max(0, delayMs));
    timer.unref?.();
  }

  /** One run at a time; one asked for while another runs follows it. */
  async function run(force: boolean): Promise<SubmitRun> {
    while (running) await running.catch(() => undefined);
    running = cycle(force).finally(() => (running = null));
    const result = await running;
    if (result.outcome === 'disabled' || result.outcome === 'nothing_pending') schedule(idleMs);
    else if (result.notBefore) schedule(Date.parse(result.notBefore) - now().getTime());
    else schedule(0);
    return result;
  }

  async function cycle(force: boolean): Promise<SubmitRun> {
    if (stopped) return idle('disabled');
    const endpoint = await readFiscalEndpoint(database.db);
    if (!endpoint || endpoint.enabled !== 1) return idle('disabled');
    if (!waitLoaded) {
      // After a restart the agency's wait still holds: counted from the last answer it gave.
      const last = await lastAnswered(database.db, false);
      if (last) waitUntil = Math.max(waitUntil ?? 0, Date.parse(last.at) + defaultWaitSeconds * 1000);
      waitLoaded = true;
    }
    // Cheap looks first: a run after every commit must not load a batch it will not send.
    const first = await headRetry(database.db);
    if (!first) return idle('nothing_pending');
    const at = now();
    if (waitUntil !== null && at.getTime() < waitUntil && (await countPending(database.db)) < maxRecordsPerSubmission) return waiting(waitUntil);
    if (!force && first.next_attempt_at !== null && Date.parse(first.next_attempt_at) > at.getTime()) return waiting(Date.parse(first.next_attempt_at));
    const batch = leadingOfOneIssuer(await pendingHead(database.db, maxRecordsPerSubmission));
    const envelope = soapEnvelope({ name: payloadOf(batch[0]!).issuerName, taxId: batch[0]!.issuer_tax_id }, batch);
    let answer: AeatAnswer;
    try {
      const reply = await transport({ url: endpoint.url, body: envelope, certificateFile: endpoint.certificate_file, passphrase: passphrase(), timeoutMs, signal: inFlight.signal });
      answer = readReply(reply.status, reply.body);
    } catch (error) {
      if (stopped) return idle('disabled');
      return defer(batch, failureOf(error));
    }
    if (answer.kind === 'fault') return defer(batch, { code: 'fiscal_refused', detail: answer.code ? `${answer.code}: ${answer.message}` : answer.message });
    return settle(batch, answer);
  }

  function readReply(status: number, body: string): AeatAnswer {
    let parsed: AeatAnswer | null;
    try {
      parsed = parseAeatAnswer(body);
    } catch {
      parsed = null;
    }
    // SOAP 1.1 sends a Fault with HTTP 500: its reason is the one to show.
    if (status < 200 || status > 299) {
      if (parsed?.kind === 'fault') return parsed;
      throw new ServerError(status);
    }
    if (!parsed) throw new AeatAnswerUnreadable(body.slice(0, 200));
    return parsed;
  }

  async function settle(batch: readonly QueuedRecord[], answer: Extract<AeatAnswer, { kind: 'answer' }>): Promise<SubmitRun> {
    const at = now();
    waitUntil = at.getTime() + (answer.waitSeconds ?? defaultWaitSeconds) * 1000;
    const byKey = new Map(answer.lines.map((line) => [`${line.kind}|${line.issuerTaxId}|${line.number}|${line.date}`, line]));
    const settlements: Settlement[] = [];
    const unanswered: QueuedRecord[] = [];
    for (const record of batch) {
      const line = byKey.get(`${record.kind}|${record.issuer_tax_id}|${record.invoice_number}|${record.invoice_date}`);
      if (!line) {
        unanswered.push(record);
        continue;
      }
      const outcome = outcomeOf(line, answer.csv);
      settlements.push({ recordId: record.id, status: outcome.status, csv: 'csv' in outcome ? outcome.csv : null, code: outcome.code, message: outcome.message });
    }
    await settleSubmissions(database.db, settlements, at.toISOString());
    if (unanswered.length > 0) {
      const deferred = await defer(unanswered, { code: 'fiscal_unanswered', detail: `EstadoEnvio ${answer.status}` });
      return { ...deferred, outcome: settlements.length > 0 ? 'sent' : 'failed', answered: settlements.length };
    }
    return { outcome: 'sent', answered: settlements.length, notBefore: new Date(waitUntil).toISOString(), failure: null };
  }

  async function defer(batch: readonly QueuedRecord[], failure: Failure): Promise<SubmitRun> {
    const at = now();
    const next = new Date(at.getTime() + retryDelay(batch[0]!.attempts, random)).toISOString();
    await deferSubmissions(
      database.db,
      batch.map((r) => r.id),
      { code: failure.code, message: failure.detail, nextAttemptAt: next },
      at.toISOString(),
    );
    return { outcome: 'failed', answered: 0, notBefore: next, failure };
  }

  function waiting(until: number): SubmitRun {
    return { outcome: 'waiting', answered: 0, notBefore: new Date(until).toISOString(), failure: null };
  }

  const service: FiscalService = {
    submitNow: () => run(true),
    reconfigured: () => schedule(50),
    passwordFromEnvironment: () => (passphrase() ?? '') !== '',
  };

  return {
    ...service,
    /** Starts the background runs (the desktop app and the browser host; the CLI and tests submit when asked). */
    start(): void {
      started = true;
      schedule(0);
    },
    /** One run as the timer makes it: only when due (tests; the timer's own runs are not awaited). */
    submitDue: () => run(false),
    /** A write committed (a record may have been queued): look soon. */
    kick(): void {
      if (!running) schedule(50);
    },
    service,
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      // A submission waiting on the network is abandoned: its records stay pending as they were.
      inFlight.abort();
      while (running) await running.catch(() => undefined);
    },
  };
}

export type FiscalSubmitter = ReturnType<typeof createFiscalSubmitter>;

function idle(outcome: 'disabled' | 'nothing_pending'): SubmitRun {
  return { outcome, answered: 0, notBefore: null, failure: null };
}

class ServerError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** The records of the queue's first issuer, up to the first record of another (a submission has one ObligadoEmision). */
function leadingOfOneIssuer(head: readonly QueuedRecord[]): QueuedRecord[] {
  const issuer = head[0]!.issuer_tax_id;
  const end = head.findIndex((r) => r.issuer_tax_id !== issuer);
  return end === -1 ? [...head] : head.slice(0, end);
}

function failureOf(error: unknown): Failure {
  if (error instanceof TransportFailure) return { code: error.code, detail: error.detail };
  if (error instanceof ServerError) return { code: 'fiscal_server_error', detail: error.message };
  if (error instanceof AeatAnswerUnreadable) return { code: 'fiscal_answer_unreadable', detail: error.message };
  return { code: 'fiscal_unreachable', detail: error instanceof Error ? error.message : String(error) };
}
