// The IPC contract gate and the preview bridge under hostile calls: a fuzzed dispatcher never throws
// and never runs a handler with an argument its schema refuses; the real app answers any sequence of
// fuzzed calls as data (never "internal"); paths and links not offered by the main process are
// refused; the loopback server refuses foreign origins, hosts and tokens on every route.
import fc from 'fast-check';
import { request as httpRequest } from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/app/dispatch.js';
import type { HandlerTable } from '../../src-main/app/handler-types.js';
import { allowedExternalLink } from '../../src-main/app/links.js';
import { MAX_ARGUMENT_BYTES, OPERATION_NAMES, operationArgumentSchemas, type OperationName } from '../../src-main/contract/index.js';
import { startPreview, type RunningPreview } from '../../src-main/preview/start.js';
import { resolveInside } from '../../src-main/renderer-host/static-files.js';
import { fixtureText } from './support/hostile.js';

const OUTCOME_CODES = [
  'unknown-operation',
  'invalid-argument',
  'payload-too-large',
  'forbidden',
  'busy',
  'no-snapshot',
  'no-such-step',
  'read-only',
  'precondition',
  'cancelled',
  'not-found',
  'link-not-allowed',
  'not-available',
  'failed',
];

function expectOutcome(value: unknown): asserts value is { ok: boolean; code?: string; message?: string } {
  expect(value).toBeTypeOf('object');
  const outcome = value as { ok?: unknown; code?: unknown; message?: unknown };
  expect(typeof outcome.ok).toBe('boolean');
  if (outcome.ok === false) {
    expect(typeof outcome.code).toBe('string');
    expect(typeof outcome.message).toBe('string');
    expect((outcome.message as string).length).toBeGreaterThan(0);
  }
}

/** Arguments a hostile renderer could send: anything JSON-like, near-miss objects, big strings. */
const hostileArgument = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.record({ stepIndex: fc.oneof(fc.integer(), fc.double(), fc.string()), consent: fc.anything({ maxDepth: 1 }), extra: fc.anything({ maxDepth: 1 }) }, { requiredKeys: [] }),
  fc.record({ path: fc.oneof(fc.string(), fc.constantFrom('/etc/passwd', '..', '../../../../etc/shadow', 'C:\\Windows\\System32\\config\\SAM', '\\\\evil\\share\\x.msu')) }, { requiredKeys: [] }),
  fc.record(
    {
      url: fc.oneof(
        fc.webUrl(),
        fc.constantFrom(
          'javascript:alert(1)',
          'file:///etc/passwd',
          'http://support.microsoft.com/',
          'https://support.microsoft.com.evil.example/',
          'https://user:pw@support.microsoft.com/',
          'https://support.microsoft.com:8443/',
          'data:text/html,<script>',
        ),
      ),
    },
    { requiredKeys: [] },
  ),
  fc.record({ code: fc.string({ maxLength: 80 }) }),
  fc.nat({ max: 3 }).map((n) => ({ blob: 'x'.repeat(MAX_ARGUMENT_BYTES + n) })),
);
/** Operation names: real ones, near misses, inherited names and other values (IPC channel names are strings, but the dispatcher takes unknown). */
const operationName = fc.oneof(
  fc.constantFrom(...OPERATION_NAMES),
  fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'eval', 'applyfix', ''),
  // Values String() can convert (one it cannot convert is tested below).
  fc.anything({ maxDepth: 1 }).filter((value) => {
    try {
      String(value);
      return true;
    } catch {
      return false;
    }
  }),
);

