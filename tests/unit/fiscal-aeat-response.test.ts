import { describe, expect, it } from 'vitest';
import { AeatAnswerUnreadable, outcomeOf, parseAeatAnswer } from '../../src-main/fiscal/aeat-response';
import { fiscalEndpointUrl } from '../../src-main/fiscal/endpoint-rules';
import { retryDelay } from '../../src-main/fiscal/fiscal-submitter';

const R = 'https://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones/es/aeat/tike/cont/ws/RespuestaSuministro.xsd';
const I = 'https://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones/es/aeat/tike/cont/ws/SuministroInformacion.xsd';

// Shaped as RespuestaSuministro.xsd sets it (CSV, DatosPresentacion, Cabecera, TiempoEsperaEnvio, EstadoEnvio, RespuestaLinea*).
const answer = `<?xml version="1.0" encoding="UTF-8"?>
<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"><env:Body>
<tikR:RespuestaRegFactuSistemaFacturacion xmlns:tikR="${R}" xmlns:tik="${I}">
  <tikR:CSV>A-Y23JP3582934</tikR:CSV>
  <tikR:DatosPresentacion><tik:NIFPresentador>B76543214</tik:NIFPresentador><tik:TimestampPresentacion>2027-01-04T10:00:01+01:00</tik:TimestampPresentacion></tikR:DatosPresentacion>
  <tikR:Cabecera><tik:ObligadoEmision><tik:NombreRazon>Salón &amp; Spa SL</tik:NombreRazon><tik:NIF>B76543214</tik:NIF></tik:ObligadoEmision></tikR:Cabecera>
  <tikR:TiempoEsperaEnvio>120</tikR:TiempoEsperaEnvio>
  <tikR:EstadoEnvio>ParcialmenteCorrecto</tikR:EstadoEnvio>
  <tikR:RespuestaLinea>
    <tikR:IDFactura><tik:IDEmisorFactura>B76543214</tik:IDEmisorFactura><tik:NumSerieFactura>F2-2027-000001</tik:NumSerieFactura><tik:FechaExpedicionFactura>04-01-2027</tik:FechaExpedicionFactura></tikR:IDFactura>
    <tikR:Operacion><tik:TipoOperacion>Alta</tik:TipoOperacion></tikR:Operacion>
    <tikR:EstadoRegistro>Correcto</tikR:EstadoRegistro>
  </tikR:RespuestaLinea>
  <tikR:RespuestaLinea>
    <tikR:IDFactura><tik:IDEmisorFactura>B76543214</tik:IDEmisorFactura><tik:NumSerieFactura>F2-2027-000001</tik:NumSerieFactura><tik:FechaExpedicionFactura>04-01-2027</tik:FechaExpedicionFactura></tikR:IDFactura>
    <tikR:Operacion><tik:TipoOperacion>Anulacion</tik:TipoOperacion></tikR:Operacion>
    <tikR:EstadoRegistro>Incorrecto</tikR:EstadoRegistro>
    <tikR:CodigoErrorRegistro>3000</tikR:CodigoErrorRegistro>
    <tikR:DescripcionErrorRegistro>Registro de facturación duplicado.</tikR:DescripcionErrorRegistro>
    <tikR:RegistroDuplicado><tik:IdPeticionRegistroDuplicado>202701041000</tik:IdPeticionRegistroDuplicado><tik:EstadoRegistroDuplicado>Correcta</tik:EstadoRegistroDuplicado></tikR:RegistroDuplicado>
  </tikR:RespuestaLinea>
</tikR:RespuestaRegFactuSistemaFacturacion></env:Body></env:Envelope>`;

describe("the agency's answer", () => {
  it('reads the CSV, the wait, the state and each line with its operation, state and error', () => {
    const parsed = parseAeatAnswer(answer);
    expect(parsed).toEqual({
      kind: 'answer',
      csv: 'A-Y23JP3582934',
      waitSeconds: 120,
      status: 'ParcialmenteCorrecto',
      lines: [
        { issuerTaxId: 'B76543214', number: 'F2-2027-000001', date: '04-01-2027', kind: 'alta', status: 'Correcto', code: null, message: null },
        { issuerTaxId: 'B76543214', number: 'F2-2027-000001', date: '04-01-2027', kind: 'anulacion', status: 'Incorrecto', code: '3000', message: 'Registro de facturación duplicado.' },
      ],
    });
  });

  it('turns each line into the record\'s outcome: a duplicate is accepted, other errors keep their code', () => {
    const lines = (parseAeatAnswer(answer) as Extract<ReturnType<typeof parseAeatAnswer>, { kind: 'answer' }>).lines;
    expect(outcomeOf(lines[0]!, 'CSV1')).toEqual({ status: 'accepted', csv: 'CSV1', code: null, message: null });
    expect(outcomeOf(lines[1]!, 'CSV1')).toMatchObject({ status: 'accepted', code: '3000' });
    expect(outcomeOf({ ...lines[1]!, code: '1100', message: 'Valor incorrecto' }, null)).toEqual({ status: 'rejected', code: '1100', message: 'Valor incorrecto' });
    expect(outcomeOf({ ...lines[0]!, status: 'AceptadoConErrores', code: '2000', message: 'Huella' }, 'C')).toEqual({ status: 'accepted_with_errors', csv: 'C', code: '2000', message: 'Huella' });
  });

  it('reads a SOAP Fault as the whole submission refused, and refuses what is not an answer', () => {
    const fault = '<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"><env:Body><env:Fault><faultcode>env:Client</faultcode><faultstring>Codigo[4102].El XML no cumple el esquema.</faultstring></env:Fault></env:Body></env:Envelope>';
    expect(parseAeatAnswer(fault)).toEqual({ kind: 'fault', code: 'env:Client', message: 'Codigo[4102].El XML no cumple el esquema.' });
    expect(() => parseAeatAnswer('<html><body>Bad gateway</body></html>')).toThrow(AeatAnswerUnreadable);
    expect(() => parseAeatAnswer(answer.replace('<tikR:EstadoEnvio>ParcialmenteCorrecto</tikR:EstadoEnvio>', ''))).toThrow(AeatAnswerUnreadable);
    // No TiempoEsperaEnvio: the submitter waits the default.
    expect(parseAeatAnswer(answer.replace('<tikR:TiempoEsperaEnvio>120</tikR:TiempoEsperaEnvio>', ''))).toMatchObject({ waitSeconds: null });
  });
});

describe('the endpoint and the retries', () => {
  it('takes https, and plain http only to 127.0.0.1', () => {
    expect(fiscalEndpointUrl('https://prewww1.aeat.es/wlpl/TIKE-CONT/ws/SistemaFacturacion/VerifactuSOAP')).not.toBeNull();
    expect(fiscalEndpointUrl('http://127.0.0.1:8123/x')).toBe('http://127.0.0.1:8123/x');
    for (const bad of ['http://aeat.example/', 'http://localhost:80/', 'ftp://127.0.0.1/', 'https://u:p@aeat.example/', 'aeat']) expect(fiscalEndpointUrl(bad), bad).toBeNull();
  });

  it('backs off exponentially, never sooner than half the ceiling, capped at 30 minutes', () => {
    expect([0, 1, 2, 3].map((n) => retryDelay(n, () => 1))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryDelay(0, () => 0)).toBe(5_000);
    expect(retryDelay(40, () => 1)).toBe(30 * 60_000);
  });
});
