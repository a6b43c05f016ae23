import { contextBridge, ipcRenderer } from 'electron';
import type { Invoke, MostradorBridge } from '../../src-shared/api/invoke';
import type { TablesChanged } from '../../src-shared/api/result';
import { apiInvokeChannel, openExternalChannel, printChannel, printToPdfChannel, saleOpenChannel, tablesChangedChannel } from '../shell/channels';

const invoke: Invoke = (call, input, options) => ipcRenderer.invoke(apiInvokeChannel, call, input, options);

/** The page gets the change, never the IPC event (which would reach ipcRenderer). */
function onTablesChanged(listener: (change: TablesChanged) => void): () => void {
  const forward = (_event: unknown, change: TablesChanged) => listener(change);
  ipcRenderer.on(tablesChangedChannel, forward);
  return () => ipcRenderer.removeListener(tablesChangedChannel, forward);
}

// Only these functions cross into the page: never ipcRenderer itself.
// The desktop bridge has every optional part: links opened by the OS, printing and PDFs.
const bridge: Required<MostradorBridge> = {
  invoke,
  onTablesChanged,
  openExternal: (url) => ipcRenderer.invoke(openExternalChannel, url),
  print: () => ipcRenderer.invoke(printChannel),
  printToPdf: (fileName) => ipcRenderer.invoke(printToPdfChannel, fileName),
  setSaleOpen: (open) => ipcRenderer.send(saleOpenChannel, open === true),
};

contextBridge.exposeInMainWorld('mostrador', bridge);
