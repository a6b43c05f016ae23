import type { TaxBreakdown } from '../../../src-shared/domain/fiscal';
import { aeatAmount } from './fingerprint';
import type { FiscalRecordRow } from './record';
import type { RecordPayload, RecordSystem } from './record-payload';

/**
 * The AEAT's XML of VERI*FACTU billing records (SuministroLR.xsd / SuministroInformacion.xsd, IDVersion
 * 1.0): one RegistroAlta or RegistroAnulacion per stored record, the RegFactuSistemaFacturacion of a
 * submission (Cabecera with the issuer, then at most 1000 RegistroFactura) and its SOAP envelope.
 * Elements follow the XSD's sequence order; the hashed fields are written exactly as stored (and
 * hashed) in the row, the rest comes from the row's payload. Pure: no I/O.
 */

export const namespaces = {
  soapenv: 'http://schemas.xmlsoap.org/soap/envelope/',
  sum: 'https://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones/es/aeat/tike/cont/ws/SuministroLR.xsd',
  sum1: 'https://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones/es/aeat/tike/cont/ws/SuministroInformacion.xsd',
} as const;

/** RegFactuSistemaFacturacion takes at most 1000 RegistroFactura (SuministroLR.xsd maxOccurs). */
export const maxRecordsPerSubmission = 1000;

/** The columns of a fiscal_records row that its XML needs. */
export type RecordRow = Pick<
  FiscalRecordRow,
  'kind' | 'issuer_tax_id' | 'invoice_number' | 'invoice_date' | 'invoice_type' | 'tax_total' | 'total' | 'previous_fingerprint' | 'generated_at' | 'fingerprint' | 'payload'
>;

/** ObligadoEmision: who issued the invoices (the centre). */
export interface Issuer {
  name: string;
  taxId: string;
}

type Node = string | Node[] | null;

/** `<sum1:Name>…</sum1:Name>`: text content is escaped; a null child (an optional element) writes nothing. */
function el(name: string, ...children: Node[]): string {
  return `<sum1:${name}>${children.map(render).join('')}</sum1:${name}>`;
}
function render(node: Node): string {
  if (node === null) return '';
  return Array.isArray(node) ? node.map(render).join('') : node;
}
function text(name: string, value: string): string {
  return el(name, escapeXml(value));
}

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** The row's payload (JSON as the lead's checkout stored it). */
export function payloadOf(row: Pick<RecordRow, 'payload'>): RecordPayload {
  return JSON.parse(row.payload) as RecordPayload;
}

/** One record: `<sum1:RegistroAlta>` or `<sum1:RegistroAnulacion>`. */
export function recordXml(row: RecordRow, payload: RecordPayload = payloadOf(row)): string {
  return row.kind === 'alta' ? altaXml(row, payload) : anulacionXml(row, payload);
}

function altaXml(row: RecordRow, p: RecordPayload): string {
  if (row.invoice_type === null || row.tax_total === null || row.total === null) throw new Error(`registration record ${row.invoice_number} lacks its hashed amounts`);
  return el(
    'RegistroAlta',
    text('IDVersion', '1.0'),
    el('IDFactura', text('IDEmisorFactura', row.issuer_tax_id), text('NumSerieFactura', row.invoice_number), text('FechaExpedicionFactura', row.invoice_date)),
    text('NombreRazonEmisor', p.issuerName),
    text('TipoFactura', row.invoice_type),
    // Corrective documents here correct by differences (the void's negative amounts).
    p.corrected ? text('TipoRectificativa', 'I') : null,
    p.corrected ? el('FacturasRectificadas', invoiceRef('IDFacturaRectificada', row.issuer_tax_id, p.corrected)) : null,
    p.replaced.length > 0 ? el('FacturasSustituidas', p.replaced.map((r) => invoiceRef('IDFacturaSustituida', row.issuer_tax_id, r))) : null,
    text('DescripcionOperacion', p.description.slice(0, 500) || 'Servicios'),
    p.recipient ? el('Destinatarios', el('IDDestinatario', text('NombreRazon', p.recipient.name.slice(0, 120)), partyId(p.recipient.taxId))) : null,
    el('Desglose', p.breakdown.map(detail)),
    text('CuotaTotal', row.tax_total),
    text('ImporteTotal', row.total),
    chaining(row, p),
    systemXml(p.system),
    text('FechaHoraHusoGenRegistro', row.generated_at),
    text('TipoHuella', '01'),
    text('Huella', row.fingerprint),
  );
}

function anulacionXml(row: RecordRow, p: RecordPayload): string {
  return el(
    'RegistroAnulacion',
    text('IDVersion', '1.0'),
    el(
      'IDFactura',
      text('IDEmisorFacturaAnulada', row.issuer_tax_id),
      text('NumSerieFacturaAnulada', row.invoice_number),
      text('FechaExpedicionFacturaAnulada', row.invoice_date),
    ),
    chaining(row, p),
    systemXml(p.system),
    text('FechaHoraHusoGenRegistro', row.generated_at),
    text('TipoHuella', '01'),
    text('Huella', row.fingerprint),
  );
}