describe('the dispatcher (shared by Electron IPC and the preview bridge), fuzzed', () => {
  it('runs a handler only with an argument its schema accepts, and answers every call as an Outcome', async () => {
    const calls: { operation: string; args: unknown }[] = [];
    const handlers = Object.fromEntries(OPERATION_NAMES.map((name) => [name, async (args: unknown) => (calls.push({ operation: name, args }), 'done')])) as unknown as HandlerTable;
    const dispatch = createDispatcher(handlers);
    await fc.assert(
      fc.asyncProperty(operationName, hostileArgument, async (operation, args) => {
        calls.length = 0;
        const outcome = await dispatch(operation, args);
        expectOutcome(outcome);
        const known = typeof operation === 'string' && (OPERATION_NAMES as readonly string[]).includes(operation);
        if (!known) {
          expect(outcome).toMatchObject({ ok: false, code: 'unknown-operation' });
          expect(calls).toEqual([]);
          return;
        }
        const schema = operationArgumentSchemas[operation as OperationName];
        const size = Buffer.byteLength(JSON.stringify(args ?? {}) ?? '', 'utf8');
        const accepted = size <= MAX_ARGUMENT_BYTES && schema.safeParse(args ?? {}).success;
        if (accepted) {
          expect(outcome.ok).toBe(true);
          expect(calls).toHaveLength(1);
        } else {
          expect(outcome.ok).toBe(false);
          expect(['invalid-argument', 'payload-too-large']).toContain(outcome.code);
          expect(calls).toEqual([]);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

// Was a bug: the dispatcher built its message with String(operation), which throws for an object
// without a usable toString, so it rejected instead of answering an Outcome.
it('the dispatcher answers an Outcome even for an operation value String() cannot convert', async () => {
  const dispatch = createDispatcher({} as HandlerTable);
  await expect(dispatch({ toString: 0 }, {})).resolves.toMatchObject({ ok: false, code: 'unknown-operation' });
});

let preview: RunningPreview;
let received: string;
let logLines: string[];
beforeAll(async () => {
  received = await mkdtemp(join(tmpdir(), 'acs-bridge-received-'));
  await writeFile(join(received, 'customer.json'), fixtureText('server2019-airgapped-root-missing.json'));
  logLines = [];
  preview = await startPreview({ profile: 'win10-21h2-offline-unpatched', receivedDir: received, log: (line) => logLines.push(line) });
});
afterAll(async () => {
  await preview?.close();
});

describe('the real app behind the dispatcher', () => {
  it('answers any sequence of fuzzed calls as data, never with an unexpected exception ("internal")', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...OPERATION_NAMES.filter((name) => name !== 'reboot')), hostileArgument), { minLength: 1, maxLength: 8 }), async (calls) => {
        for (const [operation, args] of calls) {
          const outcome = await preview.app.dispatch(operation, args);
          expectOutcome(outcome);
          if (!outcome.ok) expect(outcome.code, `${operation} ${JSON.stringify(args)?.slice(0, 200)}: ${outcome.message}`).not.toBe('internal');
          if (!outcome.ok) expect(OUTCOME_CODES).toContain(outcome.code);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('opens only a received snapshot the picker offered, never a path the renderer made up', async () => {
    for (const path of ['/etc/passwd', join(received, '..'), join(received, '..', '..', 'etc', 'hostname'), join(process.cwd(), 'test', 'fixtures', 'snapshots', 'win11-23h2-healthy.json')]) {
      const outcome = await preview.app.dispatch('openReceived', { path });
      expect(outcome.ok, `${path}: ${JSON.stringify(outcome)}`).toBe(false);
    }
    const offered = await preview.app.dispatch('openReceived', {});
    expect(offered.ok).toBe(true);
    const opened = await preview.app.dispatch('openReceived', { path: join(received, 'customer.json') });
    expect(opened.ok, JSON.stringify(opened)).toBe(true);
    await preview.app.dispatch('closeReceived', {});
  });

  it('while a received snapshot is open nothing can change this machine: apply, undo, reboot, choose a file are refused', async () => {
    const opened = await preview.app.dispatch('openReceived', { path: join(received, 'customer.json') });
    expect(opened.ok, JSON.stringify(opened)).toBe(true);
    try {
      const journalBefore = await preview.app.session.journal.read();
      for (const [operation, args] of [
        ['applyFix', { stepIndex: 0, consent: true }],
        ['undoFix', { stepIndex: 0, consent: true }],
        ['reboot', { when: 'now' }],
        ['chooseUpdateFile', { stepIndex: 0 }],
      ] as const) {
        const outcome = await preview.app.dispatch(operation, args);
        expect(outcome.ok, `${operation}: ${JSON.stringify(outcome)}`).toBe(false);
      }
      expect(await preview.app.session.journal.read()).toEqual(journalBefore);
    } finally {
      await preview.app.dispatch('closeReceived', {});
    }
  });

  it('opens only allow-listed https documentation links', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()), (url) => {
        const allowed = allowedExternalLink(url);
        if (allowed === null) return;
        const parsed = new URL(allowed);
        expect(parsed.protocol).toBe('https:');
        expect([
          'support.microsoft.com',
          'learn.microsoft.com',
          'www.microsoft.com',
          'www.catalog.update.microsoft.com',
          'catalog.update.microsoft.com',
          'success.trendmicro.com',
          'help.deepsecurity.trendmicro.com',
          'docs.trendmicro.com',
        ]).toContain(parsed.hostname);
      }),
      { numRuns: 2000 },
    );
    for (const url of [
      'javascript:alert(1)',
      'file:///C:/Windows/System32/calc.exe',
      'http://support.microsoft.com/',
      'https://support.microsoft.com.evil.example/',
      'https://user:pw@support.microsoft.com/',
      'https://support.microsoft.com:8443/',
      'ms-settings:windowsupdate',
      '\\\\evil\\share',
      'https://evil.example/#https://support.microsoft.com',
    ]) {
      expect(allowedExternalLink(url), url).toBeNull();
    }
  });
});

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A raw HTTP request (fetch would not let a test set Host or Origin freely). */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: preview.server.port, path, method: options.method ?? 'POST', headers: options.headers ?? {} }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

describe('the preview bridge over HTTP', () => {
  const good = () => ({ host: `127.0.0.1:${preview.server.port}`, 'content-type': 'application/json', 'x-acs-token': preview.server.token });

  it('refuses foreign Origins, Hosts, fetch sites and tokens on every operation and on the event stream', async () => {
    const cases = await fc.sample(
      fc.record({
        origin: fc.oneof(
          fc.constant(undefined),
          fc.webUrl().map((url) => new URL(url).origin),
          fc.constantFrom('null', 'http://localhost', `http://127.0.0.1:${preview.server.port + 1}`, `https://127.0.0.1:${preview.server.port}`),
        ),
        host: fc.oneof(
          fc.constant(`127.0.0.1:${preview.server.port}`),
          fc.domain(),
          fc.constantFrom(`evil.example:${preview.server.port}`, `127.0.0.1:${preview.server.port + 1}`, '127.0.0.1', `127.0.0.1.nip.io:${preview.server.port}`),
        ),
        token: fc.oneof(
          fc.constant(undefined),
          fc.constant(preview.server.token),
          fc.string({ maxLength: 60 }).filter((text) => /^[\x21-\x7e]*$/.test(text)),
          fc.constant(preview.server.token.slice(0, -1)),
          fc.constant(`${preview.server.token}x`),
        ),
        site: fc.constantFrom(undefined, 'same-origin', 'cross-site', 'same-site', 'none'),
        path: fc.constantFrom('/api/op/getAppInfo', '/api/op/applyFix', '/api/op/openReceived', '/api/events'),
      }),
      { numRuns: 150, seed: 42 },
    );
    for (const item of cases) {
      const headers: Record<string, string> = { host: item.host, 'content-type': 'application/json' };
      if (item.origin !== undefined) headers.origin = item.origin;
      if (item.token !== undefined) headers['x-acs-token'] = item.token;
      if (item.site !== undefined) headers['sec-fetch-site'] = item.site;
      const allowed =
        item.host === `127.0.0.1:${preview.server.port}` &&
        (item.origin === undefined || item.origin === preview.server.origin) &&
        (item.site === undefined || item.site === 'same-origin' || item.site === 'none') &&
        item.token === preview.server.token;
      if (allowed) continue; // the accepted combination is exercised below
      const reply = await send(item.path, { method: item.path === '/api/events' ? 'GET' : 'POST', headers, body: item.path === '/api/events' ? undefined : '{}' });
      expect([401, 403], JSON.stringify(item)).toContain(reply.status);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });

  it('static files: no generated path (dot segments, encodings, backslashes, NUL) leaves the renderer folder', () => {
    const root = '/srv/acs/dist-renderer';
    const segment = fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '..%2f', '%2f', '%5c', '..\\', '\\', '%00', 'index.html', 'assets', 'etc', 'passwd', '', '%252e%252e', '....', '.%2e');
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), fc.boolean(), (segments, leadingSlash) => {
        const path = `${leadingSlash ? '/' : ''}${segments.join('/')}`;
        const target = resolveInside(root, path);
        if (target !== null) expect(target === root || target.startsWith(`${root}/`), `${path} -> ${target}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the token from the header only, never from the address', async () => {
    const { 'x-acs-token': _token, ...noToken } = good();
    const reply = await send(`/api/op/getAppInfo?token=${preview.server.token}`, { headers: noToken, body: '{}' });
    expect(reply.status).toBe(401);
  });

  it('sends no CORS permission to any origin', async () => {
    const preflight = await send('/api/op/getAppInfo', { method: 'OPTIONS', headers: { ...good(), origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const call = await send('/api/op/getAppInfo', { headers: good(), body: '{}' });
    expect(call.status).toBe(200);
    expect(call.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('with the right token, unknown operations, wrong types, extra fields and oversized bodies are refused as data', async () => {
    const cases: [string, string, number, string][] = [
      ['/api/op/formatDisk', '{}', 200, 'unknown-operation'],
      ['/api/op/constructor', '{}', 200, 'unknown-operation'],
      ['/api/op/apply-fix', '{}', 404, 'unknown-operation'],
      ['/api/op/../../etc/passwd', '{}', 404, 'unknown-operation'],
      ['/api/op/previewFix', '{"stepIndex":"0"}', 200, 'invalid-argument'],
      ['/api/op/applyFix', '{"stepIndex":0}', 200, 'invalid-argument'],
      ['/api/op/applyFix', '{"stepIndex":0,"consent":true,"command":"certutil -delstore Root"}', 200, 'invalid-argument'],
      ['/api/op/getAppInfo', '{"__proto__":{"admin":true}}', 200, 'invalid-argument'],
      ['/api/op/decodeSupportCode', JSON.stringify({ code: 'A'.repeat(MAX_ARGUMENT_BYTES + 2048) }), 413, 'payload-too-large'],
      ['/api/op/getAppInfo', '{"a":', 400, 'invalid-argument'],
    ];
    for (const [path, body, status, code] of cases) {
      const reply = await send(path, { headers: good(), body });
      expect(reply.status, `${path} ${body.slice(0, 60)}`).toBe(status);
      expect(JSON.parse(reply.body), path).toMatchObject({ ok: false, code });
    }
  });

  // Issue 7 asks for rejected calls to be logged: the preview server and the dispatcher write one line each.
  it('logs refused calls (foreign origin, wrong token)', async () => {
    logLines.length = 0;
    await send('/api/op/getAppInfo', { headers: { ...good(), origin: 'https://evil.example' }, body: '{}' });
    await send('/api/op/getAppInfo', { headers: { ...good(), 'x-acs-token': 'wrong' }, body: '{}' });
    expect(logLines.join('\n')).toMatch(/evil\.example/);
    expect(logLines.length).toBeGreaterThanOrEqual(2);
  });
});
