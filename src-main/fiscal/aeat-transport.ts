import { readFileSync } from 'node:fs';
import type { ClientRequest, IncomingMessage } from 'node:http';

// node:http and node:https are loaded on the first post (process.getBuiltinModule): importing them made every
// start build their ESM facade, undici included (~20 ms of each CLI call).
const http = () => process.getBuiltinModule('node:http');
const https = () => process.getBuiltinModule('node:https');

/**
 * Posts a SOAP envelope to the agency's VerifactuSOAP endpoint. The real service authenticates the
 * sender by a qualified electronic certificate (mutual TLS): a PKCS#12 file and its password, handed
 * to node's https agent (pfx / passphrase). Plain http is only for a test server on this computer
 * (the real AEAT service cannot be reached from the machines this is developed and tested on).
 */
export interface PostOptions {
  url: string;
  body: string;
  /** The PKCS#12 (.p12 / .pfx) file, or null. */
  certificateFile: string | null;
  /** Its password (from the environment, never from the database). */
  passphrase: string | undefined;
  timeoutMs: number;
  /** Aborts the post (the app closing). */
  signal?: AbortSignal;
}

export interface PostAnswer {
  status: number;
  body: string;
}

export type Transport = (options: PostOptions) => Promise<PostAnswer>;

/** Why a post got no answer to read: the desk shows it and the queue retries later. */
export class TransportFailure extends Error {
  constructor(
    readonly code: 'fiscal_unreachable' | 'fiscal_timeout' | 'fiscal_certificate_unreadable' | 'fiscal_certificate_missing',
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

export const httpTransport: Transport = (options) =>
  new Promise((resolve, reject) => {
    const url = new URL(options.url);
    const secure = url.protocol === 'https:';
    let pfx: Buffer | undefined;
    if (secure) {
      if (!options.certificateFile) return reject(new TransportFailure('fiscal_certificate_missing', 'no certificate file configured'));
      try {
        pfx = readFileSync(options.certificateFile);
      } catch (error) {
        return reject(new TransportFailure('fiscal_certificate_unreadable', error instanceof Error ? error.message : String(error)));
      }
    }
    const headers = { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': Buffer.byteLength(options.body, 'utf8'), SOAPAction: '' };
    const onResponse = (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e) => reject(new TransportFailure('fiscal_unreachable', e.message)));
    };
    let req: ClientRequest;
    try {
      req = secure
        ? https().request(url, { method: 'POST', headers, pfx, ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}), agent: false, ...signalOf(options) }, onResponse)
        : http().request(url, { method: 'POST', headers, agent: false, ...signalOf(options) }, onResponse);
    } catch (error) {
      // A wrong password or a file that is no PKCS#12 fails when the TLS context is made.
      return reject(new TransportFailure('fiscal_certificate_unreadable', error instanceof Error ? error.message : String(error)));
    }
    req.setTimeout(options.timeoutMs, () => req.destroy(new TransportFailure('fiscal_timeout', `no answer within ${options.timeoutMs} ms`)));
    req.on('error', (e) => {
      if (e instanceof TransportFailure) return reject(e);
      const certificateProblem = /mac verify|pkcs12|unsupported|bad decrypt|asn1/i.test(e.message);
      reject(new TransportFailure(certificateProblem ? 'fiscal_certificate_unreadable' : 'fiscal_unreachable', e.message));
    });
    req.end(options.body);
  });

function signalOf(options: PostOptions): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}
