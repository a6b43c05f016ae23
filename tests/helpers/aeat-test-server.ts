import { XMLParser } from 'fast-xml-parser';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the AEAT's VERI*FACTU web service (VerifactuSOAP), on 127.0.0.1 at a free
 * port. It parses the submitted SOAP envelope and answers the way the AEAT's documents and schemas
 * describe (RespuestaSuministro.xsd): a RespuestaRegFactuSistemaFacturacion with the CSV, the
 * Cabecera, TiempoEsperaEnvio, EstadoEnvio Correcto / ParcialmenteCorrecto / Incorrecto and one
 * RespuestaLinea per record (EstadoRegistro Correcto / AceptadoConErrores / Incorrecto with
 * CodigoErrorRegistro and DescripcionErrorRegistro). A record it already accepted is answered
 * Incorrecto 3000 "Registro de facturación duplicado", as the agency does. It can also answer HTTP
 * 500, a SOAP Fault, or nothing at all (a timeout). THE REAL AEAT SERVICE CANNOT BE REACHED FROM
 * HERE: it needs the internet and a qualified certificate; this server is what the tests talk to.
 */

export interface SubmittedRecord {
  kind: 'alta' | 'anulacion';
  issuerTaxId: string;
  number: string;
  date: string;
  fingerprint: string;
  previousFingerprint: string | null;
  /** The alta's ImporteTotal. */
  total: string | null;
}

export interface Submission {
  issuer: { name: string; taxId: string };
  records: SubmittedRecord[];
}

export type Verdict = { status: 'Correcto' } | { status: 'AceptadoConErrores' | 'Incorrecto'; code: string; message: string };

/**
 * What the next request gets: an answer (each record judged), HTTP 500, a SOAP Fault, no answer
 * (timeout), or `lost`: the records are judged and kept, but the connection drops before the answer.
 */
export type Mode = 'answer' | 'http500' | 'fault' | 'timeout' | 'lost';

export interface AeatTestServer {
  url: string;
  /** Every submission received, in order (the ones answered with a failure too). */
  submissions: Submission[];
  /** Modes for the next requests, consumed in order; then 'answer'. */
  next: Mode[];
  /** Judges each record of an answered submission (Correcto unless told); duplicates are found first. */
  judge: (record: SubmittedRecord) => Verdict;
  /** TiempoEsperaEnvio in the answers. */
  waitSeconds: number;
  close(): Promise<void>;
}

const ns = {
  env: 'http://schemas.xmlsoap.org/soap/envelope/',
  tikR: 'https://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones/es/aeat/tike/cont/ws/RespuestaSuministro.xsd',
  tik: 'https://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones/es/aeat/tike/cont/ws/SuministroInformacion.xsd',
};

const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, isArray: (name) => name === 'RegistroFactura' });

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const s = (v: unknown): string => (typeof v === 'string' ? v : '');
const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function parseSubmission(xml: string): Submission {
  const reg = o(o(o(o(parser.parse(xml)).Envelope).Body).RegFactuSistemaFacturacion);
  const obligado = o(o(reg.Cabecera).ObligadoEmision);
  const records = ((reg.RegistroFactura as unknown[] | undefined) ?? []).map((r): SubmittedRecord => {
    const alta = o(r).RegistroAlta;
    if (alta) {
      const a = o(alta);
      const id = o(a.IDFactura);
      const previous = o(o(a.Encadenamiento).RegistroAnterior);
      return { kind: 'alta', issuerTaxId: s(id.IDEmisorFactura), number: s(id.NumSerieFactura), date: s(id.FechaExpedicionFactura), fingerprint: s(a.Huella), previousFingerprint: s(previous.Huella) || null, total: s(a.ImporteTotal) };
    }
    const b = o(o(r).RegistroAnulacion);
    const id = o(b.IDFactura);
    const previous = o(o(b.Encadenamiento).RegistroAnterior);
    return { kind: 'anulacion', issuerTaxId: s(id.IDEmisorFacturaAnulada), number: s(id.NumSerieFacturaAnulada), date: s(id.FechaExpedicionFacturaAnulada), fingerprint: s(b.Huella), previousFingerprint: s(previous.Huella) || null, total: null };
  });
  return { issuer: { name: s(obligado.NombreRazon), taxId: s(obligado.NIF) }, records };
}