function invoiceRef(name: string, issuerTaxId: string, ref: { number: string; date: string }): string {
  return el(name, text('IDEmisorFactura', issuerTaxId), text('NumSerieFactura', ref.number), text('FechaExpedicionFactura', ref.date));
}

/** A Spanish NIF is 9 characters (NIFType); anything else is written as another document (IDOtro 06). */
function partyId(taxId: string): string {
  return /^[0-9A-Z]{9}$/.test(taxId) ? text('NIF', taxId) : el('IDOtro', text('IDType', '06'), text('ID', taxId.slice(0, 20)));
}

/**
 * One DetalleDesglose: IVA (01), general regime (01). A taxed rate is "sujeta y no exenta" (S1) with
 * its rate and tax; Spain's 0 % is the exempt choice of the centre's items, written as exempt under
 * art. 20 (E1), which carries neither rate nor tax.
 */
function detail(t: TaxBreakdown): string {
  const taxed = t.rateBp > 0;
  return el(
    'DetalleDesglose',
    text('Impuesto', '01'),
    text('ClaveRegimen', '01'),
    taxed ? text('CalificacionOperacion', 'S1') : text('OperacionExenta', 'E1'),
    taxed ? text('TipoImpositivo', rateText(t.rateBp)) : null,
    text('BaseImponibleOimporteNoSujeto', aeatAmount(t.baseMinor)),
    taxed ? text('CuotaRepercutida', aeatAmount(t.taxMinor)) : null,
  );
}

/** 2100 bp → "21.00" (Tipo2.2Type). */
export function rateText(rateBp: number): string {
  return `${Math.floor(rateBp / 100)}.${String(rateBp % 100).padStart(2, '0')}`;
}

/** PrimerRegistro "S" for the chain's first record; else the previous record and its fingerprint as hashed. */
function chaining(row: RecordRow, p: RecordPayload): string {
  if (row.previous_fingerprint === '') return el('Encadenamiento', text('PrimerRegistro', 'S'));
  if (!p.previous) throw new Error(`record ${row.invoice_number} is chained but its payload names no previous record`);
  return el(
    'Encadenamiento',
    el(
      'RegistroAnterior',
      text('IDEmisorFactura', row.issuer_tax_id),
      text('NumSerieFactura', p.previous.number),
      text('FechaExpedicionFactura', p.previous.date),
      text('Huella', row.previous_fingerprint),
    ),
  );
}

function systemXml(s: RecordSystem): string {
  return el(
    'SistemaInformatico',
    text('NombreRazon', s.producerName),
    text('NIF', s.producerTaxId),
    text('NombreSistemaInformatico', s.name),
    text('IdSistemaInformatico', s.id),
    text('Version', s.version),
    text('NumeroInstalacion', s.installation),
    text('TipoUsoPosibleSoloVerifactu', s.onlyVerifactu),
    text('TipoUsoPosibleMultiOT', s.multipleTaxpayers),
    text('IndicadorMultiplesOT', s.multipleTaxpayersNow),
  );
}

/** `<sum:RegFactuSistemaFacturacion>`: the issuer, then each record in the order given (at most 1000). */
export function submissionXml(issuer: Issuer, rows: readonly RecordRow[], withNamespaces = false): string {
  if (rows.length === 0 || rows.length > maxRecordsPerSubmission) throw new RangeError(`a submission holds 1 to ${maxRecordsPerSubmission} records, not ${rows.length}`);
  const ns = withNamespaces ? ` xmlns:sum="${namespaces.sum}" xmlns:sum1="${namespaces.sum1}"` : '';
  const header = `<sum:Cabecera>${el('ObligadoEmision', text('NombreRazon', issuer.name.slice(0, 120)), text('NIF', issuer.taxId))}</sum:Cabecera>`;
  const records = rows.map((row) => `<sum:RegistroFactura>${recordXml(row)}</sum:RegistroFactura>`).join('');
  return `<sum:RegFactuSistemaFacturacion${ns}>${header}${records}</sum:RegFactuSistemaFacturacion>`;
}

/** What is posted to the agency's VerifactuSOAP endpoint. */
export function soapEnvelope(issuer: Issuer, rows: readonly RecordRow[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<soapenv:Envelope xmlns:soapenv="${namespaces.soapenv}" xmlns:sum="${namespaces.sum}" xmlns:sum1="${namespaces.sum1}">` +
    `<soapenv:Header/><soapenv:Body>${submissionXml(issuer, rows)}</soapenv:Body></soapenv:Envelope>`
  );
}

/** A standalone document (the accountant's export): the same RegFactuSistemaFacturacion, its namespaces declared on it. */
export function exportDocument(issuer: Issuer, rows: readonly RecordRow[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${submissionXml(issuer, rows, true)}\n`;
}
