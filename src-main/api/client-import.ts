import type { ColumnMapping, ImportPreview, RowProblem } from '../../src-shared/domain/client-import';
import type { Language } from '../../src-shared/domain/centre';
import { errorMessage } from '../../src-shared/i18n/errors';
import { clientsForExport, existingContacts, insertImportedClients } from '../db/queries/client-import';
import { listCustomFields } from '../db/queries/custom-fields';
import { readCentreSettings } from '../db/queries/settings';
import type { ReadDb } from '../db/database';
import type { CardParser } from '../engine/clients/import/check-row';
import { checkMapping } from '../engine/clients/import/check-row';
import { clientInput } from '../../src-shared/api/clients';
import { appErrorFromZod } from './zod-error';
import { guessMapping } from '../engine/clients/import/column-guess';
import type { CsvFile } from '../engine/clients/import/csv-read';
import { readCsv } from '../engine/clients/import/csv-read';
import { clientsCsv } from '../engine/clients/import/csv-write';
import type { RowOutcome } from '../engine/clients/import/dry-run';
import { DryRun } from '../engine/clients/import/dry-run';
import { newId } from '../engine/ids';
import { localDate } from '../engine/time/local-date';
import { AppError } from '../errors/app-error';
import type { Caller } from './caller';
import { addUploadPart, dropImportJob, importJob } from './client-import-jobs';
import type { Handlers } from './handler';

type ClientImportHandlers = Pick<Handlers, 'clients.importUpload' | 'clients.importCheck' | 'clients.import' | 'clients.exportCsv'>;

const ownerOf = (caller: Caller) => `${caller.deskId}/${caller.staffId ?? ''}`;
const sampleRows = 8;

/** Each row is parsed by clients.create's own schema, so an imported card passes what a typed one must. */
const parseCard: CardParser = (input) => {
  const parsed = clientInput.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: appErrorFromZod(parsed.error).everyField };
};

async function importRules(db: ReadDb, now: Date) {
  const settings = await readCentreSettings(db);
  const today = localDate(now, settings.timeZone);
  return { country: settings.country, today, customFields: await listCustomFields(db), language: settings.language, parseCard };
}

function readFile(bytes: Buffer): CsvFile {
  const file = readCsv(bytes);
  if (file.rows.length === 0) throw new AppError('csv_no_rows', 'file');
  return file;
}

/** The mapping as the dry run reads it: one per column, missing columns ignored. */
function fullMapping(mapping: ColumnMapping, file: CsvFile): ColumnMapping {
  return file.headers.map((_h, i) => mapping[i] ?? null);
}

/** A dry run's checks hold for the same mapping under the same rules (country, today, custom fields). */
function runKey(mapping: ColumnMapping, rules: Awaited<ReturnType<typeof importRules>>): string {
  return JSON.stringify([mapping, rules.country, rules.today, rules.customFields]);
}

function rowProblems(outcomes: RowOutcome[], language: Language): RowProblem[] {
  return outcomes.flatMap(({ line, problems }) =>
    problems.map(({ field, error, duplicateOf }) => ({
      row: line,
      field,
      code: error.code,
      message: errorMessage(language, error.code, error.params),
      ...(duplicateOf ? { duplicateOf } : {}),
    })),
  );
}

