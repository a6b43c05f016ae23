import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';

/** The agency's VerifactuSOAP endpoints (AEAT, "Servicios web" of VERI*FACTU; certificate of a person or a representative). */
export const aeatEndpoints = {
  production: 'https://www1.agenciatributaria.gob.es/wlpl/TIKE-CONT/ws/SistemaFacturacion/VerifactuSOAP',
  test: 'https://prewww1.aeat.es/wlpl/TIKE-CONT/ws/SistemaFacturacion/VerifactuSOAP',
} as const;

/** A submission address: https, or plain http only to a test server on this computer (127.0.0.1). Null when neither. */
export function fiscalEndpointUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  if (url.protocol === 'https:' && url.hostname !== '') return url.toString();
  if (url.protocol === 'http:' && url.hostname === '127.0.0.1') return url.toString();
  return null;
}

/**
 * Whether the PKCS#12 file opens with the password (a TLS context is made of it, nothing is sent):
 * null when it does, else why not.
 */
export function certificateProblem(file: string, passphrase: string | undefined): string | null {
  let pfx: Buffer;
  try {
    pfx = readFileSync(file);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  try {
    createSecureContext({ pfx, ...(passphrase !== undefined ? { passphrase } : {}) });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
