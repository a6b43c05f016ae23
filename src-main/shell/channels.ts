/** The only IPC channels the renderer can reach; the preload and the main process share these names. */
export const apiInvokeChannel = 'api:invoke';
export const openExternalChannel = 'shell:open-external';
