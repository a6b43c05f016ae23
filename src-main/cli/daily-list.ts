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
  /** When it is printed, and the centre's zone to say it in. */
  printedAt: Date;
  timeZone: string;
}

function locale(list: DailyList): string {
  return list.language === 'es' ? 'es-ES' : 'en-GB';
}

function heading(list: DailyList): string {
  const text = dailyListText[list.language];
  const day = new Intl.DateTimeFormat(locale(list), { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${list.date}T12:00:00Z`));
  return [`${text.title} · ${list.centreName}`, day, list.professional].filter(Boolean).join(' · ');
}

function printedAt(list: DailyList): string {
  const when = new Intl.DateTimeFormat(locale(list), { dateStyle: 'short', timeStyle: 'short', timeZone: list.timeZone }).format(list.printedAt);
  return dailyListText[list.language].printedAt(when);
}

function phone(e164: string | null): string {
  if (!e164) return '';
  try {
    return parsePhoneNumberWithError(e164).formatInternational();
  } catch {
    return e164;
  }
}

/** The booked first, the waitlist apart: a waiting client is not expected at the door. */
function split(rows: DailyListRow[]): { booked: DailyListRow[]; waiting: DailyListRow[] } {
  return { booked: rows.filter((r) => r.status !== 'waitlisted'), waiting: rows.filter((r) => r.status === 'waitlisted') };
}

function cells(list: DailyList, row: DailyListRow, box: string): string[] {
  const text = dailyListText[list.language];
  return [
    box,
    `${row.time}–${row.endTime}`,
    row.clientName,
    phone(row.phone),
    row.what,
    row.places ? text.places(row.places.held, row.places.of, row.places.waiting) : '',
    row.professional,
    text.status[row.status],
    row.notes ? `⚠ ${row.notes}` : '',
  ];
}

function textTable(list: DailyList, rows: DailyListRow[]): string {
  const text = dailyListText[list.language];
  const table = [text.columns, ...rows.map((row) => cells(list, row, '[ ]'))];
  const widths = text.columns.map((_, i) => Math.max(...table.map((r) => [...r[i]!].length)));
  return table.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

/** The daily list as plain text, aligned in columns, for the terminal: the booked, then the waitlist. */
export function dailyListAsText(list: DailyList): string {
  const text = dailyListText[list.language];
  const head = `${heading(list)}\n${printedAt(list)}\n\n`;
  if (list.rows.length === 0) return `${head}${text.empty}\n`;
  const { booked, waiting } = split(list.rows);
  const parts = [`${text.booked}\n${booked.length ? textTable(list, booked) : text.empty}`];
  if (waiting.length) parts.push(`${text.waitlist}\n${textTable(list, waiting)}`);
  return `${head}${parts.join('\n\n')}\n`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function htmlTable(list: DailyList, rows: DailyListRow[]): string {
  const text = dailyListText[list.language];
  return `<table><colgroup><col class="tick"><col span="7"><col class="notes"></colgroup><thead><tr>${text.columns
    .map((c) => `<th>${escapeHtml(c)}</th>`)
    .join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr${row.notes ? ' class="note"' : ''}>${cells(list, row, '☐').map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** The daily list as a print page (A4 landscape, black on white), for Chromium to render to PDF. */
export function dailyListAsHtml(list: DailyList): string {
  const text = dailyListText[list.language];
  const { booked, waiting } = split(list.rows);
  const body =
    list.rows.length === 0
      ? `<p>${escapeHtml(text.empty)}</p>`
      : `<h2>${escapeHtml(text.booked)}</h2>${booked.length ? htmlTable(list, booked) : `<p>${escapeHtml(text.empty)}</p>`}${
          waiting.length ? `<h2>${escapeHtml(text.waitlist)}</h2>${htmlTable(list, waiting)}` : ''
        }`;
  return `<!doctype html><html lang="${list.language}"><head><meta charset="utf-8"><title>${escapeHtml(text.title)}</title><style>
@page { size: A4 landscape; margin: 12mm; }
body { font: 10pt/1.35 system-ui, sans-serif; color: #000; }
h1 { font-size: 14pt; margin: 0 0 2pt; }
h2 { font-size: 11pt; margin: 10pt 0 4pt; }
.printed { margin: 0 0 6pt; font-size: 9pt; }
table { width: 100%; border-collapse: collapse; table-layout: auto; }
col.tick { width: 6mm; }
col.notes { width: 30%; }
th, td { text-align: left; padding: 3pt 4pt; border-bottom: 0.5pt solid #999; vertical-align: top; }
th { border-bottom: 1pt solid #000; }
tr { break-inside: avoid; }
td:nth-child(-n+4) { white-space: nowrap; }
td:first-child { font-size: 12pt; }
tr.note td:last-child { font-weight: 600; }
</style></head><body><h1>${escapeHtml(heading(list))}</h1><p class="printed">${escapeHtml(printedAt(list))}</p>${body}</body></html>`;
}
