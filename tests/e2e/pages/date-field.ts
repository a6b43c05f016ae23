import type { Locator } from '@playwright/test';

/** 2026-12-07 → "7/12/2026": a date as the desk types it in Spanish (the app's date fields are day first). */
export function dateText(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day}/${month}/${year}`;
}

/** Types a date (given as YYYY-MM-DD) into one of the app's date fields, the way the desk writes it. */
export async function fillDate(field: Locator, iso: string): Promise<void> {
  // A whole date (four-digit year) counts as soon as it is typed.
  await field.fill(dateText(iso));
}
