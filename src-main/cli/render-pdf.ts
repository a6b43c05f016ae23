/**
 * Renders an HTML page to a PDF file with the machine's Chromium (Debian's by default, or
 * CHROMIUM_PATH): the CLI's counterpart of Electron's printToPDF.
 */
export async function renderPdf(html: string, file: string): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ path: file, format: 'A4', printBackground: false });
  } finally {
    await browser.close();
  }
}
