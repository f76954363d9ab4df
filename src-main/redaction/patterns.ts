// What redaction looks for in text: user names inside profile paths, other hosts (UNC paths, URLs),
// IP and MAC addresses, domain SIDs and e-mail style account names.
import { isIPv4, isIPv6 } from 'node:net';

export type RedactionKind = 'host' | 'domain' | 'user' | 'ip' | 'mac' | 'sid';

export interface FoundValue {
  kind: RedactionKind;
  value: string;
}

/** Profile folders: C:\Users\name, \Device\HarddiskVolume2\Users\name, C:\Documents and Settings\name, /home/name. */
const PROFILE_PATH = /(?:^|[\\/])(?:Users|Documents and Settings|home)[\\/]+([^\\/"'<>|:*?\r\n\t]+)/gi;
/** \\server\share (not the \\?\ and \\.\ device prefixes). */
const UNC_HOST = /(?:^|[^\\])\\\\([A-Za-z0-9][A-Za-z0-9.-]*)\\/g;
const URL_HOST = /\b[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]+@)?([A-Za-z0-9][A-Za-z0-9.-]*)/gi;
const EMAIL = /\b([A-Za-z0-9._%+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)\b/g;
const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)/g;
const IPV6_CANDIDATE = /(?<![0-9A-Za-z:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![0-9A-Za-z:])/g;
const MAC = /(?<![0-9A-Fa-f:-])[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![0-9A-Fa-f:-]?[0-9A-Fa-f])/g;
/** Machine and domain SIDs identify an organisation; well-known SIDs (S-1-5-18…) do not. */
const DOMAIN_SID = /\bS-1-5-21-\d+-\d+-\d+(?:-\d+)?(?!\d|-\d)/g;

/** Public services whose names are not personal and keep a report readable. */
const PUBLIC_HOST_SUFFIXES = ['microsoft.com', 'windowsupdate.com', 'windows.com', 'trendmicro.com', 'digicert.com', 'w3.org'];
/** Folder and account names that are not anybody's name (and common words that must stay readable). */
const NOT_PERSONAL = new Set(
  ['public', 'default', 'default user', 'all users', 'defaultapppool', 'administrator', 'administrators', 'admin', 'system', 'localservice', 'networkservice', 'local service', 'network service', 'user', 'users', 'guest', 'shared', 'appdata', 'desktop.ini'],
);

/** Names that are also everyday words in reports: matched only where they clearly name a machine or account. */
const COMMON_WORDS = new Set(
  ['server', 'windows', 'client', 'desktop', 'laptop', 'pc', 'workstation', 'office', 'home', 'test', 'agent', 'security', 'update', 'service', 'system', 'microsoft', 'trend', 'micro', 'root', 'domain', 'local', 'main', 'dc', 'files', 'file', 'print', 'backup', 'sql', 'web', 'mail', 'exchange', 'apex', 'one', 'support', 'owner', 'reception', 'kasse', 'buero', 'büro'],
);

export function isPersonalAccountName(name: string): boolean {
  const trimmed = name.trim();
  return trimmed.length > 0 && !NOT_PERSONAL.has(trimmed.toLowerCase()) && !trimmed.startsWith('%');
}

function isPublicHost(host: string): boolean {
  const lower = host.toLowerCase().replace(/\.$/, '');
  if (lower === 'localhost' || isIPv4(lower)) return true;
  return PUBLIC_HOST_SUFFIXES.some((suffix) => lower === suffix || lower.endsWith(`.${suffix}`));
}

function isTrivialAddress(address: string): boolean {
  return address === '0.0.0.0' || address.startsWith('127.') || address === '::' || address === '::1' || address === '255.255.255.255';
}

/**
 * Every value in one piece of text that redaction replaces. `field` is the key the text sits under:
 * version fields ("14.0.0.12") are not read as IP addresses.
 */
export function findSensitiveValues(text: string, field: string | null): FoundValue[] {
  const found: FoundValue[] = [];
  for (const match of text.matchAll(PROFILE_PATH)) {
    const name = (match[1] ?? '').trim();
    if (!isPersonalAccountName(name)) continue;
    found.push({ kind: 'user', value: name });
    // Windows names a second profile of the same account "jsmith.CORP" (the NetBIOS domain or computer
    // name, upper case) or "jsmith.000": then "jsmith" is the user too. A lower-case suffix ("john.smith",
    // "name.desk") is part of the name itself and is not split.
    const [beforeDot = '', suffix = ''] = name.split(/\.(?=[^.]*$)/);
    if (beforeDot !== name && beforeDot.length > 1 && /^(?:[A-Z0-9-]{1,15}|\d{3})$/.test(suffix) && /[A-Z]|^\d{3}$/.test(suffix) && isPersonalAccountName(beforeDot)) {
      found.push({ kind: 'user', value: beforeDot });
    }
  }
  for (const match of text.matchAll(UNC_HOST)) if (match[1] && !isPublicHost(match[1])) found.push({ kind: 'host', value: match[1] });
  for (const match of text.matchAll(URL_HOST)) if (match[1] && !isPublicHost(match[1]) && !isIPv4(match[1])) found.push({ kind: 'host', value: match[1] });
  for (const match of text.matchAll(EMAIL)) {
    if (match[1] && isPersonalAccountName(match[1])) found.push({ kind: 'user', value: match[1] });
    if (match[2] && !isPublicHost(match[2])) found.push({ kind: 'domain', value: match[2] });
  }
  for (const match of text.matchAll(MAC)) found.push({ kind: 'mac', value: match[0] });
  for (const match of text.matchAll(IPV6_CANDIDATE)) {
    const candidate = match[0];
    if ((candidate.includes('::') || candidate.split(':').length === 8) && isIPv6(candidate) && !isTrivialAddress(candidate)) found.push({ kind: 'ip', value: candidate });
  }
  if (!/version$/i.test(field ?? '')) {
    for (const match of text.matchAll(IPV4)) if (isIPv4(match[0]) && !isTrivialAddress(match[0])) found.push({ kind: 'ip', value: match[0] });
  }
  for (const match of text.matchAll(DOMAIN_SID)) found.push({ kind: 'sid', value: match[0] });
  return found;
}

/** A regular-expression source that matches one known value where a reader would see it as a whole token. */
export function valuePattern(kind: RedactionKind, value: string): string {
  const escaped = value.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  switch (kind) {
    case 'ip':
      return value.includes(':') ? `(?<![0-9A-Fa-f:])${escaped}(?![0-9A-Fa-f:])` : `(?<![\\d.])${escaped}(?![\\d]|\\.\\d)`;
    case 'mac':
      return `(?<![0-9A-Fa-f:-])${escaped}(?![0-9A-Fa-f])`;
    case 'sid':
      return `${escaped}(?!\\d|-\\d)`;
    default:
      // A machine called "SERVER" must not turn "Windows Server 2019" into "Windows HOST-1 2019": common
      // words are replaced only as a whole field, or where they name a machine or account
      // (\\SERVER\share, SERVER\user, SERVER$, SERVER.corp.example, user@SERVER).
      if (COMMON_WORDS.has(value.toLowerCase())) {
        return `(?:^${escaped}$|(?<![A-Za-z0-9])${escaped}(?=[.$\\\\][A-Za-z0-9$]|\\$)|(?<=[\\\\@])${escaped}(?![A-Za-z0-9]))`;
      }
      // Long names are replaced wherever they appear; short ones only as whole words, so "PC" in a sentence survives.
      return value.length >= 5 ? escaped : `(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`;
  }
}
