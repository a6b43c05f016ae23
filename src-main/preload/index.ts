import { contextBridge, ipcRenderer } from 'electron';
import type { Invoke, MostradorBridge } from '../../src-shared/api/invoke';
import { apiInvokeChannel, openExternalChannel, printChannel, printToPdfChannel } from '../shell/channels';

/** The desktop bridge: the API plus opening allow-listed links (WhatsApp, e-mail) with the OS. */
export interface MostradorDesktopBridge extends MostradorBridge {
  openExternal(url: string): Promise<boolean>;
}

const invoke: Invoke = (call, input) => ipcRenderer.invoke(apiInvokeChannel, call, input);

// Only these functions cross into the page: never ipcRenderer itself.
const bridge: MostradorDesktopBridge = {
  invoke,
  openExternal: (url) => ipcRenderer.invoke(openExternalChannel, url),
  print: () => ipcRenderer.invoke(printChannel),
  printToPdf: (fileName) => ipcRenderer.invoke(printToPdfChannel, fileName),
};

contextBridge.exposeInMainWorld('mostrador', bridge);
