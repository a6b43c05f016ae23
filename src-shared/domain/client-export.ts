/** An export written by clients.export, in the data folder's exports/. */
export interface ClientExport {
  fileName: string;
  /** The full path on the machine that holds the data folder. */
  path: string;
  sizeBytes: number;
  /** The parts it holds, in order (card, customFields, tags, history, passes, sales, consents…). */
  parts: string[];
}

export interface ClientExportFile {
  fileName: string;
  base64: string;
}
