import { z } from 'zod';
import type { ClientCsvExport, ColumnTarget, ImportCheck, ImportPreview, ImportResult } from '../domain/client-import';
import { importFields } from '../domain/client-import';
import { command, query, returns } from './define-call';
import { id } from './fields';
import { managers, managersOrApproved } from './access';

/** A file travels in base64 parts small enough for every host (the browser host takes 1 MB a call). */
export const maxUploadPart = 700_000;
/** 64 MB of CSV: far more than 100,000 clients. */
export const maxImportBytes = 64 * 1024 * 1024;

const base64 = (max: number) => z.string().max(max).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'invalid_input');

const wholeFile = base64(Math.ceil((maxImportBytes * 4) / 3) + 4);

const columnTarget = z.union([
  z.enum(importFields),
  z.custom<`custom:${string}`>((v) => typeof v === 'string' && /^custom:[0-9A-HJKMNP-TV-Z]{26}$/.test(v), 'invalid_input'),
  z.null(),
]);
export const columnMapping = z.array(columnTarget).max(300);
export type ColumnMappingInput = (ColumnTarget | null)[];

export const clientImportApi = {
  'clients.importUpload': query(
    z.strictObject({ uploadId: id.optional(), part: base64(maxUploadPart), last: z.boolean() }),
    'Send a CSV file to main in base64 parts; the last part reads it (encoding, separator, headers, a guessed mapping, the first rows)',
    returns<{ uploadId: string; preview: ImportPreview | null }>(),
    managersOrApproved,
  ),
  'clients.importCheck': query(
    z
      .strictObject({
        jobId: id.optional(),
        /** Or the whole file at once (the CLI), base64: every row is checked in this one call. */
        data: wholeFile.optional(),
        /** Guessed from the headers when left out. */
        mapping: columnMapping.optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(20_000).optional(),
      })
      .refine((v) => (v.jobId === undefined) !== (v.data === undefined), { message: 'required', path: ['jobId'] }),
    'Dry run of a CSV (uploaded, or given whole) with a column mapping: every problem of the next rows (bad fields, duplicates of a client or of an earlier row), nothing written',
    returns<ImportCheck>(),
    managersOrApproved,
  ),
  'clients.import': command(
    z
      .strictObject({
        jobId: id.optional(),
        /** Or the whole file at once (the CLI), base64. */
        data: wholeFile.optional(),
        /** Guessed from the headers when left out. */
        mapping: columnMapping.optional(),
        /** Rows that duplicate a client (or an earlier row) by phone or email are left out instead of refusing the file. */
        skipDuplicates: z.boolean().optional(),
      })
      .refine((v) => (v.jobId === undefined) !== (v.data === undefined), { message: 'required', path: ['jobId'] }),
    'Import every row of a CSV as new clients, all or nothing: one problem in any row and nothing is written',
    returns<ImportResult>(),
    managersOrApproved,
  ),
  'clients.exportCsv': query(
    z.strictObject({}),
    'The whole client list as CSV (UTF-8 with BOM, `;` between fields) with the columns an import reads back',
    returns<ClientCsvExport>(),
    managers,
  ),
};
