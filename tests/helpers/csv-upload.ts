import { maxUploadPart } from '../../src-shared/api/client-import';
import type { ColumnMapping, ImportCheck, ImportPreview } from '../../src-shared/domain/client-import';
import type { TempApi } from './temp-api';

/** Sends a file to clients.importUpload in parts as the renderer does; its preview. */
export async function uploadCsv(api: TempApi, bytes: Uint8Array, partBytes = (maxUploadPart / 4) * 3): Promise<ImportPreview> {
  let uploadId: string | undefined;
  for (let start = 0; ; start += partBytes) {
    const last = start + partBytes >= bytes.length;
    const part = Buffer.from(bytes.subarray(start, start + partBytes)).toString('base64');
    const answer = await api.call('clients.importUpload', { ...(uploadId ? { uploadId } : {}), part, last });
    uploadId = answer.uploadId;
    if (last) return answer.preview!;
  }
}

/** The whole dry run, step by step: every problem, and the totals. */
export async function dryRun(api: TempApi, jobId: string, mapping: ColumnMapping, limit = 5000): Promise<ImportCheck> {
  const all: ImportCheck['problems'] = [];
  let offset = 0;
  for (;;) {
    const step = await api.call('clients.importCheck', { jobId, mapping, offset, limit });
    all.push(...step.problems);
    offset = step.checked;
    if (offset >= step.rowCount) return { ...step, problems: all };
  }
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** Sends a file the last part of which is expected to be refused; the refusal. */
export async function uploadRefused(api: TempApi, bytes: Uint8Array, partBytes = (maxUploadPart / 4) * 3) {
  let uploadId: string | undefined;
  for (let start = 0; start + partBytes < bytes.length; start += partBytes) {
    const part = Buffer.from(bytes.subarray(start, start + partBytes)).toString('base64');
    uploadId = (await api.call('clients.importUpload', { ...(uploadId ? { uploadId } : {}), part, last: false })).uploadId;
  }
  const tail = Buffer.from(bytes.subarray(Math.floor(Math.max(bytes.length - 1, 0) / partBytes) * partBytes)).toString('base64');
  return api.refuse('clients.importUpload', { ...(uploadId ? { uploadId } : {}), part: tail, last: true });
}
