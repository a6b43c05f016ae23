import { maxUploadPart } from '../../../src-shared/api/client-import';
import type { ApiResult } from '../../../src-shared/api/result';
import type { ColumnMapping, ImportCheck, ImportPreview } from '../../../src-shared/domain/client-import';
import { call } from '../../api/client';

// Raw bytes per part: their base64 fits the contract's part size (4 characters per 3 bytes).
const partBytes = (maxUploadPart / 4) * 3;
const dryRunStep = 5000;

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Sends the file's bytes to main in parts (main reads them: encoding, separator, rows); its preview. */
export async function uploadCsv(file: Blob, onProgress: (fraction: number) => void): Promise<ApiResult<ImportPreview>> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let uploadId: string | undefined;
  for (let start = 0; ; start += partBytes) {
    const last = start + partBytes >= bytes.length;
    const answer = await call('clients.importUpload', { ...(uploadId ? { uploadId } : {}), part: base64(bytes.subarray(start, start + partBytes)), last });
    if (!answer.ok) return answer;
    uploadId = answer.value.uploadId;
    onProgress(Math.min(1, (start + partBytes) / Math.max(bytes.length, 1)));
    if (last && answer.value.preview) return { ok: true, value: answer.value.preview };
  }
}

/**
 * The dry run in steps of a few thousand rows: main checks each step between other calls, so the
 * desk stays usable, and the bar moves. Every problem found is collected.
 */
export async function dryRun(jobId: string, mapping: ColumnMapping, onProgress: (checked: ImportCheck) => void): Promise<ApiResult<ImportCheck>> {
  const problems: ImportCheck['problems'] = [];
  let offset = 0;
  for (;;) {
    const step = await call('clients.importCheck', { jobId, mapping, offset, limit: dryRunStep });
    if (!step.ok) return step;
    problems.push(...step.value.problems);
    offset = step.value.checked;
    const sofar = { ...step.value, problems };
    onProgress(sofar);
    if (offset >= step.value.rowCount) return { ok: true, value: sofar };
  }
}

/** Exports the client list and saves it as a download (Electron asks where). */
export async function downloadClientsCsv(): Promise<ApiResult<{ fileName: string; rows: number }>> {
  const answer = await call('clients.exportCsv', {});
  if (!answer.ok) return answer;
  const bytes = Uint8Array.from(atob(answer.value.data), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = answer.value.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { ok: true, value: { fileName: answer.value.fileName, rows: answer.value.rows } };
}