export const clientImportHandlers: ClientImportHandlers = {
  'clients.importUpload': async ({ uploadId, part, last }, { db, caller }) => {
    const job = addUploadPart(uploadId, ownerOf(caller), Buffer.from(part, 'base64'));
    if (!last) return { uploadId: job.id, preview: null };
    try {
      job.file = readFile(Buffer.concat(job.parts));
    } catch (error) {
      dropImportJob(job.id);
      throw error;
    }
    job.parts = [];
    const { customFields } = await importRules(db, new Date());
    const preview: ImportPreview = {
      jobId: job.id,
      encoding: job.file.encoding,
      separator: job.file.separator,
      headers: job.file.headers,
      mapping: guessMapping(job.file.headers, customFields),
      sample: job.file.rows.slice(0, sampleRows).map((r) => r.cells),
      rowCount: job.file.rows.length,
    };
    return { uploadId: job.id, preview };
  },

  'clients.importCheck': async ({ jobId, data, mapping: given, offset = 0, limit }, { db, caller }) => {
    const job = jobId === undefined ? null : importJob(jobId, ownerOf(caller));
    const file = job ? job.file : readFile(Buffer.from(data ?? '', 'base64'));
    if (!file) throw new AppError('import_expired', 'jobId');
    const rules = await importRules(db, new Date());
    const mapping = fullMapping((given as ColumnMapping | undefined) ?? guessMapping(file.headers, rules.customFields), file);
    checkMapping(mapping, file.headers.length, rules);
    const key = runKey(mapping, rules);
    // Offset 0 starts the run over (a changed mapping, or a re-run); otherwise it goes on where it stopped.
    let run = job?.dryRun ?? null;
    if (offset === 0 || !run || run.mappingKey !== key) run = new DryRun(key, file.rows, mapping, rules, await existingContacts(db));
    if (job) job.dryRun = run;
    if (offset !== run.checked.length) throw new AppError('invalid_input', 'offset');
    // A whole file given at once is checked whole: there is no job to go on with.
    const outcomes = run.next(job ? (limit ?? 5000) : file.rows.length);
    return {
      checked: run.checked.length,
      rowCount: file.rows.length,
      problems: rowProblems(outcomes, rules.language),
      rowsWithErrors: run.rowsWithErrors,
      duplicateRows: run.duplicateRows,
    };
  },

  /**
   * All or nothing: every row is checked again inside this one IMMEDIATE transaction (against the
   * cards as they are now), and one problem refuses the whole file before anything is written.
   * The cards go in many rows a statement; the feed's triggers record each row, and the audit
   * trail gets one entry for the import (counts only: no one's personal data to scrub later).
   */
  'clients.import': async ({ jobId, data, mapping: given, skipDuplicates }, { tx, now, caller, log }) => {
    const rules = await importRules(tx, new Date(now));
    const job = jobId === undefined ? null : importJob(jobId, ownerOf(caller));
    const file = job ? job.file : readFile(Buffer.from(data ?? '', 'base64'));
    if (!file) throw new AppError('import_expired', 'jobId');
    const mapping = fullMapping((given as ColumnMapping | undefined) ?? guessMapping(file.headers, rules.customFields), file);
    checkMapping(mapping, file.headers.length, rules);
    const key = runKey(mapping, rules);
    const contacts = await existingContacts(tx);
    // The dry run's row checks are reused when its mapping is this one; duplicates are judged afresh.
    const previous = job?.dryRun?.mappingKey === key ? job.dryRun : null;
    const run = new DryRun(key, file.rows, mapping, rules, contacts).reuseChecks(previous);
    const { cards, skipped } = run.cards(skipDuplicates ?? false);
    await insertImportedClients(tx, cards, now);
    log({ entity: 'client_import', entityId: newId(), changes: { rows: file.rows.length, imported: cards.length, skippedDuplicates: skipped } });
    if (job) dropImportJob(job.id);
    return { imported: cards.length, skippedDuplicates: skipped };
  },

  'clients.exportCsv': async (_input, { db }) => {
    const settings = await readCentreSettings(db);
    const [{ rows, customValues }, customFields] = await Promise.all([clientsForExport(db), listCustomFields(db)]);
    const csv = clientsCsv(rows, customValues, customFields, settings.language);
    const day = localDate(new Date(), settings.timeZone);
    return { fileName: `${settings.language === 'es' ? 'clientes' : 'clients'}-${day}.csv`, data: Buffer.from(csv, 'utf8').toString('base64'), rows: rows.length };
  },
};
