/** The only IPC channels the renderer can reach; the preload and the main process share these names. */
export const apiInvokeChannel = 'api:invoke';
export const openExternalChannel = 'shell:open-external';
export const printChannel = 'shell:print';
export const printToPdfChannel = 'shell:print-to-pdf';
