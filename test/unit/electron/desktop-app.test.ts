// The main process put together, with `electron` mocked (the binary is never loaded in unit tests):
// scheme and hardening before the window loads, one IPC channel per operation, a secure window on
// app://acs/, progress events forwarded to it, and one instance only.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OPERATION_NAMES } from '../../../src-main/contract/index.js';

type Listener = (...args: unknown[]) => unknown;

const state = vi.hoisted(() => ({
  order: [] as string[],
  appListeners: {} as Record<string, Listener>,
  ipcHandlers: new Map<string, Listener>(),
  windows: [] as { options: unknown; sent: [string, unknown][]; url: string | null; id: number }[],
  protocolHandler: null as null | ((request: Request) => Promise<Response>),
  appPath: '',
  userData: '',
  lock: true,
  packaged: false,
  errorBoxes: [] as string[],
  exitCodes: [] as number[],
  quit: 0,
  permissionHandlers: 0,
}));

vi.mock('electron', () => {
  const session = {
    setPermissionRequestHandler: () => void (state.permissionHandlers += 1),
    setPermissionCheckHandler: () => {},
    setDevicePermissionHandler: () => {},
    webRequest: { onBeforeRequest: () => {}, onHeadersReceived: () => {} },
  };
  class BrowserWindow {
    readonly record: (typeof state.windows)[number];
    readonly webContents: { id: number; send: (channel: string, payload: unknown) => void };
    constructor(options: unknown) {
      this.record = { options, sent: [], url: null, id: 41 + state.windows.length };
      state.windows.push(this.record);
      const record = this.record;
      this.webContents = { id: record.id, send: (channel, payload) => void record.sent.push([channel, payload]) };
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    once() {}
    show() {}
    focus() {}
    restore() {}
    async loadURL(url: string) {
      state.order.push('loadURL');
      this.record.url = url;
    }
  }
  return {
    app: {
      get isPackaged() {
        return state.packaged;
      },
      requestSingleInstanceLock: () => state.lock,
      quit: () => void (state.quit += 1),
      exit: (code: number) => void state.exitCodes.push(code),
      on: (name: string, listener: Listener) => void (state.appListeners[name] = listener),
      whenReady: async () => void state.order.push('ready'),
      getAppPath: () => state.appPath,
      getPath: () => state.userData,
      getPreferredSystemLanguages: () => ['ja-JP', 'en-US'],
    },
    BrowserWindow,
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showErrorBox: (_title: string, text: string) => void state.errorBoxes.push(text) },
    ipcMain: { handle: (channel: string, handler: Listener) => void state.ipcHandlers.set(channel, handler) },
    protocol: {
      registerSchemesAsPrivileged: () => void state.order.push('registerSchemes'),
      handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => void (state.protocolHandler = handler),
    },
    session: { defaultSession: session, fromPartition: () => session },
    shell: { openExternal: async () => {}, openPath: async () => '' },
    clipboard: { writeText: () => {} },
  };
});

beforeEach(async () => {
  state.order.length = 0;
  state.ipcHandlers.clear();
  state.windows.length = 0;
  state.lock = true;
  state.packaged = false;
  state.errorBoxes.length = 0;
  state.exitCodes.length = 0;
  state.quit = 0;
  state.appPath = await mkdtemp(join(tmpdir(), 'acs-electron-app-'));
  state.userData = await mkdtemp(join(tmpdir(), 'acs-electron-data-'));
  const { mkdir } = await import('node:fs/promises');
  await mkdir(join(state.appPath, 'dist-renderer'));
  await writeFile(join(state.appPath, 'dist-renderer', 'index.html'), '<title>wizard</title>');
});

describe('startDesktopApp', () => {
  it('registers the scheme before ready, hardens, wires IPC and opens one secure window on app://acs/', async () => {
    const electron = await import('electron');
    const { startDesktopApp } = await import('../../../src-main/electron/desktop-app.js');
    const started = await startDesktopApp(electron, ['electron', '.', '--simulate=healthy-win11']);
    expect(started).not.toBeNull();
    expect(state.order).toEqual(['registerSchemes', 'ready', 'loadURL']);
    expect(state.permissionHandlers).toBeGreaterThan(0);
    expect(state.appListeners['web-contents-created']).toBeTypeOf('function');
    expect([...state.ipcHandlers.keys()].sort()).toEqual(OPERATION_NAMES.map((name) => `acs:op:${name}`).sort());
    expect(state.windows).toHaveLength(1);
    const window = state.windows[0]!;
    // The Windows display languages travel in the address: the wizard follows them (issue 17).
    expect(window.url).toBe('app://acs/index.html?systemLanguages=ja-JP%2Cen-US');
    expect(window.options).toMatchObject({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, preload: expect.stringMatching(/preload\.cjs$/) } });
    const page = await state.protocolHandler!(new Request('app://acs/index.html'));
    expect(await page.text()).toContain('wizard');
  });

  it('answers the window over IPC, refuses other senders, and forwards probe progress to the window', async () => {
    const electron = await import('electron');
    const { startDesktopApp } = await import('../../../src-main/electron/desktop-app.js');
    await startDesktopApp(electron, ['--simulate=healthy-win11']);
    const window = state.windows[0]!;
    const trusted = { sender: { id: window.id }, senderFrame: { url: 'app://acs/index.html', parent: null } };
    const info = (await state.ipcHandlers.get('acs:op:getAppInfo')!(trusted, {})) as { ok: boolean; value: { shell: string; host: { profile: string } } };
    expect(info).toMatchObject({ ok: true, value: { shell: 'electron', host: { kind: 'simulated', profile: 'healthy-win11' }, offline: true } });
    const foreign = { sender: { id: 999 }, senderFrame: { url: 'app://acs/index.html', parent: null } };
    expect(await state.ipcHandlers.get('acs:op:getAppInfo')!(foreign, {})).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await state.ipcHandlers.get('acs:op:startProbe')!(trusted, {})).toMatchObject({ ok: true, value: { diagnosis: { verdict: 'ready' } } });
    const channels = new Set(window.sent.map(([channel]) => channel));
    expect(channels).toEqual(new Set(['acs:event:probe-progress']));
  });

  it('quits when another instance already runs', async () => {
    state.lock = false;
    const electron = await import('electron');
    const { startDesktopApp } = await import('../../../src-main/electron/desktop-app.js');
    expect(await startDesktopApp(electron, [])).toBeNull();
    expect(state.quit).toBe(1);
    expect(state.windows).toHaveLength(0);
  });

  it('in a packaged app, --simulate and ACS_SIMULATE say this build has no demo machines and open nothing', async () => {
    state.packaged = true;
    const electron = await import('electron');
    const { startDesktopApp } = await import('../../../src-main/electron/desktop-app.js');
    const { NO_DEMO_MACHINES } = await import('../../../src-main/host/simulator.js');
    const { markPackagedApp } = await import('../../../src-main/paths.js');
    try {
      expect(await startDesktopApp(electron, ['--simulate=healthy-win11'])).toBeNull();
      process.env.ACS_SIMULATE = 'healthy-win11';
      expect(await startDesktopApp(electron, [])).toBeNull();
    } finally {
      delete process.env.ACS_SIMULATE;
      markPackagedApp(false);
    }
    expect(state.errorBoxes).toEqual([NO_DEMO_MACHINES, NO_DEMO_MACHINES]);
    expect(state.exitCodes).toEqual([64, 64]);
    expect(state.windows).toHaveLength(0);
    expect(state.order).toEqual([]);
  });
});
