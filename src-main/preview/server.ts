// The browser preview's loopback bridge: serves the built renderer and answers POST /api/op/<name>
// through the same dispatcher as Electron IPC, with events as server-sent events on GET /api/events.
// Binds 127.0.0.1 only, on a random port, and wants this run's token on every API call.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../app/dispatch.js';
import type { EventHub } from '../app/events.js';
import { MAX_ARGUMENT_BYTES, failWith, type BridgeFailure } from '../contract/index.js';
import { checkApiCall, checkHost } from './request-guard.js';
import { SECURITY_HEADERS, serveStatic } from '../renderer-host/static-files.js';

export interface PreviewServerOptions {
  dispatch: Dispatch;
  events: EventHub;
  /** The built renderer (dist-renderer/). */
  rendererDir: string;
  /** 0 (default): a random free port. */
  port?: number;
  /** Default: 32 random bytes, base64url. */
  token?: string;
  log?: (line: string) => void;
}

export interface PreviewServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  token: string;
  /** The address to open: the token travels in the fragment, which browsers never send to a server. */
  url: string;
  port: number;
  /** How many event streams are open (a connected page holds one). */
  eventStreams(): number;
  close(): Promise<void>;
}

const API_HEADERS = { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
/** Room for JSON whitespace around the largest accepted argument. */
const MAX_BODY_BYTES = MAX_ARGUMENT_BYTES + 1024;

/** On every answer: how many events had been sent (the page waits for those before using the answer). */
export const EVENT_SEQUENCE_HEADER = 'x-acs-event-seq';

function sendJson(response: ServerResponse, status: number, value: unknown, eventSequence = 0): void {
  response.writeHead(status, { ...API_HEADERS, [EVENT_SEQUENCE_HEADER]: String(eventSequence) });
  response.end(JSON.stringify(value));
}

function refuse(response: ServerResponse, status: number, failure: BridgeFailure): void {
  sendJson(response, status, failure);
}

/** Reads the body up to the limit; null when it is larger (the rest is drained, not stored). */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const log = options.log ?? (() => {});
  const streams = new Set<ServerResponse>();
  let eventSequence = 0;
  let port = 0;
  let origin = '';

  // Every refused request leaves one log line: method, path (no query), where it came from, why. Never the token.
  function deny(request: IncomingMessage, response: ServerResponse, status: number, failure: BridgeFailure): void {
    const from = String(request.headers.origin ?? request.headers.host ?? '-').slice(0, 80);
    const path = (request.url ?? '').split('?')[0]!.slice(0, 80);
    log(`refused ${request.method ?? '?'} ${path} from ${from}: ${status} ${failure.code}: ${failure.message.slice(0, 160)}`);
    refuse(response, status, failure);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const verdict = checkApiCall(request.headers, origin, token);
    if (!verdict.ok) return deny(request, response, verdict.status, failWith('forbidden', verdict.message));

    if (path === '/api/events' && request.method === 'GET') return openEventStream(response);

    const match = /^\/api\/op\/([A-Za-z]{1,64})$/.exec(path);
    if (!match) return deny(request, response, 404, failWith('unknown-operation', `No such bridge address: ${path.slice(0, 80)}`));
    if (request.method !== 'POST') return deny(request, response, 405, failWith('invalid-argument', 'Operations are called with POST.'));
    if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return deny(request, response, 415, failWith('invalid-argument', 'The argument must be sent as application/json.'));
    }
    const body = await readBody(request);
    if (body === null) return deny(request, response, 413, failWith('payload-too-large', `The argument is larger than ${MAX_ARGUMENT_BYTES} bytes.`));
    let args: unknown;
    try {
      args = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      return deny(request, response, 400, failWith('invalid-argument', 'The argument is not valid JSON.'));
    }
    const outcome = await options.dispatch(match[1], args);
    sendJson(response, 200, outcome, eventSequence);
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    // Tells the page how many events were sent before it connected (it need not wait for those).
    response.write(`id: ${eventSequence}\nevent: stream-open\ndata: {}\n\n`);
    streams.add(response);
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), 15_000);
    response.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(response);
    });
  }

  const unsubscribe = options.events.subscribe((event, payload) => {
    eventSequence += 1;
    const frame = `id: ${eventSequence}\nevent: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  const server: Server = createServer((request, response) => {
    const host = checkHost(request.headers, port);
    if (!host.ok) return deny(request, response, host.status, failWith('forbidden', host.message));
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const work = path.startsWith('/api/')
      ? handleApi(request, response, path)
      : request.method === 'GET' || request.method === 'HEAD'
        ? serveStatic(options.rendererDir, path).then((file) => {
            response.writeHead(file.status, file.headers);
            response.end(request.method === 'HEAD' ? undefined : file.body);
          })
        : Promise.resolve(deny(request, response, 405, failWith('invalid-argument', 'Only GET for pages.')));
    work.catch((error: unknown) => {
      log(`preview request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) deny(request, response, 500, failWith('internal', 'The preview server failed to answer.'));
      else response.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    token,
    port,
    url: `${origin}/#token=${token}`,
    eventStreams: () => streams.size,
    async close() {
      unsubscribe();
      for (const stream of streams) stream.end();
      streams.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
