import type { CsvFile } from '../engine/clients/import/csv-read';
import type { DryRun } from '../engine/clients/import/dry-run';
import { newId } from '../engine/ids';
import { AppError } from '../errors/app-error';
import { maxImportBytes } from '../../src-shared/api/client-import';

/**
 * CSV files being imported, held in main between the calls of one import (upload in parts, dry run
 * in steps, import): the file is read once, and the dry run's checks are reused by the import.
 * Nothing of it is in the database until the import's one transaction, so a closed window or a
 * crash leaves nothing half-written. Each job is its owner's (the session that uploaded it).
 */
export interface ImportJob {
  id: string;
  owner: string;
  touchedAt: number;
  parts: Buffer[];
  bytes: number;
  file: CsvFile | null;
  dryRun: DryRun | null;
}

const jobs = new Map<string, ImportJob>();
const maxJobs = 4;
const keepMs = 60 * 60 * 1000;

function forgetStale(now: number) {
  for (const [id, job] of jobs) if (now - job.touchedAt > keepMs) jobs.delete(id);
  // The oldest go first past a few files at once: each can be tens of megabytes.
  const byAge = [...jobs.values()].sort((a, b) => a.touchedAt - b.touchedAt);
  while (byAge.length >= maxJobs) jobs.delete(byAge.shift()!.id);
}

export function importJob(id: string, owner: string): ImportJob {
  const job = jobs.get(id);
  if (!job || job.owner !== owner) throw new AppError('import_expired', 'jobId');
  job.touchedAt = Date.now();
  return job;
}

/** Adds a part of the file to an upload (a new one without an id). */
export function addUploadPart(uploadId: string | undefined, owner: string, part: Buffer): ImportJob {
  let job: ImportJob;
  if (uploadId === undefined) {
    forgetStale(Date.now());
    job = { id: newId(), owner, touchedAt: Date.now(), parts: [], bytes: 0, file: null, dryRun: null };
    jobs.set(job.id, job);
  } else {
    job = importJob(uploadId, owner);
    if (job.file) throw new AppError('import_expired', 'uploadId');
  }
  job.bytes += part.length;
  if (job.bytes > maxImportBytes) {
    jobs.delete(job.id);
    throw new AppError('csv_too_large', 'file');
  }
  job.parts.push(part);
  return job;
}

export function dropImportJob(id: string): void {
  jobs.delete(id);
}
