import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { exportDocuments } from '../../src-main/cli/fiscal-commands';
import { exportDocument, namespaces, recordXml, soapEnvelope, submissionXml } from '../../src-main/engine/fiscal/record-xml';
import type { RecordPayload } from '../../src-main/engine/fiscal/record-payload';
import type { ChainRecord } from '../../src-main/engine/fiscal/verify-chain';
import { chainRecords } from '../helpers/fiscal-chain';

// The element sequences of SuministroInformacion.xsd (RegistroFacturacionAltaType / AnulacionType, the
// optional ones included): a record's children must appear in this order.
const altaSequence = [
  'IDVersion', 'IDFactura', 'RefExterna', 'NombreRazonEmisor', 'Subsanacion', 'RechazoPrevio', 'TipoFactura', 'TipoRectificativa',
  'FacturasRectificadas', 'FacturasSustituidas', 'ImporteRectificacion', 'FechaOperacion', 'DescripcionOperacion', 'FacturaSimplificadaArt7273',
  'FacturaSinIdentifDestinatarioArt61d', 'Macrodato', 'EmitidaPorTerceroODestinatario', 'Tercero', 'Destinatarios', 'Cupon', 'Desglose',
  'CuotaTotal', 'ImporteTotal', 'Encadenamiento', 'SistemaInformatico', 'FechaHoraHusoGenRegistro', 'NumRegistroAcuerdoFacturacion',
  'IdAcuerdoSistemaInformatico', 'TipoHuella', 'Huella',
];
const anulacionSequence = ['IDVersion', 'IDFactura', 'RefExterna', 'SinRegistroPrevio', 'RechazoPrevio', 'GeneradoPor', 'Generador', 'Encadenamiento', 'SistemaInformatico', 'FechaHoraHusoGenRegistro', 'TipoHuella', 'Huella'];
const detailSequence = ['Impuesto', 'ClaveRegimen', 'CalificacionOperacion', 'OperacionExenta', 'TipoImpositivo', 'BaseImponibleOimporteNoSujeto', 'BaseImponibleACoste', 'CuotaRepercutida'];
const systemSequence = ['NombreRazon', 'NIF', 'NombreSistemaInformatico', 'IdSistemaInformatico', 'Version', 'NumeroInstalacion', 'TipoUsoPosibleSoloVerifactu', 'TipoUsoPosibleMultiOT', 'IndicadorMultiplesOT'];

const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, isArray: (name) => ['RegistroFactura', 'DetalleDesglose', 'IDFacturaSustituida'].includes(name) });
const ordered = new XMLParser({ preserveOrder: true, removeNSPrefix: true, parseTagValue: false });

type OrderedNode = Record<string, OrderedNode[] | string>;
/** The child element names of the first element called `name`, in document order. */
function childNames(xml: string, name: string): string[] {
  const find = (nodes: OrderedNode[]): OrderedNode[] | null => {
    for (const node of nodes) {
      for (const [key, value] of Object.entries(node)) {
        if (!Array.isArray(value)) continue;
        if (key === name) return value;
        const deeper = find(value);
        if (deeper) return deeper;
      }
    }
    return null;
  };
  const children = find(ordered.parse(xml) as OrderedNode[]);
  if (!children) throw new Error(`no ${name} in ${xml.slice(0, 200)}`);
  return children.flatMap((c) => Object.keys(c).filter((k) => k !== '#text' && k !== ':@'));
}

function inOrder(names: string[], sequence: string[]): boolean {
  const indexes = names.map((n) => sequence.indexOf(n));
  return indexes.every((i) => i >= 0) && indexes.every((i, k) => k === 0 || i > indexes[k - 1]!);
}

const [first, second] = chainRecords(2);
const issuer = { name: 'Salón Lucía SL', taxId: 'B76543214' };

function withPayload(row: ChainRecord, patch: Partial<RecordPayload>): ChainRecord {
  return { ...row, payload: JSON.stringify({ ...(JSON.parse(row.payload) as RecordPayload), ...patch }) };
}

