import type { CallInput, CallName, CallResult } from './contract';
import type { ApiResult, TablesChanged } from './result';

/** An owner or manager's PIN, typed on the spot to approve one call a role may not make alone. */
export interface Approval {
  staffId: string;
  pin: string;
}

export interface InvokeOptions {
  approval?: Approval;
  /**
   * One id (a ULID or UUID) per user action: a write sent again with the same id (a double click,
   * a retry after a timeout) answers what it answered first and writes nothing. Ignored by reads.
   */
  requestId?: string;
}

/** The one surface every host gives the renderer: Electron's preload, the browser host and tests. */
export type Invoke = <C extends CallName>(call: C, input: CallInput<C>, options?: InvokeOptions) => Promise<ApiResult<CallResult<C>>>;

export interface MostradorBridge {
  invoke: Invoke;
  /** Told which of the centre's tables changed after every committed write or sync, from any window or desk. */
  onTablesChanged?: (listener: (change: TablesChanged) => void) => () => void;
  /** Opens an allowed external link (a wa.me chat) in the system browser; absent in some hosts. */
  openExternal?: (url: string) => Promise<boolean>;
  /** Electron only: the system print dialog for the page shown (the browser uses window.print). */
  print?: () => Promise<boolean>;
  /** Electron only: saves the page shown as an A4 PDF, asking where. */
  printToPdf?: (fileName: string) => Promise<boolean>;
  /** Electron only: tells main this window is taking a sale (or no longer), so an update never restarts it then. */
  setSaleOpen?: (open: boolean) => void;
}
