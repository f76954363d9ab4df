// The renderer's HTTP bridge against the real preview server: every contract operation is a function,
// results come back as data, and progress events stream while a probe runs.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OPERATION_NAMES, type ProbeProgressEvent } from '../../../src-main/contract/index.js';
import { startPreviewServer, type PreviewServer } from '../../../src-main/preview/server.js';
import { createHttpBridge } from '../../../src-renderer/bridge/http-bridge.js';
import { BRIDGE_OPERATIONS } from '../../../src-renderer/bridge/operation-list.js';
import { parseEventStream } from '../../../src-renderer/bridge/sse.js';
import { createTestApp, type TestApp } from '../../support/app-fixture.js';

let app: TestApp;
let server: PreviewServer;

beforeEach(async () => {
  app = await createTestApp();
  server = await startPreviewServer({ dispatch: app.dispatch, events: app.session.events, rendererDir: await mkdtemp(join(tmpdir(), 'acs-r-')) });
});

afterEach(async () => {
  await server.close();
});

describe('parseEventStream', () => {
  it('splits messages, keeps the unfinished rest, ignores comments and joins data lines', () => {
    const parsed = parseEventStream(': hello\n\nevent: probe-progress\ndata: {"a":1}\n\nevent: x\r\ndata: 1\r\ndata: 2\r\n\r\nevent: fix-progress\ndata: {"b"');
    expect(parsed.messages).toEqual([
      { event: 'probe-progress', data: '{"a":1}' },
      { event: 'x', data: '1\n2' },
    ]);
    expect(parsed.rest).toBe('event: fix-progress\ndata: {"b"');
  });
});

describe('createHttpBridge', () => {
  it('offers exactly the contract operations', () => {
    expect([...BRIDGE_OPERATIONS].sort()).toEqual([...OPERATION_NAMES].sort());
    const bridge = createHttpBridge({ baseUrl: server.origin, token: server.token, fetch });
    for (const name of OPERATION_NAMES) expect(typeof bridge[name]).toBe('function');
  });

  it('calls operations and streams probe progress events', async () => {
    const bridge = createHttpBridge({ baseUrl: server.origin, token: server.token, fetch, reconnectMs: 10 });
    const progress: ProbeProgressEvent[] = [];
    const stop = bridge.on('probe-progress', (event) => progress.push(event));
    // Wait until the server holds the event stream open.
    for (let i = 0; i < 50 && server.eventStreams() === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    const outcome = await bridge.startProbe();
    expect(outcome.ok).toBe(true);
    for (let i = 0; i < 50 && progress.length < 4; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(progress.map((event) => `${event.section}:${event.status}`)).toEqual(['os:started', 'os:done', 'hotfixes:started', 'hotfixes:done']);
    stop();
    for (let i = 0; i < 50 && server.eventStreams() > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(server.eventStreams()).toBe(0);
    const plan = await bridge.listPlan();
    expect(plan).toMatchObject({ ok: true, value: { readOnly: false } });
  });

  it('turns a missing token, a refused call and an unreachable server into failures, not exceptions', async () => {
    expect(await createHttpBridge({ baseUrl: server.origin, token: null, fetch }).getAppInfo()).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await createHttpBridge({ baseUrl: server.origin, token: 'wrong', fetch }).getAppInfo()).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await createHttpBridge({ baseUrl: 'http://127.0.0.1:1', token: 't', fetch }).getAppInfo()).toMatchObject({ ok: false, code: 'not-available' });
  });

  it('lets the page open a link only after the server allowed it', async () => {
    const opened: string[] = [];
    const bridge = createHttpBridge({ baseUrl: server.origin, token: server.token, fetch, openLink: (url) => opened.push(url) });
    await bridge.openExternalLink({ url: 'https://evil.example/' });
    await bridge.openExternalLink({ url: 'https://learn.microsoft.com/windows/' });
    expect(opened).toEqual(['https://learn.microsoft.com/windows/']);
  });
});

describe('event order over HTTP', () => {
  it('hands over an answer only after the events the server sent before it, as Electron IPC would', async () => {
    const bridge = createHttpBridge({ baseUrl: server.origin, token: server.token, fetch, reconnectMs: 10 });
    const seen: string[] = [];
    bridge.on('probe-progress', (event) => seen.push(`${event.section}:${event.status}`));
    for (let i = 0; i < 50 && server.eventStreams() === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    for (let run = 0; run < 5; run += 1) {
      seen.length = 0;
      const outcome = await bridge.startProbe();
      // No waiting here: the progress must already be in when the answer is.
      expect(outcome.ok).toBe(true);
      expect(seen).toEqual(['os:started', 'os:done', 'hotfixes:started', 'hotfixes:done']);
    }
  });

  it('does not wait for events sent before the page connected', async () => {
    await app.dispatch('startProbe', {});
    const bridge = createHttpBridge({ baseUrl: server.origin, token: server.token, fetch, reconnectMs: 10 });
    bridge.on('fix-progress', () => {});
    for (let i = 0; i < 50 && server.eventStreams() === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    expect((await bridge.listPlan()).ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