describe('the XML of a registration record', () => {
  it('is well formed, in the XSD order, and carries the hashed fields exactly as the row holds them', () => {
    const xml = soapEnvelope(issuer, [second!]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const alta = (parser.parse(xml) as { Envelope: { Body: { RegFactuSistemaFacturacion: { RegistroFactura: { RegistroAlta: Record<string, unknown> }[] } } } }).Envelope.Body
      .RegFactuSistemaFacturacion.RegistroFactura[0]!.RegistroAlta;
    expect(alta.IDVersion).toBe('1.0');
    expect(alta.IDFactura).toEqual({ IDEmisorFactura: second!.issuer_tax_id, NumSerieFactura: second!.invoice_number, FechaExpedicionFactura: second!.invoice_date });
    expect(alta.TipoFactura).toBe('F2');
    expect(alta.CuotaTotal).toBe(second!.tax_total);
    expect(alta.ImporteTotal).toBe(second!.total);
    expect(alta.FechaHoraHusoGenRegistro).toBe(second!.generated_at);
    expect(alta.TipoHuella).toBe('01');
    expect(alta.Huella).toBe(second!.fingerprint);
    expect(alta.Encadenamiento).toEqual({
      RegistroAnterior: { IDEmisorFactura: first!.issuer_tax_id, NumSerieFactura: first!.invoice_number, FechaExpedicionFactura: first!.invoice_date, Huella: first!.fingerprint },
    });
    expect(inOrder(childNames(xml, 'RegistroAlta'), altaSequence)).toBe(true);
    expect(inOrder(childNames(xml, 'SistemaInformatico'), systemSequence)).toBe(true);
    expect(childNames(xml, 'SistemaInformatico')).toEqual(systemSequence);
  });

  it('marks the first record of a chain PrimerRegistro S', () => {
    const xml = recordXml(first!);
    expect(xml).toContain('<sum1:Encadenamiento><sum1:PrimerRegistro>S</sum1:PrimerRegistro></sum1:Encadenamiento>');
  });

  it('writes each rate as a DetalleDesglose: IVA, general regime, S1 with rate and tax; 0 % as exempt without them', () => {
    const row = withPayload(first!, {
      breakdown: [
        { rateBp: 2100, baseMinor: 1000, taxMinor: 210 },
        { rateBp: 1000, baseMinor: 500, taxMinor: 50 },
        { rateBp: 0, baseMinor: 300, taxMinor: 0 },
      ],
    });
    const xml = `<r xmlns:sum1="${namespaces.sum1}">${recordXml(row)}</r>`;
    const details = (parser.parse(xml) as { r: { RegistroAlta: { Desglose: { DetalleDesglose: Record<string, string>[] } } } }).r.RegistroAlta.Desglose.DetalleDesglose;
    expect(details).toEqual([
      { Impuesto: '01', ClaveRegimen: '01', CalificacionOperacion: 'S1', TipoImpositivo: '21.00', BaseImponibleOimporteNoSujeto: '10.00', CuotaRepercutida: '2.10' },
      { Impuesto: '01', ClaveRegimen: '01', CalificacionOperacion: 'S1', TipoImpositivo: '10.00', BaseImponibleOimporteNoSujeto: '5.00', CuotaRepercutida: '0.50' },
      { Impuesto: '01', ClaveRegimen: '01', OperacionExenta: 'E1', BaseImponibleOimporteNoSujeto: '3.00' },
    ]);
    expect(inOrder(childNames(xml, 'DetalleDesglose'), detailSequence)).toBe(true);
  });

  it('writes a corrective record with its type I, the corrected invoice, and a full invoice with its recipient and the ones it replaces', () => {
    const corrective = withPayload({ ...second!, invoice_type: 'R5', tax_total: '-2.10', total: '-12.10' }, {
      corrected: { number: 'F2-2027-000001', date: '04-01-2027' },
      breakdown: [{ rateBp: 2100, baseMinor: -1000, taxMinor: -210 }],
    });
    const full = withPayload({ ...second!, invoice_type: 'F3' }, {
      recipient: { name: 'Empresa & Hijos <SL>', taxId: '12345678Z' },
      replaced: [{ number: 'F2-2027-000001', date: '04-01-2027' }, { number: 'F2-2027-000002', date: '04-01-2027' }],
    });
    const xml = soapEnvelope(issuer, [corrective, full]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const [r, f] = (parser.parse(xml) as { Envelope: { Body: { RegFactuSistemaFacturacion: { RegistroFactura: { RegistroAlta: Record<string, unknown> }[] } } } }).Envelope.Body
      .RegFactuSistemaFacturacion.RegistroFactura.map((x) => x.RegistroAlta);
    expect(r!.TipoRectificativa).toBe('I');
    expect(r!.FacturasRectificadas).toEqual({ IDFacturaRectificada: { IDEmisorFactura: second!.issuer_tax_id, NumSerieFactura: 'F2-2027-000001', FechaExpedicionFactura: '04-01-2027' } });
    expect(r!.ImporteTotal).toBe('-12.10');
    expect(f!.Destinatarios).toEqual({ IDDestinatario: { NombreRazon: 'Empresa & Hijos <SL>', NIF: '12345678Z' } });
    expect((f!.FacturasSustituidas as { IDFacturaSustituida: unknown[] }).IDFacturaSustituida).toHaveLength(2);
    expect(xml).toContain('Empresa &amp; Hijos &lt;SL&gt;');
    expect(inOrder(childNames(xml, 'RegistroAlta'), altaSequence)).toBe(true);
  });

  it('escapes whatever a name or description holds', () => {
    const row = withPayload(first!, { issuerName: `O'Brien "&" <Co>`, description: 'Corte & tinte <b>' });
    const xml = soapEnvelope(issuer, [row]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const htmlDecoding = new XMLParser({ removeNSPrefix: true, parseTagValue: false, htmlEntities: true, isArray: (n) => n === 'RegistroFactura' });
    const alta = (htmlDecoding.parse(xml) as { Envelope: { Body: { RegFactuSistemaFacturacion: { RegistroFactura: { RegistroAlta: Record<string, string> }[] } } } }).Envelope.Body
      .RegFactuSistemaFacturacion.RegistroFactura[0]!.RegistroAlta;
    expect(alta.NombreRazonEmisor).toBe(`O'Brien "&" <Co>`);
    expect(alta.DescripcionOperacion).toBe('Corte & tinte <b>');
  });
});

describe('the XML of a cancellation record', () => {
  it('names the cancelled invoice and keeps the XSD order', () => {
    const records = chainRecords(3, { cancelEvery: 3 });
    const cancellation = records[2]!;
    expect(cancellation.kind).toBe('anulacion');
    const xml = soapEnvelope(issuer, [cancellation]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const anulacion = (parser.parse(xml) as { Envelope: { Body: { RegFactuSistemaFacturacion: { RegistroFactura: { RegistroAnulacion: Record<string, unknown> }[] } } } }).Envelope.Body
      .RegFactuSistemaFacturacion.RegistroFactura[0]!.RegistroAnulacion;
    expect(anulacion.IDFactura).toEqual({ IDEmisorFacturaAnulada: records[1]!.issuer_tax_id, NumSerieFacturaAnulada: records[1]!.invoice_number, FechaExpedicionFacturaAnulada: records[1]!.invoice_date });
    expect(anulacion.Huella).toBe(cancellation.fingerprint);
    expect(inOrder(childNames(xml, 'RegistroAnulacion'), anulacionSequence)).toBe(true);
  });
});

describe('a submission', () => {
  it('has the issuer in Cabecera, the records in order, the AEAT namespaces, and at most 1000 records', () => {
    const records = chainRecords(5);
    const xml = soapEnvelope(issuer, records);
    expect(xml).toContain(`xmlns:sum="${namespaces.sum}"`);
    expect(xml).toContain(`xmlns:sum1="${namespaces.sum1}"`);
    const body = (parser.parse(xml) as { Envelope: { Body: { RegFactuSistemaFacturacion: { Cabecera: unknown; RegistroFactura: { RegistroAlta: { Huella: string } }[] } } } }).Envelope.Body
      .RegFactuSistemaFacturacion;
    expect(body.Cabecera).toEqual({ ObligadoEmision: { NombreRazon: issuer.name, NIF: issuer.taxId } });
    expect(body.RegistroFactura.map((r) => r.RegistroAlta.Huella)).toEqual(records.map((r) => r.fingerprint));
    expect(() => submissionXml(issuer, [])).toThrow(RangeError);
    expect(() => submissionXml(issuer, chainRecords(1001))).toThrow(RangeError);
    expect(XMLValidator.validate(exportDocument(issuer, records))).toBe(true);
  });
});

describe('the export for the accountant', () => {
  it('makes one document per issuer and 1000 records, each well formed, the records in chain order', () => {
    const a = chainRecords(1001, { issuerTaxId: 'B76543214' });
    const b = chainRecords(2, { issuerTaxId: 'A58818501', issuerName: 'Otra SL' });
    const documents = exportDocuments([...b, ...a]);
    expect(documents.map((d) => d.records)).toEqual([2, 1000, 1]);
    for (const d of documents) expect(XMLValidator.validate(d.xml)).toBe(true);
    expect(documents[0]!.xml).toContain('<sum1:NombreRazon>Otra SL</sum1:NombreRazon><sum1:NIF>A58818501</sum1:NIF>');
    expect(documents[2]!.xml).toContain(a[1000]!.fingerprint);
  });
});
