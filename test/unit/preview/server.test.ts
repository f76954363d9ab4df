// The preview's loopback bridge: serves the renderer with the strict CSP, and answers API calls only
// with this run's token, from its own origin, addressed to 127.0.0.1 — through the shared dispatcher.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ARGUMENT_BYTES } from '../../../src-main/contract/index.js';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../../src-main/renderer-host/content-security-policy.js';
import { startPreviewServer, type PreviewServer } from '../../../src-main/preview/server.js';
import { createTestApp, type TestApp } from '../../support/app-fixture.js';

let app: TestApp;
let server: PreviewServer;

beforeEach(async () => {
  app = await createTestApp();
  const rendererDir = await mkdtemp(join(tmpdir(), 'acs-renderer-'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>wizard</title>');
  await writeFile(join(rendererDir, 'app.js'), 'console.log(1)');
  server = await startPreviewServer({ dispatch: app.dispatch, events: app.session.events, rendererDir });
});

afterEach(async () => {
  await server.close();
});

/** Raw request, so tests can send headers fetch() would not (Host) and read any status. */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (op: string, args: unknown, headers: Record<string, string> = {}) =>
  raw(`/api/op/${op}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-acs-token': server.token, ...headers }, body: JSON.stringify(args) });

describe('the preview server', () => {
  it('listens on 127.0.0.1 with a random port and a long random token in the address fragment', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(server.url).toBe(`${server.origin}/#token=${server.token}`);
  });

  it('serves the renderer with the strict CSP and security headers, and nothing outside its folder', async () => {
    const page = await raw('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('wizard');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await raw('/app.js')).headers['content-type']).toContain('text/javascript');
    expect((await raw('/fix/2')).body).toContain('wizard');
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/missing.js']) {
      expect((await raw(path)).status).toBe(404);
    }
  });

  it('answers a valid call through the shared dispatcher', async () => {
    const answer = await call('getAppInfo', {});
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { productName: 'ACS Support Assistant', shell: 'preview' } });
    expect(JSON.parse((await call('previewFix', { stepIndex: 'x' })).body)).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(JSON.parse((await call('eraseDisk', {})).body)).toMatchObject({ ok: false, code: 'unknown-operation' });
  });

  it('rejects a missing or wrong token', async () => {
    const missing = await raw('/api/op/getAppInfo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, code: 'forbidden' });
    const wrong = await call('getAppInfo', {}, { 'x-acs-token': `${server.token.slice(0, -1)}A` });
    expect(wrong.status).toBe(403);
    expect((await raw('/api/events', { headers: { 'x-acs-token': 'nope' } })).status).toBe(403);
  });

  it('rejects a foreign Origin, a cross-site fetch and a foreign Host (DNS rebinding) even with the token', async () => {
    expect((await call('getAppInfo', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await call('getAppInfo', {}, { origin: 'http://localhost:1' })).status).toBe(403);
    expect((await call('getAppInfo', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await call('getAppInfo', {}, { host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await raw('/', { headers: { host: 'rebound.example' } })).status).toBe(403);
    expect((await call('getAppInfo', {}, { origin: server.origin })).status).toBe(200);
  });

  it('rejects oversized bodies, other content types, other methods and bad JSON', async () => {
    const big = await call('decodeSupportCode', { code: 'x'.repeat(MAX_ARGUMENT_BYTES * 2) });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, code: 'payload-too-large' });
    const form = await raw('/api/op/getAppInfo', { method: 'POST', headers: { 'content-type': 'text/plain', 'x-acs-token': server.token }, body: '{}' });
    expect(form.status).toBe(415);
    expect((await raw('/api/op/getAppInfo', { headers: { 'x-acs-token': server.token } })).status).toBe(405);
    const bad = await raw('/api/op/getAppInfo', { method: 'POST', headers: { 'content-type': 'application/json', 'x-acs-token': server.token }, body: '{"a":' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, code: 'invalid-argument' });
  });
});
