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

/** Windows' own Settings page for updates, the one non-https address the app opens (issue 16, point 10). */
export const WINDOWS_UPDATE_SETTINGS = 'ms-settings:windowsupdate';

/** Microsoft's upgrade guides: Windows 11 for a PC (the download page with the Installation Assistant),
 * the in-place upgrade of Windows Server for a server. Both are allow-listed documentation hosts. */
export const UPGRADE_GUIDE_PAGES = {
  client: 'https://www.microsoft.com/software-download/windows11',
  server: 'https://learn.microsoft.com/windows-server/get-started/perform-in-place-upgrade',
} as const;
