import type { SubmitRun } from '../../src-shared/domain/verifactu';

/** The hosting process's submitter of VERI*FACTU records to the tax agency (one per open database). */
export interface FiscalService {
  /** Submit the waiting records now (ignoring a retry's backoff, never the agency's wait between submissions). */
  submitNow(): Promise<SubmitRun>;
  /** The endpoint changed: look again at once. */
  reconfigured(): void;
  /** Whether the certificate's password is set in this process's environment. */
  passwordFromEnvironment(): boolean;
}
