// Who may call the preview bridge: requests addressed to this server by its loopback address (no DNS
// rebinding), from its own page or no page at all (no foreign Origin), carrying this run's token.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const TOKEN_HEADER = 'x-acs-token';

export type GuardVerdict = { ok: true } | { ok: false; status: number; message: string };

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The Host header must name this server; browsers always send it, so a rebound DNS name fails here. */
export function checkHost(headers: IncomingHttpHeaders, port: number): GuardVerdict {
  const host = headers.host;
  if (host === `127.0.0.1:${port}` || host === `localhost:${port}`) return { ok: true };
  return { ok: false, status: 403, message: 'This server answers only to http://127.0.0.1 on its own port.' };
}

/** API calls: no foreign Origin and the right token (header only, never the URL). */
export function checkApiCall(headers: IncomingHttpHeaders, origin: string, token: string): GuardVerdict {
  const requestOrigin = headers.origin;
  if (requestOrigin !== undefined && requestOrigin !== origin) {
    return { ok: false, status: 403, message: `Requests from ${String(requestOrigin).slice(0, 100)} are not accepted.` };
  }
  const fetchSite = headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return { ok: false, status: 403, message: 'Cross-site requests are not accepted.' };
  }
  const given = headers[TOKEN_HEADER];
  if (typeof given !== 'string' || given === '') return { ok: false, status: 401, message: 'The access token is missing: open the address that npm run preview printed.' };
  if (!sameSecret(given, token)) return { ok: false, status: 403, message: 'The access token is wrong: open the address that npm run preview printed.' };
  return { ok: true };
}
