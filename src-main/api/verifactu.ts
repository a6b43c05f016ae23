import type { Language } from '../../src-shared/domain/centre';
import type { ChainVerification, FiscalEndpoint, FiscalStatus } from '../../src-shared/domain/verifactu';
import { isErrorCode } from '../../src-shared/api/error-codes';
import { errorMessage } from '../../src-shared/i18n/errors';
import type { ReadDb } from '../db/database';
import { listChains, readChain } from '../db/queries/fiscal-chain';
import { countPending, headRetry, lastAnswered, latestRejections, readFiscalEndpoint, saveFiscalEndpoint } from '../db/queries/fiscal-submissions';
import { readCentreSettings } from '../db/queries/settings';
import { verifyChain } from '../engine/fiscal/verify-chain';
import { AppError } from '../errors/app-error';
import { certificateProblem, fiscalEndpointUrl } from '../fiscal/endpoint-rules';
import { certificatePasswordVariable } from '../fiscal/fiscal-submitter';
import type { FiscalService } from './fiscal-service';
import type { Handlers } from './handler';
import type { HostServices } from './host-services';

type VerifactuHandlers = Pick<Handlers, 'fiscal.verify' | 'fiscal.status' | 'fiscal.endpoint.get' | 'fiscal.endpoint.set' | 'fiscal.submitNow'>;

/** Every chain in the database, chain by chain: the counts, or the first broken link. */
export async function verifyAllChains(db: ReadDb): Promise<ChainVerification> {
  const chains = await listChains(db);
  let records = 0;
  for (const key of chains) {
    const result = verifyChain(await readChain(db, key));
    if (!result.ok) return { ok: false, records, chains: chains.length, broken: result.broken };
    records += result.records;
  }
  return { ok: true, records, chains: chains.length, broken: null };
}

function fiscalOf(services: HostServices): FiscalService {
  if (!services.fiscal) throw new AppError('fiscal_not_available');
  return services.fiscal;
}

function passwordSet(services: HostServices): boolean {
  return services.fiscal?.passwordFromEnvironment() ?? (process.env[certificatePasswordVariable] ?? '') !== '';
}

async function endpointOf(db: ReadDb, services: HostServices): Promise<FiscalEndpoint> {
  const row = await readFiscalEndpoint(db);
  return { enabled: row?.enabled === 1, url: row?.url ?? '', certificateFile: row?.certificate_file ?? null, passwordFromEnvironment: passwordSet(services) };
}

/** Our reason for a retry, in the desk's language (the agency's own reasons are shown as it gave them). */
function reasonText(language: Language, code: string | null, detail: string | null): string | null {
  if (code === null) return null;
  return isErrorCode(code) ? errorMessage(language, code, detail ? { detail } : {}) : [code, detail].filter(Boolean).join(': ');
}

export async function fiscalStatusOf(db: ReadDb): Promise<FiscalStatus> {
  const [endpoint, waiting, head, rejections, last, settings] = await Promise.all([
    readFiscalEndpoint(db),
    countPending(db),
    headRetry(db),
    latestRejections(db, 20),
    lastAnswered(db, true),
    readCentreSettings(db),
  ]);
  return {
    enabled: endpoint?.enabled === 1,
    waiting,
    retry: head && head.attempts > 0 ? { attempts: head.attempts, nextAttemptAt: head.next_attempt_at, reason: reasonText(settings.language, head.error_code, head.error_message) } : null,
    rejections: rejections.map((r) => ({
      recordId: r.record_id,
      invoiceNumber: r.invoice_number,
      kind: r.kind,
      status: r.status as 'rejected' | 'accepted_with_errors',
      code: r.error_code,
      message: r.error_message,
      at: r.last_attempt_at ?? r.updated_at,
    })),
    lastSubmission: last,
  };
}

export const verifactuHandlers: VerifactuHandlers = {
  'fiscal.verify': (_input, { db }) => verifyAllChains(db),

  'fiscal.status': (_input, { db }) => fiscalStatusOf(db),

  'fiscal.endpoint.get': (_input, { db, services }) => endpointOf(db, services),

  'fiscal.endpoint.set': async (input, { tx, now, log, services, afterCommit }) => {
    const url = fiscalEndpointUrl(input.url);
    const errors: AppError[] = [];
    if (!url) errors.push(new AppError('fiscal_endpoint_invalid', 'url'));
    const secure = url?.startsWith('https:') ?? false;
    if (input.enabled && secure && !input.certificateFile) errors.push(new AppError('fiscal_certificate_missing', 'certificateFile'));
    if (input.certificateFile) {
      const problem = certificateProblem(input.certificateFile, process.env[certificatePasswordVariable]);
      // Checked when it will be used: a file kept for later may wait for its password.
      if (problem && input.enabled) errors.push(new AppError('fiscal_certificate_unreadable', 'certificateFile', { detail: problem }));
    }
    const refused = AppError.combine(errors);
    if (refused || !url) throw refused ?? new AppError('fiscal_endpoint_invalid', 'url');
    await saveFiscalEndpoint(tx, { enabled: input.enabled, url, certificateFile: input.certificateFile }, now);
    log({ entity: 'fiscal_endpoint', entityId: 'desk', changes: { enabled: input.enabled, url, certificateFile: input.certificateFile } });
    afterCommit(() => services.fiscal?.reconfigured());
    return { enabled: input.enabled, url, certificateFile: input.certificateFile, passwordFromEnvironment: passwordSet(services) };
  },

  'fiscal.submitNow': async (_input, { db, services }) => {
    const run = await fiscalOf(services).submitNow();
    return { run, status: await fiscalStatusOf(db) };
  },
};
