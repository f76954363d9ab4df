// What redaction looks for in text: user names inside profile paths, other hosts (UNC, \Device\Mup and
// \\?\UNC paths, URLs), accounts written DOMAIN\user, domains in DC= form, IP addresses (also
// zero-padded), MAC addresses in every usual form, domain and Azure AD SIDs and e-mail style accounts.
import { isIPv4, isIPv6 } from 'node:net';

export type RedactionKind = 'host' | 'domain' | 'user' | 'ip' | 'mac' | 'sid' | 'subject' | 'machineId';

export interface FoundValue {
  kind: RedactionKind;
  value: string;
  /** Other spellings of the same value (a MAC in its other forms, a zero-padded IP's plain form): same placeholder. */
  aliases?: string[];
}

/** Profile folders: C:\Users\name, \Device\HarddiskVolume2\Users\name, C:\Documents and Settings\name, /home/name. */
const PROFILE_PATH = /(?:^|[\\/])(?:Users|Documents and Settings|home)[\\/]+([^\\/"'<>|:*?\r\n\t]+)/gi;
/** \\server\share (not the \\?\ and \\.\ device prefixes). */
const UNC_HOST = /(?:^|[^\\])\\\\([A-Za-z0-9][A-Za-z0-9.-]*)\\/g;
/** The same server in NT and Win32 long-path forms: \Device\Mup\server\…, \\?\UNC\server\…, \??\UNC\server\…. */
const NT_UNC_HOST = /(?:\\Device\\Mup|\\\\[?.]\\UNC|\\\?\?\\UNC)\\(?:;[^\\]*\\)?([A-Za-z0-9][A-Za-z0-9.-]*)(?=\\|$|[\s"'])/gi;
const URL_HOST = /\b[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]+@)?([A-Za-z0-9][A-Za-z0-9.-]*)/gi;
const EMAIL = /\b([A-Za-z0-9._%+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)\b/g;
const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)/g;
const IPV6_CANDIDATE = /(?<![0-9A-Za-z:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![0-9A-Za-z:])/g;
const MAC = /(?<![0-9A-Fa-f:-])[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![0-9A-Fa-f:-]?[0-9A-Fa-f])/g;
/** Cisco style 001a.2b3c.4d5e. */
const MAC_DOTTED = /(?<![0-9A-Za-z.])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![0-9A-Za-z]|\.[0-9A-Za-z])/g;
/** Bare 001A2B3C4D5E (not the last group of a GUID, which follows a "-"). */
const MAC_BARE = /(?<![0-9A-Za-z-])[0-9A-Fa-f]{12}(?![0-9A-Za-z])/g;
const MAC_CONTEXT = /(?:mac|physical|hardware|adapter|address)\W{0,3}(?:\w+\W{1,3}){0,3}$/i;
/** Machine and domain SIDs (S-1-5-21-…) and Azure AD SIDs (S-1-12-1-…) identify an organisation or a
 * person; well-known SIDs (S-1-5-18…) do not. */
const DOMAIN_SID = /\bS-1-(?:5-21|12-1)-\d+-\d+-\d+(?:-\d+)?(?!\d|-\d)/g;
/** One or more DC= components of a distinguished name: "DC=ad, DC=example-corp, DC=org". */
const DC_RUN = /(?<![A-Za-z0-9])DC=[A-Za-z0-9-]{1,63}(?:\s*,\s*DC=[A-Za-z0-9-]{1,63})*/gi;
/** An account written PREFIX\name; the prefix is a domain or computer (checked by isAccountPrefix). */
const ACCOUNT = /(?<![\w\\.$-])([A-Za-z0-9][\w.-]{0,62})\\([A-Za-z0-9][\w.$-]{0,63})(?![\w\\])/g;
/** Prefixes of a PREFIX\name form that are not domains: registry roots and the like. */
const NOT_ACCOUNT_PREFIX = new Set([
  'hklm',
  'hkcu',
  'hkcr',
  'hku',
  'hkcc',
  'hkey_local_machine',
  'hkey_current_user',
  'hkey_classes_root',
  'hkey_users',
  'hkey_current_config',
  'registry',
  'software',
  'system',
  'machine',
  'user',
  // Registry key names Windows reports as reasons ("Component Based Servicing\RebootPending", "WindowsUpdate\RebootRequired").
  'servicing',
  'windowsupdate',
  'manager',
  'currentversion',
  'control',
  'services',
  'policies',
  'parameters',
  'cryptography',
  'systemcertificates',
  'authroot',
  'microsoft',
  'windows',
  'wow6432node',
]);
/** Fields whose text is registry key names, never accounts. */
const REGISTRY_FIELDS = /^(reasons|registryKey|keyPath)$/i;
/** Built-in "domains" of two or three words whose last word would otherwise be taken for a domain. */
const WELL_KNOWN_DOMAIN_LEADS = /(?:\bNT|\bWindow|\bFont Driver|\bIIS|\bNT VIRTUAL)\s+$/i;
const FILE_NAME = /\.(?:exe|dll|sys|cat|inf|msu|cab|cer|crt|json|log|txt|ps1|cmd|bat|mum|xml|evtx)$/i;
/** Last DNS labels that are not personal: generic and country top-level domains, private suffixes. */
const GENERIC_TLDS = new Set([
  'com',
  'org',
  'net',
  'edu',
  'gov',
  'mil',
  'int',
  'info',
  'biz',
  'local',
  'lan',
  'localdomain',
  'internal',
  'intranet',
  'home',
  'corp',
  'example',
  'test',
  'invalid',
  'arpa',
  'private',
]);

/** Public services whose names are not personal and keep a report readable. */
const PUBLIC_HOST_SUFFIXES = ['microsoft.com', 'windowsupdate.com', 'windows.com', 'trendmicro.com', 'digicert.com', 'w3.org'];
/** Folder and account names that are not anybody's name (and common words that must stay readable). */
const NOT_PERSONAL = new Set([
  'public',
  'default',
  'default user',
  'all users',
  'defaultapppool',
  'administrator',
  'administrators',
  'admin',
  'system',
  'localservice',
  'networkservice',
  'local service',
  'network service',
  'user',
  'users',
  'guest',
  'shared',
  'appdata',
  'desktop.ini',
]);

/** Names that are also everyday words in reports: matched only where they clearly name a machine or account. */
const COMMON_WORDS = new Set([
  'server',
  'windows',
  'client',
  'desktop',
  'laptop',
  'pc',
  'workstation',
  'office',
  'home',
  'test',
  'agent',
  'security',
  'update',
  'service',
  'system',
  'microsoft',
  'trend',
  'micro',
  'root',
  'domain',
  'local',
  'main',
  'dc',
  'files',
  'file',
  'print',
  'backup',
  'sql',
  'web',
  'mail',
  'exchange',
  'apex',
  'one',
  'support',
  'owner',
  'reception',
  'kasse',
  'buero',
  'büro',
]);

export function isPersonalAccountName(name: string): boolean {
  const trimmed = name.trim();
  return trimmed.length > 0 && !NOT_PERSONAL.has(trimmed.toLowerCase()) && !trimmed.startsWith('%');
}

export function isPublicHost(host: string): boolean {
  const lower = host.toLowerCase().replace(/\.$/, '');
  if (lower === 'localhost' || isIPv4(lower)) return true;
  return PUBLIC_HOST_SUFFIXES.some((suffix) => lower === suffix || lower.endsWith(`.${suffix}`));
}

/** The labels of a DNS domain that name an organisation: all but a generic or country top-level domain. */
export function personalDomainLabels(labels: readonly string[]): string[] {
  const cleaned = labels.map((label) => label.trim()).filter((label) => /^[A-Za-z0-9-]{1,63}$/.test(label));
  if (cleaned.length < 2) return [];
  const last = cleaned.at(-1)!.toLowerCase();
  const keepLast = !(GENERIC_TLDS.has(last) || /^[a-z]{2}$/.test(last));
  return (keepLast ? cleaned : cleaned.slice(0, -1)).filter((label) => !/^\d+$/.test(label));
}

/** Where "PREFIX\name" is an account and not part of a path with spaces ("Trend Micro\Security Agent"). */
function isAccountAt(text: string, index: number, prefix: string, account: string): boolean {
  if (NOT_ACCOUNT_PREFIX.has(prefix.toLowerCase()) || /^\d+$/.test(prefix) || FILE_NAME.test(account)) return false;
  const before = text.slice(Math.max(0, index - 80), index);
  if (WELL_KNOWN_DOMAIN_LEADS.test(before)) return false;
  // The words before it in the same clause must not be part of a path ("C:\Documents and Settings\x").
  const clause = before.split(/[;,()"'[\]<>|]|[.:]\s/).at(-1) ?? '';
  return !clause
    .trim()
    .split(/\s+/)
    .slice(-3)
    .some((word) => /[\\/]/.test(word));
}

/** 010.001.002.003 → 10.1.2.3; null when it is not a zero-padded address. */
function unpaddedIpv4(text: string): string | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.some((part) => part.length > 1 && part.startsWith('0'))) return null;
  const numbers = parts.map((part) => Number.parseInt(part, 10));
  return numbers.every((number) => number >= 0 && number <= 255) ? numbers.join('.') : null;
}

/** The usual spellings of one MAC address (dash, colon, bare, Cisco dotted), upper case. */
export function macForms(mac: string): string[] {
  const digits = mac.replace(/[^0-9A-Fa-f]/g, '').toUpperCase();
  if (digits.length !== 12) return [mac];
  const pairs = digits.match(/../g)!;
  return [pairs.join('-'), pairs.join(':'), digits, digits.match(/..../g)!.join('.')];
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
  for (const match of text.matchAll(NT_UNC_HOST)) if (match[1] && !isPublicHost(match[1])) found.push({ kind: 'host', value: match[1] });
  for (const match of text.matchAll(URL_HOST)) if (match[1] && !isPublicHost(match[1]) && !isIPv4(match[1])) found.push({ kind: 'host', value: match[1] });
  for (const match of text.matchAll(EMAIL)) {
    if (match[1] && isPersonalAccountName(match[1])) found.push({ kind: 'user', value: match[1] });
    if (match[2] && !isPublicHost(match[2])) found.push({ kind: 'domain', value: match[2] });
  }
  for (const match of text.matchAll(MAC)) found.push({ kind: 'mac', value: match[0], aliases: macForms(match[0]) });
  if (!/version$/i.test(field ?? '')) {
    for (const match of text.matchAll(MAC_DOTTED)) found.push({ kind: 'mac', value: match[0], aliases: macForms(match[0]) });
    for (const match of text.matchAll(MAC_BARE)) {
      const before = text.slice(Math.max(0, (match.index ?? 0) - 40), match.index);
      if (/[A-Fa-f]/.test(match[0]) || MAC_CONTEXT.test(before)) found.push({ kind: 'mac', value: match[0], aliases: macForms(match[0]) });
    }
  }
  for (const match of text.matchAll(IPV6_CANDIDATE)) {
    const candidate = match[0];
    if ((candidate.includes('::') || candidate.split(':').length === 8) && isIPv6(candidate) && !isTrivialAddress(candidate)) found.push({ kind: 'ip', value: candidate });
  }
  if (!/version$/i.test(field ?? '')) {
    for (const match of text.matchAll(IPV4)) {
      if (isIPv4(match[0]) && !isTrivialAddress(match[0])) found.push({ kind: 'ip', value: match[0] });
      const plain = unpaddedIpv4(match[0]);
      if (plain && !isTrivialAddress(plain)) found.push({ kind: 'ip', value: match[0], aliases: [plain] });
    }
  }
  for (const match of text.matchAll(DOMAIN_SID)) found.push({ kind: 'sid', value: match[0] });
  for (const match of text.matchAll(DC_RUN)) {
    const labels = [...match[0].matchAll(/DC=([A-Za-z0-9-]{1,63})/gi)].map((part) => part[1] ?? '');
    // Public names ("DC=microsoft, DC=com" in Microsoft's own old root) are not personal.
    if (isPublicHost(labels.join('.'))) continue;
    // A lone DC= component is a label too ("DC=fabrikam").
    for (const label of labels.length === 1 ? labels : personalDomainLabels(labels)) found.push({ kind: 'domain', value: label });
  }
  for (const match of REGISTRY_FIELDS.test(field ?? '') ? [] : text.matchAll(ACCOUNT)) {
    const prefix = match[1] ?? '';
    const account = (match[2] ?? '').replace(/\$$/, '');
    if (!isAccountAt(text, match.index ?? 0, prefix, account)) continue;
    found.push({ kind: 'domain', value: prefix });
    if (isPersonalAccountName(account)) found.push({ kind: 'user', value: account });
  }
  return found;
}

const isAlphanumeric = (char: string | undefined): boolean => char !== undefined && /[A-Za-z0-9]/.test(char);
const isHex = (char: string | undefined): boolean => char !== undefined && /[0-9A-Fa-f]/.test(char);
const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';

/** Is `word` an everyday word that names a machine or account only in clear positions? */
export function isCommonWord(word: string): boolean {
  return COMMON_WORDS.has(word.toLowerCase());
}

/**
 * Whether the known value found at text[start, end) is a whole token a reader would see as that value.
 * The rules per kind (what may stand before and after) used to be lookarounds of one large regular
 * expression; here they are checked per match, so matching stays linear in the text.
 */
export function acceptsMatch(kind: RedactionKind, value: string, text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  switch (kind) {
    case 'ip':
      if (value.includes(':')) return !(isHex(before) || before === ':') && !(isHex(after) || after === ':');
      return !(isDigit(before) || before === '.') && !isDigit(after) && !(after === '.' && isDigit(text[end + 1]));
    case 'mac':
      return !(isHex(before) || before === ':' || before === '-') && !isHex(after);
    case 'sid':
      return !isDigit(after) && !(after === '-' && isDigit(text[end + 1]));
    default: {
      // A machine called "SERVER" must not turn "Windows Server 2019" into "Windows HOST-1 2019": common
      // words are replaced only as a whole field, or where they name a machine or account
      // (\\SERVER\share, SERVER\user, SERVER$, SERVER.corp.example, user@SERVER).
      if (isCommonWord(value)) {
        if (start === 0 && end === text.length) return true;
        if (!isAlphanumeric(before) && (after === '$' || ((after === '.' || after === '\\') && (isAlphanumeric(text[end + 1]) || text[end + 1] === '$')))) return true;
        return (before === '\\' || before === '@') && !isAlphanumeric(after);
      }
      // Long names are replaced wherever they appear; short ones only as whole words, so "PC" in a sentence survives.
      return value.length >= 5 || (!isAlphanumeric(before) && !isAlphanumeric(after));
    }
  }
}
