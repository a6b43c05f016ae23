import { contextBridge, ipcRenderer } from 'electron';
import type { Invoke, MostradorBridge } from '../../src-shared/api/invoke';
import { apiInvokeChannel, openExternalChannel, printChannel, printToPdfChannel } from '../shell/channels';

const invoke: Invoke = (call, input) => ipcRenderer.invoke(apiInvokeChannel, call, input);

// Only these functions cross into the page: never ipcRenderer itself.
// The desktop bridge has every optional part: links opened by the OS, printing and PDFs.
const bridge: Required<MostradorBridge> = {
  invoke,
  openExternal: (url) => ipcRenderer.invoke(openExternalChannel, url),
  print: () => ipcRenderer.invoke(printChannel),
  printToPdf: (fileName) => ipcRenderer.invoke(printToPdfChannel, fileName),
};

contextBridge.exposeInMainWorld('mostrador', bridge);
