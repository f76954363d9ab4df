// The external links the app may open in the system browser: https pages of Microsoft and Trend
// Micro documentation, nothing else (no other scheme, host, port or embedded credentials).

export const ALLOWED_LINK_HOSTS: readonly string[] = [
  'support.microsoft.com',
  'learn.microsoft.com',
  'www.microsoft.com',
  'www.catalog.update.microsoft.com',
  'catalog.update.microsoft.com',
  'success.trendmicro.com',
  'help.deepsecurity.trendmicro.com',
  'docs.trendmicro.com',
];

/** The normalized URL when it may be opened, else null. */
export function allowedExternalLink(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return null;
  if (!ALLOWED_LINK_HOSTS.includes(url.hostname)) return null;
  return url.toString();
}
