import type { ExportFile } from '../../src-shared/domain/reports';

/** Saves a CSV the API made as a download (Electron asks where). */
export function saveCsv(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
