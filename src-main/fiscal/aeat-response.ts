import { XMLParser } from 'fast-xml-parser';

/**
 * The agency's answer to a submission (RespuestaSuministro.xsd, RespuestaRegFactuSistemaFacturacion):
 * the submission's CSV when it was not refused whole, TiempoEsperaEnvio (seconds to wait before the
 * next submission), EstadoEnvio (Correcto | ParcialmenteCorrecto | Incorrecto) and one RespuestaLinea
 * per record (its IDFactura, TipoOperacion Alta | Anulacion, EstadoRegistro Correcto |
 * AceptadoConErrores | Incorrecto, CodigoErrorRegistro, DescripcionErrorRegistro). A SOAP Fault
 * (the envelope itself refused: a schema error, a certificate the service does not take) judges no record.
 */
export interface AeatLine {
  issuerTaxId: string;
  number: string;
  /** dd-mm-yyyy. */
  date: string;
  kind: 'alta' | 'anulacion';
  status: 'Correcto' | 'AceptadoConErrores' | 'Incorrecto';
  code: string | null;
  message: string | null;
}

export type AeatAnswer =
  | { kind: 'answer'; csv: string | null; waitSeconds: number | null; status: string; lines: AeatLine[] }
  | { kind: 'fault'; code: string | null; message: string };

/** The agency's default wait between submissions when an answer names none. */
export const defaultWaitSeconds = 60;

/** The agency's code for a record it already holds: sent again after a lost answer, it was accepted then. */
export const duplicateCode = '3000';

const parser = new XMLParser({
  removeNSPrefix: true,
  parseTagValue: false,
  ignoreAttributes: true,
  processEntities: true,
  isArray: (name) => name === 'RespuestaLinea',
});

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : null);

export class AeatAnswerUnreadable extends Error {}

export function parseAeatAnswer(xml: string): AeatAnswer {
  let doc: Obj;
  try {
    doc = obj(parser.parse(xml));
  } catch (error) {
    throw new AeatAnswerUnreadable(error instanceof Error ? error.message : String(error));
  }
  const body = obj(obj(doc.Envelope).Body);
  if (body.Fault !== undefined) {
    const fault = obj(body.Fault);
    const detail = obj(fault.detail);
    const message = str(fault.faultstring) ?? str(obj(detail.Fault).descripcion) ?? 'SOAP Fault';
    return { kind: 'fault', code: str(fault.faultcode), message };
  }
  const root = body.RespuestaRegFactuSistemaFacturacion;
  if (root === undefined) throw new AeatAnswerUnreadable('no RespuestaRegFactuSistemaFacturacion in the answer');
  const answer = obj(root);
  const status = str(answer.EstadoEnvio);
  if (!status) throw new AeatAnswerUnreadable('no EstadoEnvio in the answer');
  const wait = Number(str(answer.TiempoEsperaEnvio));
  const lines = ((answer.RespuestaLinea as unknown[] | undefined) ?? []).map((l): AeatLine => {
    const line = obj(l);
    const id = obj(line.IDFactura);
    const lineStatus = str(line.EstadoRegistro);
    if (lineStatus !== 'Correcto' && lineStatus !== 'AceptadoConErrores' && lineStatus !== 'Incorrecto') throw new AeatAnswerUnreadable(`EstadoRegistro ${String(lineStatus)}`);
    return {
      issuerTaxId: str(id.IDEmisorFactura) ?? '',
      number: str(id.NumSerieFactura) ?? '',
      date: str(id.FechaExpedicionFactura) ?? '',
      kind: str(obj(line.Operacion).TipoOperacion) === 'Anulacion' ? 'anulacion' : 'alta',
      status: lineStatus,
      code: str(line.CodigoErrorRegistro),
      message: str(line.DescripcionErrorRegistro),
    };
  });
  return { kind: 'answer', csv: str(answer.CSV), waitSeconds: Number.isFinite(wait) && wait >= 0 && str(answer.TiempoEsperaEnvio) !== null ? wait : null, status, lines };
}

export type RecordOutcome =
  | { status: 'accepted'; csv: string | null; code: string | null; message: string | null }
  | { status: 'accepted_with_errors'; csv: string | null; code: string | null; message: string | null }
  | { status: 'rejected'; code: string | null; message: string | null };

/** What one line means for its record: a duplicate (3000) is a record the agency already holds, so accepted. */
export function outcomeOf(line: AeatLine, csv: string | null): RecordOutcome {
  if (line.status === 'Correcto') return { status: 'accepted', csv, code: null, message: null };
  if (line.status === 'AceptadoConErrores') return { status: 'accepted_with_errors', csv, code: line.code, message: line.message };
  // Kept with its code and message, so the desk can tell it was a resend.
  if (line.code === duplicateCode) return { status: 'accepted', csv, code: line.code, message: line.message };
  return { status: 'rejected', code: line.code, message: line.message };
}
