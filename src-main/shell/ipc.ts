import type { IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { ipcMain, shell } from 'electron';
import type { UntypedInvoke } from '../api/dispatch';
import { invokeOptionsFrom } from '../api/invoke-options';
import type { ApiResult } from '../../src-shared/api/result';
import type { Language } from '../../src-shared/domain/centre';
import { errorMessage } from '../../src-shared/i18n/errors';
import { apiInvokeChannel, openExternalChannel, printChannel, printToPdfChannel, saleOpenChannel } from './channels';
import { openExternalIfAllowed } from '../security/external-links';
import { printPage, savePageAsPdf } from './printing';
import type { RendererLocation } from './renderer-location';
import { isTrustedSender } from './renderer-location';

export interface IpcOptions {
  /** The door of the window that sent the call: each window has its own signed-in session. */
  invokeFor: (sender: WebContents) => UntypedInvoke;
  renderer: RendererLocation;
  /** The UI language, for the refusal answered to a foreign sender. */
  language: () => Language;
  /** Told when a window starts or stops taking a sale (the updater waits for none to be open). */
  onSaleOpen?: (sender: WebContents, open: boolean) => void;
}

/** What a frame that is not our renderer gets: no API call is made for it. */
export function foreignSenderRefusal(language: Language): ApiResult<never> {
  return { ok: false, error: { code: 'unknown_call', message: errorMessage(language, 'unknown_call') } };
}

/**
 * The renderer's only ways into the main process: `api:invoke` (the whole API, validated by the
 * contract), `shell:open-external` (allow-listed links), printing the page it shows and
 * `desk:sale-open` (a sale being taken, for the updater). All refuse any frame that is not the top
 * frame of our own renderer page.
 */
export function registerIpcHandlers(options: IpcOptions): () => void {
  const trusted = (event: IpcMainInvokeEvent | IpcMainEvent): boolean => isTrustedSender(event.senderFrame, options.renderer);

  ipcMain.handle(apiInvokeChannel, async (event, call: unknown, input: unknown, invokeOptions: unknown): Promise<ApiResult<unknown>> => {
    if (!trusted(event)) return foreignSenderRefusal(options.language());
    return options.invokeFor(event.sender)(call, input, invokeOptionsFrom(invokeOptions));
  });
  ipcMain.handle(openExternalChannel, async (event, url: unknown): Promise<boolean> => {
    if (!trusted(event)) return false;
    return openExternalIfAllowed(url, (allowed) => shell.openExternal(allowed));
  });

  ipcMain.handle(printChannel, async (event): Promise<boolean> => (trusted(event) ? printPage(event.sender) : false));
  ipcMain.handle(printToPdfChannel, async (event, name: unknown): Promise<boolean> => {
    if (!trusted(event)) return false;
    const safeName = typeof name === 'string' && /^[\w .-]{1,80}\.pdf$/.test(name) ? name : 'mostrador.pdf';
    return savePageAsPdf(event.sender, safeName);
  });

  const saleOpen = (event: IpcMainEvent, open: unknown): void => {
    if (trusted(event)) options.onSaleOpen?.(event.sender, open === true);
  };
  ipcMain.on(saleOpenChannel, saleOpen);

  return () => {
    for (const channel of [apiInvokeChannel, openExternalChannel, printChannel, printToPdfChannel]) ipcMain.removeHandler(channel);
    ipcMain.removeListener(saleOpenChannel, saleOpen);
  };
}
