/** The card fields a CSV column can fill (PRODUCT.md §5), plus a full name split into first and last. */
export const importFields = [
  'firstName',
  'lastName',
  'fullName',
  'phone',
  'email',
  'birthDate',
  'sex',
  'address',
  'postalCode',
  'city',
  'taxId',
  'weightKg',
  'heightCm',
  'notes',
  'clientGroup',
  'education',
  'profession',
  'referralSource',
  'invoicingCodes',
  'registeredOn',
] as const;
export type ImportField = (typeof importFields)[number];

/** What one CSV column fills: a card field, `custom:<field id>`, or nothing (null: ignored). */
export type ColumnTarget = ImportField | `custom:${string}`;
export type ColumnMapping = (ColumnTarget | null)[];

export interface ImportPreview {
  /** Names the file kept in main for the dry run and the import (for this desk's session, an hour). */
  jobId: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  separator: ';' | ',' | '\t';
  headers: string[];
  /** Guessed from the headers (Spanish and English names); the desk may change it. */
  mapping: ColumnMapping;
  /** The first rows as read, cell by cell. */
  sample: string[][];
  /** Data rows (empty rows not counted). */
  rowCount: number;
}

export interface RowProblem {
  /** The row's number in the file as a spreadsheet shows it (the header is row 1). */
  row: number;
  /** The card field (or `custom:<id>`) at fault; null for the row as a whole. */
  field: string | null;
  code: string;
  message: string;
  /** A duplicate: of an existing client (their name) or of an earlier row of the file (its number). */
  duplicateOf?: { clientId: string; clientName: string } | { row: number };
}

export interface ImportCheck {
  /** Rows checked so far, counting from the first: the dry run goes on from here. */
  checked: number;
  rowCount: number;
  /** The problems of the rows checked by this call. */
  problems: RowProblem[];
  /** Totals over every row checked so far. */
  rowsWithErrors: number;
  duplicateRows: number;
}

export interface ImportResult {
  imported: number;
  skippedDuplicates: number;
}

export interface ClientCsvExport {
  fileName: string;
  /** The file's bytes, base64: UTF-8 with a BOM, `;` between fields, CRLF lines. */
  data: string;
  rows: number;
}
