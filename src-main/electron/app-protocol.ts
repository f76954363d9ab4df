// The renderer is served from the app's own scheme (app://acs/…) instead of file://, so it gets a
// real origin for the sender check, the CSP as a response header, and no access to the file system.
import { serveStatic } from '../renderer-host/static-files.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'acs';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Privileges for protocol.registerSchemesAsPrivileged: a standard, secure origin; no CSP bypass. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, bypassCSP: false, stream: false } as const;

/** Answers one app:// request from the built renderer folder; any other host is refused. */
export async function handleAppRequest(rendererDir: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return new Response('Not found', { status: 404 });
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
  const file = await serveStatic(rendererDir, url.pathname);
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), { status: file.status, headers: file.headers });
}

/** Is this URL the app's own page (not a frame from anywhere else)? */
export function isAppUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}
