// Replaces a machine's identifying values with stable placeholders (HOST-1, USER-1, DOMAIN-1, IP-1,
// MAC-1, SID-1) everywhere in a snapshot, its diagnosis and journal, so a shared report still reads coherently.
import { findSensitiveValues, isPersonalAccountName, valuePattern, type RedactionKind } from './patterns.js';

export type { RedactionKind } from './patterns.js';

export interface RedactionReplacement {
  kind: RedactionKind;
  /** The value as first seen (other spellings differing only in case are replaced too). */
  original: string;
  placeholder: string;
}

const PLACEHOLDER_PREFIX: Record<RedactionKind, string> = { host: 'HOST', domain: 'DOMAIN', user: 'USER', ip: 'IP', mac: 'MAC', sid: 'SID' };
const HOST_KEYS = /^(computer|computerName|hostName|hostname|machineName|dnsHostName|fqdn)$/i;
const DOMAIN_KEYS = /^(domain|domainName|workgroup)$/i;
const USER_KEYS = /^(user|userName|username|account|accountName|owner|registeredOwner)$/i;
const WELL_KNOWN_DOMAINS = new Set(['nt authority', 'nt service', 'builtin', 'workgroup', 'window manager', 'font driver host']);

export class Redactor {
  private readonly byKey = new Map<string, RedactionReplacement>();
  private readonly counters = new Map<RedactionKind, number>();
  private matcher: RegExp | null = null;

  /** Learns the values to replace from any number of JSON-like values (snapshot first, for stable numbering). */
  static forValues(...values: unknown[]): Redactor {
    const redactor = new Redactor();
    for (const value of values) redactor.learnFrom(value);
    return redactor;
  }

