// Security rules applied to the session and every web contents: CSP header, no remote content, no
// permissions, no navigation, no new windows (allow-listed links go to the system browser), no webviews.
import type { Session, WebContents } from 'electron';
import { allowedExternalLink } from '../app/links.js';
import { APP_SCHEME } from './app-protocol.js';
import { CONTENT_SECURITY_POLICY_HEADER } from '../renderer-host/content-security-policy.js';

/** Schemes a request may use: the app's own, and Chromium's internal devtools pages. */
export function isLocalRequest(url: string): boolean {
  return url.startsWith(`${APP_SCHEME}://`) || url.startsWith('devtools://');
}

/** `allowRequest` decides which URLs may load at all (the app window: app:// only; the PDF printer: data: only). */
export function hardenSession(session: Session, allowRequest: (url: string) => boolean = isLocalRequest): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowRequest(details.url) }));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY_HEADER] } });
  });
}

export function hardenContents(contents: WebContents, openExternal: (url: string) => Promise<void>): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const allowed = allowedExternalLink(url);
    if (allowed) void openExternal(allowed).catch(() => {});
    return { action: 'deny' };
  });
}
