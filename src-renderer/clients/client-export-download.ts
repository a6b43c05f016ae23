import type { ApiResult } from '../../src-shared/api/result';
import type { ClientExport } from '../../src-shared/domain/client-export';
import { call } from '../api/client';

/**
 * "Export everything": main writes the zip into the data folder's exports/ (clients.export), then
 * the desk fetches its bytes (clients.exportDownload) and saves them as a download — the browser's
 * download in the browser host, Electron's save dialog in the desktop app. Both go through the one
 * contract, so the role check and the audit entry are main's.
 */
export async function downloadClientExport(clientId: string, language: 'es' | 'en'): Promise<ApiResult<ClientExport>> {
  const made = await call('clients.export', { clientId, language });
  if (!made.ok) return made;
  const file = await call('clients.exportDownload', { fileName: made.value.fileName });
  if (!file.ok) return file;
  const bytes = Uint8Array.from(atob(file.value.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = made.value.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download must have started reading it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return made;
}