  /** Registers one value; returns its placeholder. */
  add(kind: RedactionKind, original: string): string {
    const trimmed = original.trim();
    const key = trimmed.toLowerCase();
    const known = this.byKey.get(key);
    if (known) return known.placeholder;
    const next = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, next);
    const replacement = { kind, original: trimmed, placeholder: `${PLACEHOLDER_PREFIX[kind]}-${next}` };
    this.byKey.set(key, replacement);
    this.matcher = null;
    return replacement.placeholder;
  }

  replacements(): RedactionReplacement[] {
    return [...this.byKey.values()];
  }

  learnFrom(value: unknown): void {
    const snapshotHost = readHost(value);
    if (snapshotHost?.computerName) this.addName('host', snapshotHost.computerName);
    if (snapshotHost?.domain) this.addDomain(snapshotHost.domain);
    this.walk(value, null);
  }

  private addName(kind: RedactionKind, value: string): void {
    const trimmed = value.trim();
    if (trimmed.length === 0 || /^(localhost|null|unknown|-)$/i.test(trimmed) || /^(HOST|DOMAIN|USER|IP|MAC|SID)-\d+$/.test(trimmed)) return;
    if (kind === 'user' && !isPersonalAccountName(trimmed)) return;
    this.add(kind, trimmed);
    // "wsus01.corp.example" also appears as plain "wsus01".
    const shortName = trimmed.split('.')[0] ?? '';
    if (kind === 'host' && shortName !== trimmed && shortName.length >= 2 && !/^\d+$/.test(shortName)) this.add('host', shortName);
  }

  private addDomain(domain: string): void {
    const trimmed = domain.trim();
    if (trimmed.length === 0 || WELL_KNOWN_DOMAINS.has(trimmed.toLowerCase())) return;
    this.add('domain', trimmed);
  }

  private walk(value: unknown, field: string | null): void {
    if (typeof value === 'string') {
      this.learnFromText(value, field);
      if (field !== null && HOST_KEYS.test(field)) this.addName('host', value);
      else if (field !== null && DOMAIN_KEYS.test(field)) this.addDomain(value);
      else if (field !== null && USER_KEYS.test(field)) this.learnAccount(value);
    } else if (Array.isArray(value)) {
      for (const item of value) this.walk(item, field);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) this.walk(item, key);
    }
  }

  /** "CORP\jsmith", "jsmith@corp.example", or a bare "jsmith". */
  private learnAccount(value: string): void {
    const backslash = value.lastIndexOf('\\');
    if (backslash > 0) {
      this.addDomain(value.slice(0, backslash));
      this.addName('user', value.slice(backslash + 1));
    } else if (!value.includes('@')) {
      this.addName('user', value);
    }
  }

  private learnFromText(text: string, field: string | null): void {
    for (const found of findSensitiveValues(text, field)) {
      if (found.kind === 'user' || found.kind === 'host') this.addName(found.kind, found.value);
      else if (found.kind === 'domain') this.addDomain(found.value);
      else this.add(found.kind, found.value);
    }
    // "DOMAIN\user" where DOMAIN is a known domain, its first label (the NetBIOS name) or this computer.
    for (const match of text.matchAll(/(?<![\w\\])([A-Za-z0-9][\w.-]{0,62})\\([A-Za-z0-9][\w.$-]{0,63})(?![\w\\])/g)) {
      const prefix = (match[1] ?? '').toLowerCase();
      const knownPrefix = [...this.byKey.values()].some((known) => (known.kind === 'domain' || known.kind === 'host') && netbiosCandidates(known.original).includes(prefix));
      if (!knownPrefix) continue;
      this.addDomain(match[1] ?? '');
      const account = (match[2] ?? '').replace(/\$$/, '');
      this.addName('user', account);
    }
  }

  private regex(): RegExp | null {
    if (this.matcher) return this.matcher;
    const replacements = this.replacements().sort((a, b) => b.original.length - a.original.length);
    if (replacements.length === 0) return null;
    this.matcher = new RegExp(replacements.map((entry) => `(?:${valuePattern(entry.kind, entry.original)})`).join('|'), 'gi');
    return this.matcher;
  }

  /** The text with every known value replaced by its placeholder. */
  redactText(text: string): string {
    const regex = this.regex();
    if (!regex) return text;
    return text.replace(regex, (match) => this.byKey.get(match.toLowerCase())?.placeholder ?? match);
  }

  /** A deep copy of a JSON-like value with every string redacted. */
  redactValue<T>(value: T): T {
    return this.copy(value) as T;
  }

  private copy(value: unknown): unknown {
    if (typeof value === 'string') return this.redactText(value);
    if (Array.isArray(value)) return value.map((item) => this.copy(item));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.copy(item)]));
    }
    return value;
  }

  /** Each place a known value still appears in the text: used as a last check on exported files. */
  findLeaks(text: string): RedactionReplacement[] {
    const regex = this.regex();
    if (!regex) return [];
    const leaks = new Map<string, RedactionReplacement>();
    for (const match of text.matchAll(regex)) {
      const known = this.byKey.get(match[0].toLowerCase());
      if (known) leaks.set(known.placeholder, known);
    }
    return [...leaks.values()];
  }

  /** How many times each known value occurs in a JSON-like value, and under which fields. */
  occurrences(value: unknown): Map<string, { count: number; fields: Set<string> }> {
    const result = new Map<string, { count: number; fields: Set<string> }>();
    const regex = this.regex();
    if (!regex) return result;
    const visit = (item: unknown, path: string): void => {
      if (typeof item === 'string') {
        for (const match of item.matchAll(regex)) {
          const known = this.byKey.get(match[0].toLowerCase());
          if (!known) continue;
          const entry = result.get(known.placeholder) ?? { count: 0, fields: new Set<string>() };
          entry.count += 1;
          entry.fields.add(path === '' ? '(value)' : path);
          result.set(known.placeholder, entry);
        }
      } else if (Array.isArray(item)) {
        item.forEach((child) => visit(child, `${path}[]`));
      } else if (item !== null && typeof item === 'object') {
        for (const [key, child] of Object.entries(item)) visit(child, path === '' ? key : `${path}.${key}`);
      }
    };
    visit(value, '');
    return result;
  }
}

function readHost(value: unknown): { computerName?: string; domain?: string | null } | null {
  if (value === null || typeof value !== 'object' || !('host' in value)) return null;
  const host = (value as { host?: unknown }).host;
  if (host === null || typeof host !== 'object') return null;
  const { computerName, domain } = host as { computerName?: unknown; domain?: unknown };
  return { computerName: typeof computerName === 'string' ? computerName : undefined, domain: typeof domain === 'string' ? domain : null };
}

/** "corp.contoso.example" → the full name and the labels a NetBIOS domain name is usually one of. */
function netbiosCandidates(name: string): string[] {
  const labels = name.toLowerCase().split('.');
  return [name.toLowerCase(), ...labels.slice(0, Math.max(1, labels.length - 1)).filter((label) => label.length >= 2)];
}
