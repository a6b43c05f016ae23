/** What `fiscal verify` (and the `fiscal.verify` call) found wrong with a record of a VERI*FACTU chain. */
export type ChainProblem =
  /** The fingerprint recomputed from the record's hashed fields is not the one stored: a field was changed. */
  | 'fingerprint_mismatch'
  /** The record does not carry the previous record's fingerprint: a record was replaced, moved or inserted. */
  | 'chain_broken'
  /** Positions do not run 1, 2, 3…: a record was removed. */
  | 'position_gap'
  /** The breakdown stored with the record does not add up to its hashed totals. */
  | 'totals_mismatch';

/** The first broken link of a chain (installation + issuer), in position order. */
export interface BrokenLink {
  installationId: string;
  issuerTaxId: string;
  position: number;
  recordId: string;
  invoiceNumber: string;
  problem: ChainProblem;
  /** What the record should carry there, and what it does (a fingerprint, a position, an amount). */
  expected: string;
  found: string;
}

export interface ChainVerification {
  ok: boolean;
  records: number;
  chains: number;
  /** The first broken link found (chains in installation and issuer order), or null. */
  broken: BrokenLink | null;
}

export type SubmissionOutcome = 'pending' | 'accepted' | 'accepted_with_errors' | 'rejected';

/** A record the agency refused (or accepted with errors), with its reason as the agency gave it. */
export interface FiscalRejection {
  recordId: string;
  invoiceNumber: string;
  kind: 'alta' | 'anulacion';
  status: 'rejected' | 'accepted_with_errors';
  code: string | null;
  message: string | null;
  at: string;
}

/** Where this desk's queue to the tax agency stands. */
export interface FiscalStatus {
  enabled: boolean;
  /** Records not yet answered by the agency. */
  waiting: number;
  /** Of those, the next attempt is after a failure (network, timeout, server error): when, and why. */
  retry: { attempts: number; nextAttemptAt: string | null; reason: string | null } | null;
  /** The latest refusals and acceptances with errors, newest first. */
  rejections: FiscalRejection[];
  /** The last submission the agency answered (its CSV), or null. */
  lastSubmission: { at: string; csv: string | null } | null;
}

/** This desk's submission endpoint. The certificate's password is never stored (it comes from the environment). */
export interface FiscalEndpoint {
  enabled: boolean;
  url: string;
  /** A PKCS#12 (.p12 / .pfx) file on this computer; null: none (only a local test server). */
  certificateFile: string | null;
  /** Whether MOSTRADOR_VERIFACTU_CERT_PASSWORD is set in the host's environment. */
  passwordFromEnvironment: boolean;
}

/** What one run of the submitter did ("Enviar ahora"). */
export interface SubmitRun {
  outcome: 'sent' | 'nothing_pending' | 'disabled' | 'waiting' | 'failed';
  /** Records the agency answered in this run. */
  answered: number;
  /** The agency's wait between submissions (TiempoEsperaEnvio) or the retry's backoff: not before then. */
  notBefore: string | null;
  /** Why nothing was answered (a failed run): one of our error codes and the detail. */
  failure: { code: string; detail: string } | null;
}