export async function startAeatTestServer(options: { judge?: AeatTestServer['judge']; waitSeconds?: number } = {}): Promise<AeatTestServer> {
  const accepted = new Set<string>();
  let csvCount = 0;
  const state: Omit<AeatTestServer, 'url' | 'close'> = {
    submissions: [],
    next: [],
    judge: options.judge ?? (() => ({ status: 'Correcto' })),
    waitSeconds: options.waitSeconds ?? 60,
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let submission: Submission;
      try {
        submission = parseSubmission(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(500, { 'Content-Type': 'text/xml' }).end(fault('4102', 'El XML no cumple el esquema.'));
        return;
      }
      state.submissions.push(submission);
      const mode = state.next.shift() ?? 'answer';
      if (mode === 'timeout') return; // No answer: the client's timeout must fire.
      if (mode === 'http500') {
        res.writeHead(500, { 'Content-Type': 'text/html' }).end('<html><body><h1>500 Internal Server Error</h1></body></html>');
        return;
      }
      if (mode === 'fault') {
        res.writeHead(500, { 'Content-Type': 'text/xml' }).end(fault('4104', 'Error en la cabecera: el NIF del obligado no está identificado.'));
        return;
      }
      const lines = submission.records.map((record) => {
        const key = `${record.kind}|${record.issuerTaxId}|${record.number}|${record.date}`;
        const verdict: Verdict = accepted.has(key) ? { status: 'Incorrecto', code: '3000', message: 'Registro de facturación duplicado.' } : state.judge(record);
        if (verdict.status !== 'Incorrecto') accepted.add(key);
        return { record, verdict };
      });
      const bad = lines.filter((l) => l.verdict.status === 'Incorrecto').length;
      const withErrors = lines.filter((l) => l.verdict.status === 'AceptadoConErrores').length;
      const estado = bad === lines.length ? 'Incorrecto' : bad > 0 || withErrors > 0 ? 'ParcialmenteCorrecto' : 'Correcto';
      const csv = estado === 'Incorrecto' ? '' : `<tikR:CSV>A-TEST${String(++csvCount).padStart(12, '0')}</tikR:CSV>`;
      const body =
        `<?xml version="1.0" encoding="UTF-8"?><env:Envelope xmlns:env="${ns.env}"><env:Header/><env:Body>` +
        `<tikR:RespuestaRegFactuSistemaFacturacion xmlns:tikR="${ns.tikR}" xmlns:tik="${ns.tik}">${csv}` +
        (csv ? `<tikR:DatosPresentacion><tik:NIFPresentador>${esc(submission.issuer.taxId)}</tik:NIFPresentador><tik:TimestampPresentacion>${new Date().toISOString().slice(0, 19)}+01:00</tik:TimestampPresentacion></tikR:DatosPresentacion>` : '') +
        `<tikR:Cabecera><tik:ObligadoEmision><tik:NombreRazon>${esc(submission.issuer.name)}</tik:NombreRazon><tik:NIF>${esc(submission.issuer.taxId)}</tik:NIF></tik:ObligadoEmision></tikR:Cabecera>` +
        `<tikR:TiempoEsperaEnvio>${state.waitSeconds}</tikR:TiempoEsperaEnvio><tikR:EstadoEnvio>${estado}</tikR:EstadoEnvio>` +
        lines.map(({ record, verdict }) => line(record, verdict)).join('') +
        `</tikR:RespuestaRegFactuSistemaFacturacion></env:Body></env:Envelope>`;
      if (mode === 'lost') {
        res.socket?.destroy();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/wlpl/TIKE-CONT/ws/SistemaFacturacion/VerifactuSOAP`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

function line(record: SubmittedRecord, verdict: Verdict): string {
  const error = verdict.status === 'Correcto' ? '' : `<tikR:CodigoErrorRegistro>${verdict.code}</tikR:CodigoErrorRegistro><tikR:DescripcionErrorRegistro>${esc(verdict.message)}</tikR:DescripcionErrorRegistro>`;
  return (
    `<tikR:RespuestaLinea><tikR:IDFactura><tik:IDEmisorFactura>${esc(record.issuerTaxId)}</tik:IDEmisorFactura><tik:NumSerieFactura>${esc(record.number)}</tik:NumSerieFactura>` +
    `<tik:FechaExpedicionFactura>${record.date}</tik:FechaExpedicionFactura></tikR:IDFactura>` +
    `<tikR:Operacion><tik:TipoOperacion>${record.kind === 'alta' ? 'Alta' : 'Anulacion'}</tik:TipoOperacion></tikR:Operacion>` +
    `<tikR:EstadoRegistro>${verdict.status}</tikR:EstadoRegistro>${error}</tikR:RespuestaLinea>`
  );
}

function fault(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><env:Envelope xmlns:env="${ns.env}"><env:Body><env:Fault><faultcode>env:Client</faultcode><faultstring>Codigo[${code}].${esc(message)}</faultstring></env:Fault></env:Body></env:Envelope>`;
}
