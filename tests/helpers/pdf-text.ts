import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A PDF's text read back with pdftotext (Debian's poppler-utils), whitespace collapsed. A machine without it
 * fails the test that asks, saying what to install: a PDF check that skipped itself there checked nothing.
 */
export function pdfText(pdf: string | Buffer): string {
  const dir = typeof pdf === 'string' ? null : mkdtempSync(join(tmpdir(), 'mostrador-pdf-'));
  try {
    const file = dir ? join(dir, 'document.pdf') : (pdf as string);
    if (dir) writeFileSync(file, pdf);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('pdftotext is missing: install poppler-utils (apt-get install -y poppler-utils) to check the PDFs', { cause: error });
    }
    throw error;
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
