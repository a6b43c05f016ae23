import { createHash } from 'node:crypto';
import { pad } from '../../../src-shared/time/calendar-date';
import { offsetAt } from '../time/zone-offset';

/**
 * VERI*FACTU billing records' fingerprint ("huella"), as the AEAT's "Detalle de las especificaciones
 * técnicas para la generación de la huella o hash de los registros de facturación" (v0.1.2) sets it:
 * the record's fields as `name=value` joined by `&` in a fixed order, values trimmed (an empty one
 * still written as `name=`), SHA-256 over UTF-8, upper-case hexadecimal. Each record carries the
 * previous record's fingerprint of the same issuer (empty for the first), which makes the chain.
 */

/** A registration record (registro de alta): an invoice issued. */
export interface AltaFields {
  issuerTaxId: string;
  /** NumSerieFactura: the series and number as printed. */
  number: string;
  /** The issue date, YYYY-MM-DD (written dd-mm-yyyy). */
  issuedOn: string;
  /** F1 full invoice, F2 simplified, R1–R5 corrective. */
  invoiceType: string;
  taxMinor: number;
  totalMinor: number;
  previousFingerprint: string | null;
  /** FechaHoraHusoGenRegistro: when the record was generated, with the zone's offset then. */
  generatedAt: string;
}

/** A cancellation record (registro de anulación) of an invoice issued earlier. */
export interface AnulacionFields {
  issuerTaxId: string;
  number: string;
  issuedOn: string;
  previousFingerprint: string | null;
  generatedAt: string;
}

export function altaInput(f: AltaFields): string {
  return joinFields([
    ['IDEmisorFactura', f.issuerTaxId],
    ['NumSerieFactura', f.number],
    ['FechaExpedicionFactura', aeatDate(f.issuedOn)],
    ['TipoFactura', f.invoiceType],
    ['CuotaTotal', aeatAmount(f.taxMinor)],
    ['ImporteTotal', aeatAmount(f.totalMinor)],
    ['Huella', f.previousFingerprint ?? ''],
    ['FechaHoraHusoGenRegistro', f.generatedAt],
  ]);
}

export function anulacionInput(f: AnulacionFields): string {
  return joinFields([
    ['IDEmisorFacturaAnulada', f.issuerTaxId],
    ['NumSerieFacturaAnulada', f.number],
    ['FechaExpedicionFacturaAnulada', aeatDate(f.issuedOn)],
    ['Huella', f.previousFingerprint ?? ''],
    ['FechaHoraHusoGenRegistro', f.generatedAt],
  ]);
}

export function fingerprint(input: string): string {
  return createHash('sha256').update(input, 'utf8').digest('hex').toUpperCase();
}

function joinFields(fields: readonly (readonly [string, string])[]): string {
  return fields.map(([name, value]) => `${name}=${value.trim()}`).join('&');
}

/** dd-mm-yyyy, the AEAT's date form. */
export function aeatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}-${m}-${y}`;
}

/** An amount in minor units as the AEAT writes it: a dot and two decimals ("-12.35" for a correction). */
export function aeatAmount(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${pad(abs % 100)}`;
}

/** An instant as ISO 8601 in the zone's local time with its offset then, to the second (2024-01-01T19:20:30+01:00). */
export function generationTimestamp(instant: Date, timeZone: string): string {
  const ms = Math.floor(instant.getTime() / 1000) * 1000;
  const offsetMin = Math.round(offsetAt(timeZone, ms) / 60_000);
  const local = new Date(ms + offsetMin * 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
