import { z } from 'zod';
import type { ChainVerification, FiscalEndpoint, FiscalStatus, SubmitRun } from '../domain/verifactu';
import { frontDesk, managers } from './access';
import { command, hostTask, query, returns } from './define-call';

/**
 * VERI*FACTU (Spain): checking the record chains, and this desk's queue of records to the tax agency
 * (AEAT). The endpoint is this desk's own row (never synced). Submitting now is a `host` call: it
 * waits on the network, which must never happen inside a write transaction. The certificate's
 * password is never an input: it comes from the host's environment (MOSTRADOR_VERIFACTU_CERT_PASSWORD).
 */
export const verifactuApi = {
  'fiscal.verify': query(
    z.strictObject({}),
    'Recompute every record chain in the database (fingerprints, links, positions): OK with the counts, or the first broken link',
    returns<ChainVerification>(),
    managers,
  ),
  'fiscal.status': query(
    z.strictObject({}),
    'How many records wait for the tax agency, the retry after a failure, the latest rejections with their reason, the last accepted submission',
    returns<FiscalStatus>(),
    frontDesk,
  ),
  'fiscal.endpoint.get': query(z.strictObject({}), "This desk's submission endpoint, whether it is on, and its certificate file", returns<FiscalEndpoint>(), managers),
  'fiscal.endpoint.set': command(
    z.strictObject({
      enabled: z.boolean(),
      // https:// (the agency's), or http://127.0.0.1 for a test server on this computer (fiscal_endpoint_invalid, field url).
      url: z.string().trim().min(1).max(2000),
      // A PKCS#12 file (.p12 / .pfx) on this computer; null or "": none.
      certificateFile: z
        .string()
        .trim()
        .max(1000)
        .transform((s) => (s === '' ? null : s))
        .nullable(),
    }),
    'Set where this desk submits its VERI*FACTU records, with which certificate, and on/off',
    returns<FiscalEndpoint>(),
    managers,
  ),
  'fiscal.submitNow': hostTask(z.strictObject({}), 'Submit the waiting records now (the agency\'s wait between submissions still holds)', returns<{ run: SubmitRun; status: FiscalStatus }>(), managers),
};
