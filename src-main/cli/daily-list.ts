import { parsePhoneNumberWithError } from 'libphonenumber-js';
import type { DailyListRow } from '../../src-shared/domain/agenda';
import type { Language } from '../../src-shared/domain/centre';
import { dailyListText } from '../../src-shared/i18n/daily-list';

export interface DailyList {
  centreName: string;
  date: string;
  language: Language;
  professional: string | null;
  rows: DailyListRow[];
}

function heading(list: DailyList): string {
  const text = dailyListText[list.language];
  const day = new Intl.DateTimeFormat(list.language === 'es' ? 'es-ES' : 'en-GB', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${list.date}T12:00:00Z`));
  return [`${text.title} · ${list.centreName}`, day, list.professional].filter(Boolean).join(' · ');
}

function phone(e164: string | null): string {
  if (!e164) return '';
  try {
    return parsePhoneNumberWithError(e164).formatInternational();
  } catch {
    return e164;
  }
}

function cells(list: DailyList, row: DailyListRow): string[] {
  const text = dailyListText[list.language];
  return [row.time, row.clientName, phone(row.phone), row.what, row.professional, text.status[row.status], row.notes ? `⚠ ${row.notes}` : ''];
}

/** The daily list as plain text, aligned in columns, for the terminal. */
export function dailyListAsText(list: DailyList): string {
  const text = dailyListText[list.language];
  if (list.rows.length === 0) return `${heading(list)}\n\n${text.empty}\n`;
  const table = [text.columns, ...list.rows.map((row) => cells(list, row))];
  const widths = text.columns.map((_, i) => Math.max(...table.map((r) => [...r[i]!].length)));
  const lines = table.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
  return `${heading(list)}\n\n${lines.join('\n')}\n`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The daily list as a print page (A4, black on white), for Chromium to render to PDF. */
export function dailyListAsHtml(list: DailyList): string {
  const text = dailyListText[list.language];
  const body =
    list.rows.length === 0
      ? `<p>${escapeHtml(text.empty)}</p>`
      : `<table><thead><tr>${text.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${list.rows
          .map((row) => `<tr${row.notes ? ' class="note"' : ''}>${cells(list, row).map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
  return `<!doctype html><html lang="${list.language}"><head><meta charset="utf-8"><title>${escapeHtml(text.title)}</title><style>
@page { size: A4; margin: 14mm; }
body { font: 10.5pt/1.35 system-ui, sans-serif; color: #000; }
h1 { font-size: 14pt; margin: 0 0 8pt; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 3pt 4pt; border-bottom: 0.5pt solid #999; vertical-align: top; }
th { border-bottom: 1pt solid #000; }
tr { break-inside: avoid; }
td:nth-child(-n+3) { white-space: nowrap; }
tr.note td:last-child { font-weight: 600; }
</style></head><body><h1>${escapeHtml(heading(list))}</h1>${body}</body></html>`;
}
