import Papa from 'papaparse';
import type { ImportPreview } from '../../../../src-shared/domain/client-import';
import { AppError } from '../../../errors/app-error';

/** A cell this long is no client's data: the file is something else (or broken), refused whole. */
export const maxCellChars = 1024 * 1024;

export interface CsvRow {
  /** As a spreadsheet numbers it: the header row is 1. */
  line: number;
  cells: string[];
}

export interface CsvFile {
  encoding: ImportPreview['encoding'];
  separator: ImportPreview['separator'];
  headers: string[];
  rows: CsvRow[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
// The WHATWG decoder reads 'latin1' as Windows-1252 too: the superset Spanish Excel writes (€, ñ, á…).
const windows1252 = new TextDecoder('windows-1252');

/**
 * The file's text by its encoding: a BOM names it (UTF-8, or Excel's "Unicode text" UTF-16);
 * without one, valid UTF-8 is UTF-8 and anything else is Windows-1252 — a Latin-1 file's "ñ" is
 * never valid UTF-8, and a UTF-8 file is almost never valid as anything else by chance.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvFile['encoding'] } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: windows1252.decode(bytes), encoding: 'windows-1252' };
  }
}

/** The separator the first lines use most consistently: `;` (Spanish Excel), `,` or a tab. */
function guessSeparator(text: string): CsvFile['separator'] {
  const head = text.slice(0, 64 * 1024);
  const candidates: CsvFile['separator'][] = [';', ',', '\t'];
  let best: CsvFile['separator'] = ',';
  let bestScore = 0;
  for (const separator of candidates) {
    const rows = Papa.parse<string[]>(head, { delimiter: separator, preview: 20, skipEmptyLines: true }).data;
    const widths = rows.map((r) => r.length);
    const first = widths[0] ?? 1;
    if (first < 2) continue;
    // Columns the rows agree on: a comma inside "García, Lucía" does not make a column.
    const score = first * widths.filter((w) => w === first).length;
    if (score > bestScore) {
      best = separator;
      bestScore = score;
    }
  }
  return best;
}

const emptyRow = (cells: string[]) => cells.every((c) => c.trim() === '');

/** Reads a CSV: encoding, separator, the header row (the first that is not empty) and the data rows, empty rows left out. */
export function readCsv(bytes: Uint8Array): CsvFile {
  const { text, encoding } = decodeCsv(bytes);
  if (text.includes('\u0000')) throw new AppError('csv_unreadable', 'file');
  const separator = guessSeparator(text);
  const parsed = Papa.parse<string[]>(text, { delimiter: separator, skipEmptyLines: false });
  const unclosed = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed) throw new AppError('csv_unreadable', 'file');
  let headers: string[] | null = null;
  const rows: CsvRow[] = [];
  parsed.data.forEach((cells, index) => {
    const big = cells.findIndex((c) => c.length > maxCellChars);
    if (big >= 0) throw new AppError('csv_cell_too_large', 'file', { detail: String(index + 1) });
    if (emptyRow(cells)) return;
    if (headers === null) headers = cells.map((c) => c.trim());
    else rows.push({ line: index + 1, cells });
  });
  if (headers === null) throw new AppError('csv_no_rows', 'file');
  return { encoding, separator, headers, rows };
}
