// The window and session rules: isolated sandboxed renderer, CSP header and meta tag agree, no remote
// content, no permissions, no navigation or new windows, links only to the allow-list.
import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER, parsePolicy } from '../../../src-main/renderer-host/content-security-policy.js';
import { hardenContents, hardenSession, isLocalRequest } from '../../../src-main/electron/hardening.js';
import { mainWindowOptions, secureWebPreferences } from '../../../src-main/electron/window-options.js';

describe('window options', () => {
  it('isolates and sandboxes the renderer, with the preload as the only bridge', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(mainWindowOptions('/p.cjs', 'ACS').webPreferences).toEqual(secureWebPreferences('/p.cjs'));
  });
});

describe('content security policy', () => {
  it('allows only the app itself: no inline script, no eval, no remote origin', () => {
    const policy = parsePolicy(CONTENT_SECURITY_POLICY_HEADER);
    expect(policy['default-src']).toBe("'none'");
    expect(policy['script-src']).toBe("'self'");
    expect(policy['frame-ancestors']).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY_HEADER).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('is the same in the renderer page meta tag as in the header', async () => {
    const html = await readFile(new URL('../../../src-renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta, 'src-renderer/index.html must carry the CSP meta tag').toBeDefined();
    const { ['frame-ancestors']: _ignoredInMeta, ...metaPolicy } = parsePolicy(meta!);
    expect(metaPolicy).toEqual(parsePolicy(CONTENT_SECURITY_POLICY));
  });
});

type Handler = (...args: unknown[]) => unknown;

function fakeSession() {
  const handlers: Record<string, Handler> = {};
  const session = {
    setPermissionRequestHandler: (h: Handler) => void (handlers.permission = h),
    setPermissionCheckHandler: (h: Handler) => void (handlers.permissionCheck = h),
    setDevicePermissionHandler: (h: Handler) => void (handlers.device = h),
    webRequest: {
      onBeforeRequest: (h: Handler) => void (handlers.beforeRequest = h),
      onHeadersReceived: (h: Handler) => void (handlers.headers = h),
    },
  };
  return { session: session as unknown as Session, handlers };
}

describe('hardenSession', () => {
  it('denies every permission and loads nothing from the network', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session);
    const permission = vi.fn();
    handlers.permission!(null, 'media', permission);
    expect(permission).toHaveBeenCalledWith(false);
    expect(handlers.permissionCheck!()).toBe(false);
    expect(handlers.device!()).toBe(false);
    for (const [url, cancel] of [
      ['app://acs/index.html', false],
      ['https://example.com/x.js', true],
      ['http://127.0.0.1:9/', true],
      ['file:///etc/passwd', true],
      ['ws://x/', true],
    ] as const) {
      const callback = vi.fn();
      handlers.beforeRequest!({ url }, callback);
      expect(callback).toHaveBeenCalledWith({ cancel });
    }
    expect(isLocalRequest('devtools://devtools/bundled/x')).toBe(true);
  });

  it('adds the CSP to every response', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session);
    const callback = vi.fn();
    handlers.headers!({ responseHeaders: { 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY_HEADER] } });
  });
});

describe('hardenContents', () => {
  function fakeContents() {
    const on: Record<string, Handler> = {};
    let openHandler: Handler = () => undefined;
    const contents = {
      on: (name: string, h: Handler) => void (on[name] = h),
      setWindowOpenHandler: (h: Handler) => void (openHandler = h),
    };
    return { contents: contents as unknown as WebContents, on, open: (url: string) => openHandler({ url }) };
  }

  it('blocks navigation, redirects and webviews', () => {
    const { contents, on } = fakeContents();
    hardenContents(contents, async () => {});
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      on[name]!(event);
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
  });

  it('denies new windows and hands only allow-listed links to the system browser', () => {
    const { contents, open } = fakeContents();
    const opened: string[] = [];
    hardenContents(contents, async (url) => void opened.push(url));
    expect(open('https://support.microsoft.com/help/5022661')).toEqual({ action: 'deny' });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('file:///C:/Windows/System32/calc.exe')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://support.microsoft.com/help/5022661']);
  });
});
