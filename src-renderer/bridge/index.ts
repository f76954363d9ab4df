// The renderer's one way to reach the main process: Electron's preload (`window.acsBridge`) when it
// is there, else the browser preview's HTTP bridge. Both implement the contract's AcsBridge.
import type { AcsBridge } from '../../src-main/contract/index.js';
import { createHttpBridge } from './http-bridge.js';

export type { AcsBridge };

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in the browser preview. */
    acsBridge?: AcsBridge;
  }
}

const TOKEN_STORAGE_KEY = 'acs-preview-token';

/** The preview's token arrives in the address fragment (#token=…), never sent to a server; it is
 * moved to sessionStorage (so a reload keeps working) and removed from the address bar. */
export function takePreviewToken(win: Pick<Window, 'location' | 'history' | 'sessionStorage'>): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(win.location.hash);
  if (match?.[1]) {
    win.sessionStorage.setItem(TOKEN_STORAGE_KEY, match[1]);
    win.history.replaceState(null, '', win.location.pathname + win.location.search);
    return match[1];
  }
  return win.sessionStorage.getItem(TOKEN_STORAGE_KEY);
}

let connected: AcsBridge | null = null;

/** The bridge for this window (created once). */
export function connectBridge(win: Window = window): AcsBridge {
  if (connected) return connected;
  connected =
    win.acsBridge ??
    createHttpBridge({
      baseUrl: win.location.origin,
      token: takePreviewToken(win),
      fetch: win.fetch.bind(win),
      openLink: (url) => void win.open(url, '_blank', 'noopener,noreferrer'),
    });
  return connected;
}
