import type { InvoiceKind, InvoiceType, TaxBreakdown } from '../../../src-shared/domain/fiscal';
import { aeatAmount, aeatDate, altaInput, anulacionInput, fingerprint, generationTimestamp } from './fingerprint';
import type { RecordPayload, RecordSystem } from './record-payload';

/** A VERI*FACTU billing record as stored (fiscal_records): the hashed fields exactly as hashed, the rest as JSON. */
export interface FiscalRecordRow {
  id: string;
  /** The desk (installation) whose chain it is in. */
  installation_id: string;
  /** 1, 2, 3… in the chain of (installation_id, issuer_tax_id). */
  position: number;
  kind: 'alta' | 'anulacion';
  invoice_id: string;
  issuer_tax_id: string;
  invoice_number: string;
  /** dd-mm-yyyy. */
  invoice_date: string;
  invoice_type: InvoiceType | null;
  /** "12.35" as hashed (alta only). */
  tax_total: string | null;
  total: string | null;
  /** '' for the first record of the chain. */
  previous_fingerprint: string;
  /** FechaHoraHusoGenRegistro, e.g. 2024-01-01T19:20:30+01:00. */
  generated_at: string;
  fingerprint: string;
  /** JSON RecordPayload. */
  payload: string;
  created_at: string;
}

/** What a record takes from its invoice (the invoices row's columns). */
export interface InvoiceFacts {
  id: string;
  kind: InvoiceKind;
  invoice_type: InvoiceType;
  full_number: string;
  /** YYYY-MM-DD. */
  issue_date: string;
  issuer_legal_name: string;
  issuer_tax_id: string;
  customer_name: string | null;
  customer_tax_id: string | null;
  reason: string | null;
  tax_total_minor: number;
  total_minor: number;
  /** JSON TaxBreakdown[]. */
  taxes: string;
}

/** The last record of a chain (installation and issuer): what the next one is chained to. */
export interface ChainTip {
  position: number;
  fingerprint: string;
  invoiceNumber: string;
  /** dd-mm-yyyy. */
  invoiceDate: string;
}

interface RecordContext {
  id: string;
  installationId: string;
  tip: ChainTip | null;
  now: Date;
  timeZone: string;
  system: RecordSystem;
}

function chain(context: RecordContext) {
  const { tip } = context;
  return {
    position: (tip?.position ?? 0) + 1,
    previous_fingerprint: tip?.fingerprint ?? '',
    previous: tip ? { number: tip.invoiceNumber, date: tip.invoiceDate, fingerprint: tip.fingerprint } : null,
    generated_at: generationTimestamp(context.now, context.timeZone),
  };
}

/** The operation as the record describes it (DescripcionOperacion, at most 500 characters). */
function description(invoice: InvoiceFacts, lines: readonly string[]): string {
  const text = invoice.kind === 'corrective' ? `Rectificación: ${invoice.reason ?? ''}` : lines.join(', ');
  return (text.trim() === '' ? 'Venta' : text).slice(0, 500);
}

/**
 * The registration record (registro de alta) of an invoice, chained to `tip`. `corrected` and
 * `replaced` name the invoices a corrective or a replacing (F3) one refers to.
 */
export function altaRecord(
  context: RecordContext,
  invoice: InvoiceFacts,
  refs: { lineDescriptions: readonly string[]; corrected: InvoiceFacts | null; replaced: InvoiceFacts | null },
): FiscalRecordRow {
  const link = chain(context);
  const taxes = JSON.parse(invoice.taxes) as TaxBreakdown[];
  const payload: RecordPayload = {
    issuerName: invoice.issuer_legal_name,
    description: description(invoice, refs.lineDescriptions),
    recipient: invoice.customer_name !== null && invoice.customer_tax_id !== null ? { name: invoice.customer_name, taxId: invoice.customer_tax_id } : null,
    corrected: refs.corrected ? { number: refs.corrected.full_number, date: aeatDate(refs.corrected.issue_date) } : null,
    replaced: refs.replaced ? [{ number: refs.replaced.full_number, date: aeatDate(refs.replaced.issue_date) }] : [],
    breakdown: taxes,
    previous: link.previous,
    system: context.system,
  };
  const fields = {
    issuerTaxId: invoice.issuer_tax_id,
    number: invoice.full_number,
    issuedOn: invoice.issue_date,
    invoiceType: invoice.invoice_type,
    taxMinor: invoice.tax_total_minor,
    totalMinor: invoice.total_minor,
    previousFingerprint: link.previous_fingerprint,
    generatedAt: link.generated_at,
  };
  return {
    id: context.id,
    installation_id: context.installationId,
    position: link.position,
    kind: 'alta',
    invoice_id: invoice.id,
    issuer_tax_id: fields.issuerTaxId,
    invoice_number: fields.number,
    invoice_date: aeatDate(fields.issuedOn),
    invoice_type: invoice.invoice_type,
    tax_total: aeatAmount(fields.taxMinor),
    total: aeatAmount(fields.totalMinor),
    previous_fingerprint: link.previous_fingerprint,
    generated_at: link.generated_at,
    fingerprint: fingerprint(altaInput(fields)),
    payload: JSON.stringify(payload),
    created_at: context.now.toISOString(),
  };
}

/** The cancellation record (registro de anulación) of an invoice whose registration was in error. */
export function anulacionRecord(context: RecordContext, invoice: InvoiceFacts): FiscalRecordRow {
  const link = chain(context);
  const payload: RecordPayload = {
    issuerName: invoice.issuer_legal_name,
    description: 'Anulación',
    recipient: null,
    corrected: null,
    replaced: [],
    breakdown: [],
    previous: link.previous,
    system: context.system,
  };
  return {
    id: context.id,
    installation_id: context.installationId,
    position: link.position,
    kind: 'anulacion',
    invoice_id: invoice.id,
    issuer_tax_id: invoice.issuer_tax_id,
    invoice_number: invoice.full_number,
    invoice_date: aeatDate(invoice.issue_date),
    invoice_type: null,
    tax_total: null,
    total: null,
    previous_fingerprint: link.previous_fingerprint,
    generated_at: link.generated_at,
    fingerprint: fingerprint(
      anulacionInput({
        issuerTaxId: invoice.issuer_tax_id,
        number: invoice.full_number,
        issuedOn: invoice.issue_date,
        previousFingerprint: link.previous_fingerprint,
        generatedAt: link.generated_at,
      }),
    ),
    payload: JSON.stringify(payload),
    created_at: context.now.toISOString(),
  };
}
