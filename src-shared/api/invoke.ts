import type { CallInput, CallName, CallResult } from './contract';
import type { ApiResult } from './result';

/** The one surface every host gives the renderer: Electron's preload, the browser host and tests. */
export type Invoke = <C extends CallName>(call: C, input: CallInput<C>) => Promise<ApiResult<CallResult<C>>>;

export interface MostradorBridge {
  invoke: Invoke;
  /** Opens an allowed external link (a wa.me chat) in the system browser; absent in some hosts. */
  openExternal?: (url: string) => Promise<boolean>;
  /** Electron only: the system print dialog for the page shown (the browser uses window.print). */
  print?: () => Promise<boolean>;
  /** Electron only: saves the page shown as an A4 PDF, asking where. */
  printToPdf?: (fileName: string) => Promise<boolean>;
}
