// Serves the built renderer (dist-renderer/) read-only: known file types only, nothing outside the
// folder, the strict CSP on every page, and index.html for the app's own routes.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY_HEADER } from './content-security-policy.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY_HEADER,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=()',
};

export interface StaticFile {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Resolves a URL path inside `root`; null when it would leave the folder. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const target = resolve(base, normalize(`.${decoded.startsWith('/') ? decoded : `/${decoded}`}`));
  return target === base || target.startsWith(base + sep) ? target : null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export async function serveStatic(root: string, urlPath: string): Promise<StaticFile> {
  const notFound = (): StaticFile => ({ status: 404, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from('Not found') });
  let target = resolveInside(root, urlPath);
  if (target === null) return notFound();
  if (!(await isFile(target))) {
    // The app's own routes (no file extension) get the single page; missing assets stay 404.
    if (extname(target) !== '') return notFound();
    target = join(resolve(root), 'index.html');
    if (!(await isFile(target))) return notFound();
  }
  const type = CONTENT_TYPES[extname(target).toLowerCase()];
  if (!type) return notFound();
  const cache = target.endsWith('.html') ? 'no-store' : 'no-cache';
  return { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': cache }, body: await readFile(target) };
}
