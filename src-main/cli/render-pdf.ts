import type { Browser } from 'playwright-core';

/** The machine's Chromium (Debian's by default, or CHROMIUM_PATH), headless and quiet. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Renders an HTML page to a PDF file with that Chromium: the CLI's counterpart of Electron's printToPDF. */
export async function renderPdf(html: string, file: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ path: file, format: 'A4', printBackground: false });
  } finally {
    await browser.close();
  }
}
