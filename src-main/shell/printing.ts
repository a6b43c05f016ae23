import { writeFile } from 'node:fs/promises';
import type { WebContents } from 'electron';
import { BrowserWindow, dialog } from 'electron';

/** "Print": the system print dialog for what the window shows (the daily list's print page). */
export function printPage(contents: WebContents): Promise<boolean> {
  return new Promise((done) => contents.print({ silent: false, printBackground: false }, (success) => done(success)));
}

/** "PDF": renders the page to A4 and asks where to save it. */
export async function savePageAsPdf(contents: WebContents, defaultName: string): Promise<boolean> {
  const pdf = await contents.printToPDF({ pageSize: 'A4', printBackground: false });
  const window = BrowserWindow.fromWebContents(contents);
  const options = { defaultPath: defaultName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return false;
  await writeFile(choice.filePath, pdf);
  return true;
}
