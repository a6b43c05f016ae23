/** The only IPC channels the renderer can reach; the preload and the main process share these names. */
export const apiInvokeChannel = 'api:invoke';
/** Main → renderer: which of the centre's tables changed (after a write, another window's, a sync). */
export const tablesChangedChannel = 'data:tables-changed';
export const openExternalChannel = 'shell:open-external';
export const printChannel = 'shell:print';
export const printToPdfChannel = 'shell:print-to-pdf';
/** Renderer → main: this window's checkout has a sale being taken (true) or not (false). */
export const saleOpenChannel = 'desk:sale-open';
