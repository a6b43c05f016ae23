import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * An HTTP proxy on 127.0.0.1 between desks and the sync server that breaks the network on purpose:
 *
 *   const proxy = await startFaultProxy(cloud.url);   // desks sync to proxy.url
 *   proxy.script(['dropReply', 'pass', 'duplicate']);  // the next requests get these, then pass
 *   proxy.script([{ fault: 'delay', ms: 300 }], { path: '/v1/push' });   // only pushes count
 *   proxy.random(rng, { drop: 0.1, dropReply: 0.1, duplicate: 0.1, delayMs: [0, 30], reorder: 0.05 });
 *   proxy.offline(true);                               // every connection refused (an unplugged cable)
 *   await proxy.nextRequest('/v1/push');               // resolves when a push reaches the proxy
 *   proxy.script(['hold']); …; proxy.release();        // a request kept in flight until released
 *   proxy.stats                                        // how many requests got each fault
 *   await proxy.close();
 *
 * Faults, per request: drop (never reaches the server; the desk's socket is destroyed), dropReply
 * (the server applies it and answers; the desk's socket is destroyed instead of the answer), delay,
 * duplicate (sent to the server twice, one after the other or at once; the desk gets the second
 * answer), reorder (held until the next request has been answered, or `reorderMaxMs`) and hold
 * (held until `release()`, for doing something while a request is in flight). A request the server
 * cannot be reached for gets a 502, as from nginx. Random mode draws the same numbers for every
 * request in arrival order, so a seed replays the same faults. Once the desk's request is read, it goes on to
 * the server even if the desk has gone (killed): bytes on the wire are not taken back.
 */
export type FaultName = 'pass' | 'drop' | 'dropReply' | 'delay' | 'duplicate' | 'reorder' | 'hold';
/** `ms`: how long a delay waits; `concurrent`: a duplicate's two copies are sent at once, not one after the other. */
export type ScriptStep = FaultName | { fault: FaultName; ms?: number; concurrent?: boolean };

export interface RandomFaults {
  drop?: number;
  dropReply?: number;
  duplicate?: number;
  reorder?: number;
  /** Every request waits a uniform [min, max] ms before going on. */
  delayMs?: [number, number];
}

export interface FaultFilter {
  /** Only requests whose path starts with this take a fault (the others pass and do not use a step). */
  path?: string;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  fault: FaultName;
  /** The request's body, and each answer the server gave it (two for a duplicate), as text. */
  body: string;
  replies: { status: number; body: string }[];
}

export interface FaultProxy {
  url: string;
  stats: Record<FaultName | 'requests' | 'refused' | 'upstreamErrors', number>;
  /** Every request seen, in arrival order. */
  log: ProxiedRequest[];
  script(steps: ScriptStep[], filter?: FaultFilter): void;
  random(rng: () => number, faults: RandomFaults, filter?: FaultFilter): void;
  /** Back to passing everything (ends a script or random mode). */
  pass(): void;
  offline(on: boolean): void;
  /** Lets the requests held by 'hold' go on. */
  release(): void;
  /** Resolves once no request is in the proxy (every one answered or dropped). */
  idle(): Promise<void>;
  /** Resolves with the next request (whose path starts with `path`) as it reaches the proxy, before it goes on. */
  nextRequest(path?: string): Promise<ProxiedRequest>;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const defaultDelayMs = 200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `reorderMaxMs`: how long a reordered request waits for a next one at most (500 ms unless told). */
export async function startFaultProxy(target: string, options: { reorderMaxMs?: number } = {}): Promise<FaultProxy> {
  const reorderMaxMs = options.reorderMaxMs ?? 500;
  const upstream = new URL(target);
  let steps: ScriptStep[] = [];
  let randomMode: { rng: () => number; faults: RandomFaults } | null = null;
  let filter: FaultFilter = {};
  let isOffline = false;
  let held: (() => void) | null = null;
  const holds: (() => void)[] = [];
  let inFlight = 0;
  const idleWaiters: (() => void)[] = [];
  const sockets = new Set<Socket>();
  const waiters: { path: string; resolve: (request: ProxiedRequest) => void }[] = [];
  const stats: FaultProxy['stats'] = { requests: 0, pass: 0, drop: 0, dropReply: 0, delay: 0, duplicate: 0, reorder: 0, hold: 0, refused: 0, upstreamErrors: 0 };
  const log: ProxiedRequest[] = [];

  function choose(path: string): { fault: FaultName; ms: number; concurrent?: boolean } {
    if (filter.path !== undefined && !path.startsWith(filter.path)) return { fault: 'pass', ms: 0 };
    const step = steps.shift();
    if (step !== undefined) return typeof step === 'string' ? { fault: step, ms: defaultDelayMs } : { fault: step.fault, ms: step.ms ?? defaultDelayMs, concurrent: step.concurrent === true };
    if (!randomMode) return { fault: 'pass', ms: 0 };
    // Always the same draws in the same order, so a seed replays the same faults.
    const { rng, faults } = randomMode;
    const [min, max] = faults.delayMs ?? [0, 0];
    const ms = Math.round(min + rng() * (max - min));
    let roll = rng();
    for (const fault of ['drop', 'dropReply', 'duplicate', 'reorder'] as const) {
      const p = faults[fault] ?? 0;
      if (roll < p) return { fault, ms };
      roll -= p;
    }
    return { fault: ms > 0 ? 'delay' : 'pass', ms };
  }

  function forward(req: IncomingMessage, body: Buffer): Promise<Reply> {
    const headers = { ...req.headers, host: upstream.host, connection: 'close' };
    return new Promise((resolve, reject) => {
      const request = http.request({ hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(body);
    });
  }

  async function forwardOrBadGateway(req: IncomingMessage, body: Buffer, seen: ProxiedRequest): Promise<Reply> {
    try {
      const reply = await forward(req, body);
      seen.replies.push({ status: reply.status, body: reply.body.toString() });
      return reply;
    } catch {
      stats.upstreamErrors++;
      return { status: 502, headers: { 'content-type': 'text/html' }, body: Buffer.from('<html>502 Bad Gateway</html>') };
    }
  }

  function answer(res: ServerResponse, reply: Reply): void {
    if (res.destroyed) return;
    const headers = { ...reply.headers };
    delete headers['transfer-encoding'];
    delete headers.connection;
    res.writeHead(reply.status, { ...headers, 'content-length': String(reply.body.length) });
    res.end(reply.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = req.url ?? '/';
    const { fault, ms, concurrent } = choose(path);
    const seen: ProxiedRequest = { method: req.method ?? 'GET', path, fault, body: body.toString(), replies: [] };
    stats.requests++;
    stats[fault]++;
    log.push(seen);
    for (const waiter of waiters.splice(0)) {
      if (path.startsWith(waiter.path)) waiter.resolve(seen);
      else waiters.push(waiter);
    }
    const release = held;
    held = null;
    if (fault === 'drop') {
      req.socket.destroy();
      release?.();
      return;
    }
    if (fault === 'reorder') {
      await new Promise<void>((resolve) => {
        held = resolve;
        setTimeout(resolve, reorderMaxMs).unref();
      });
    } else if (fault === 'hold') await new Promise<void>((resolve) => holds.push(resolve));
    else if (ms > 0) await sleep(ms);
    let reply: Reply;
    if (fault === 'duplicate') {
      const [first, second] = concurrent
        ? await Promise.all([forwardOrBadGateway(req, body, seen), forwardOrBadGateway(req, body, seen)])
        : [await forwardOrBadGateway(req, body, seen), await forwardOrBadGateway(req, body, seen)];
      reply = second.status !== 502 ? second : first;
    } else reply = await forwardOrBadGateway(req, body, seen);
    release?.();
    if (fault === 'dropReply') req.socket.destroy();
    else answer(res, reply);
  }

  const server = http.createServer((req, res) => {
    inFlight++;
    handle(req, res)
      .catch(() => req.socket.destroy())
      .finally(() => {
        if (--inFlight === 0) for (const resolve of idleWaiters.splice(0)) resolve();
      });
  });
  server.on('connection', (socket) => {
    if (isOffline) {
      stats.refused++;
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    log,
    script(next, nextFilter = {}) {
      steps = [...next];
      randomMode = null;
      filter = nextFilter;
    },
    random(rng, faults, nextFilter = {}) {
      steps = [];
      randomMode = { rng, faults };
      filter = nextFilter;
    },
    pass() {
      steps = [];
      randomMode = null;
      filter = {};
    },
    offline(on) {
      isOffline = on;
      if (on) for (const socket of sockets) socket.destroy();
    },
    release() {
      for (const resolve of holds.splice(0)) resolve();
    },
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
    nextRequest: (path = '') => new Promise((resolve) => waiters.push({ path, resolve })),
    async close() {
      held?.();
      for (const resolve of holds.splice(0)) resolve();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
