// Replaces a machine's identifying values with stable placeholders (HOST-1, USER-1, DOMAIN-1, IP-1,
// MAC-1, SID-1, SUBJECT-1, MACHINE-1) everywhere in a snapshot, its diagnosis and journal, so a shared
// report still reads coherently. Matching is one linear pass per text (matcher.ts), and the number of
// learnt values is capped so a hostile snapshot cannot make redaction run for minutes.
import { ValueMatcher } from './matcher.js';
import { REDACTION_MESSAGES } from './messages.js';
import { findSensitiveValues, isPersonalAccountName, isPublicHost, personalDomainLabels, type RedactionKind } from './patterns.js';

export type { RedactionKind } from './patterns.js';

export interface RedactionReplacement {
  kind: RedactionKind;
  /** The value as first seen (other spellings differing only in case are replaced too). */
  original: string;
  placeholder: string;
}

const PLACEHOLDER_PREFIX: Record<RedactionKind, string> = { host: 'HOST', domain: 'DOMAIN', user: 'USER', ip: 'IP', mac: 'MAC', sid: 'SID', subject: 'SUBJECT', machineId: 'MACHINE' };
const PLACEHOLDER = /^(HOST|DOMAIN|USER|IP|MAC|SID|SUBJECT|MACHINE)-\d+$/;

/** Distinct values one report may learn. Real machines have a few dozen; thousands mean a hostile or
 * broken snapshot, and redacting it is refused rather than left to run. */
export const MAX_LEARNED_VALUES = 10_000;

/** More distinct values than MAX_LEARNED_VALUES: the material is not redacted (and nothing is written). */
export class RedactionLimitError extends Error {
  override name = 'RedactionLimitError';
  constructor(readonly limit: number) {
    super(REDACTION_MESSAGES.tooManyValues(limit));
  }
}

interface LearntValue extends RedactionReplacement {
  value: string;
}
const HOST_KEYS = /^(computer|computerName|hostName|hostname|machineName|dnsHostName|fqdn)$/i;
const DOMAIN_KEYS = /^(domain|domainName|workgroup)$/i;
const USER_KEYS = /^(user|userName|username|account|accountName|owner|registeredOwner)$/i;
const WELL_KNOWN_DOMAINS = new Set(['nt authority', 'nt service', 'builtin', 'workgroup', 'window manager', 'font driver host']);

export class Redactor {
  private readonly byKey = new Map<string, LearntValue>();
  private readonly counters = new Map<RedactionKind, number>();
  private matcher: ValueMatcher<LearntValue> | null = null;

  /** Learns the values to replace from any number of JSON-like values (snapshot first, for stable numbering). */
  static forValues(...values: unknown[]): Redactor {
    const redactor = new Redactor();
    for (const value of values) redactor.learnFrom(value);
    return redactor;
  }

  /** Registers one value (and other spellings of it, which share its placeholder); returns its placeholder. */
  add(kind: RedactionKind, original: string, aliases: readonly string[] = []): string {
    const trimmed = original.trim();
    const key = trimmed.toLowerCase();
    const known = this.byKey.get(key);
    const placeholder = known?.placeholder ?? this.remember(kind, trimmed, key, null);
    for (const alias of aliases) {
      const aliasKey = alias.trim().toLowerCase();
      if (aliasKey && !this.byKey.has(aliasKey)) this.remember(kind, alias.trim(), aliasKey, placeholder);
    }
    return placeholder;
  }

  private remember(kind: RedactionKind, original: string, key: string, placeholder: string | null): string {
    if (this.byKey.size >= MAX_LEARNED_VALUES) throw new RedactionLimitError(MAX_LEARNED_VALUES);
    let assigned = placeholder;
    if (assigned === null) {
      const next = (this.counters.get(kind) ?? 0) + 1;
      this.counters.set(kind, next);
      assigned = `${PLACEHOLDER_PREFIX[kind]}-${next}`;
    }
    this.byKey.set(key, { kind, original, placeholder: assigned, value: original });
    this.matcher = null;
    return assigned;
  }

  replacements(): RedactionReplacement[] {
    return [...this.byKey.values()].map(({ kind, original, placeholder }) => ({ kind, original, placeholder }));
  }

  learnFrom(value: unknown): void {
    const snapshotHost = readHost(value);
    if (snapshotHost?.computerName) this.addName('host', snapshotHost.computerName);
    if (snapshotHost?.domain) this.addDomain(snapshotHost.domain);
    if (snapshotHost?.machineId) this.add('machineId', snapshotHost.machineId);
    for (const name of certificateNames(value)) {
      if (name.kind === 'domain') this.addDomain(name.value);
      else this.add(name.kind, name.value);
    }
    this.walk(value, null);
  }

  private addName(kind: RedactionKind, value: string): void {
    const trimmed = value.trim();
    if (trimmed.length === 0 || /^(localhost|null|unknown|-)$/i.test(trimmed) || PLACEHOLDER.test(trimmed)) return;
    if (kind === 'user' && !isPersonalAccountName(trimmed)) return;
    this.add(kind, trimmed);
    // "wsus01.corp.example" also appears as plain "wsus01".
    const shortName = trimmed.split('.')[0] ?? '';
    if (kind === 'host' && shortName !== trimmed && shortName.length >= 2 && !/^\d+$/.test(shortName)) this.add('host', shortName);
  }

  /** A domain, and each label of a DNS domain that names the organisation ("ad", "example-corp" of
   * ad.example-corp.org), since they also appear alone: DC=ad, DC=example-corp, EXAMPLE-CORP\user. */
  private addDomain(domain: string): void {
    const trimmed = domain.trim();
    if (trimmed.length === 0 || WELL_KNOWN_DOMAINS.has(trimmed.toLowerCase()) || PLACEHOLDER.test(trimmed)) return;
    this.add('domain', trimmed);
    if (trimmed.includes('.')) for (const label of personalDomainLabels(trimmed.split('.'))) if (!WELL_KNOWN_DOMAINS.has(label.toLowerCase())) this.add('domain', label);
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
      else this.add(found.kind, found.value, found.aliases);
    }
  }

  private valueMatcher(): ValueMatcher<LearntValue> {
    this.matcher ??= new ValueMatcher([...this.byKey.values()]);
    return this.matcher;
  }

  /** The text with every known value replaced by its placeholder. */
  redactText(text: string): string {
    return this.valueMatcher().replace(text, (entry) => entry.placeholder);
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
    const leaks = new Map<string, RedactionReplacement>();
    for (const { entry } of this.valueMatcher().matches(text)) leaks.set(entry.placeholder, { kind: entry.kind, original: entry.original, placeholder: entry.placeholder });
    return [...leaks.values()];
  }

  /** How many times each known value occurs in a JSON-like value, and under which fields. */
  occurrences(value: unknown): Map<string, { count: number; fields: Set<string> }> {
    const result = new Map<string, { count: number; fields: Set<string> }>();
    const matcher = this.valueMatcher();
    const visit = (item: unknown, path: string): void => {
      if (typeof item === 'string') {
        for (const { entry: known } of matcher.matches(item)) {
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

function readHost(value: unknown): { computerName?: string; domain?: string | null; machineId?: string } | null {
  if (value === null || typeof value !== 'object' || !('host' in value)) return null;
  const host = (value as { host?: unknown }).host;
  if (host === null || typeof host !== 'object') return null;
  const { computerName, domain, machineId } = host as { computerName?: unknown; domain?: unknown; machineId?: unknown };
  return {
    computerName: typeof computerName === 'string' ? computerName : undefined,
    domain: typeof domain === 'string' ? domain : null,
    ...(typeof machineId === 'string' && machineId.trim() ? { machineId } : {}),
  };
}

/** Root stores carry the whole Root/AuthRoot list, enterprise CAs included: their subjects name the
 * organisation. Microsoft's own roots (what the diagnosis is about) keep their names. */
const VENDOR_NAMES = /\b(?:Microsoft|Trend Micro)\b/i;

/** The names in the subjects and issuers of a snapshot's non-Microsoft root and disallowed certificates:
 * the whole subject, its CN, O, OU and e-mail values (kind subject) and its DC= labels (kind domain). */
function certificateNames(value: unknown): { kind: RedactionKind; value: string }[] {
  if (value === null || typeof value !== 'object' || !('certificates' in value)) return [];
  const certificates = (value as { certificates?: unknown }).certificates;
  if (certificates === null || typeof certificates !== 'object') return [];
  const names: { kind: RedactionKind; value: string }[] = [];
  for (const list of Object.values(certificates as Record<string, unknown>)) {
    if (!Array.isArray(list)) continue;
    for (const certificate of list as unknown[]) {
      if (certificate === null || typeof certificate !== 'object') continue;
      for (const field of ['subject', 'issuer'] as const) {
        const name = (certificate as Record<string, unknown>)[field];
        if (typeof name !== 'string' || name.trim().length < 3 || /\bO=\s*"?Microsoft Corporation\b/i.test(name) || /^\s*CN=\s*Microsoft\b/i.test(name)) continue;
        names.push({ kind: 'subject', value: name });
        const labels: string[] = [];
        for (const part of name.matchAll(/(?:^|,)\s*(CN|O|OU|E|EMAILADDRESS|DC)\s*=\s*("(?:[^"]|"")*"|[^,]*)/gi)) {
          const text = (part[2] ?? '').replace(/^"|"$/g, '').trim();
          if ((part[1] ?? '').toUpperCase() === 'DC') labels.push(text);
          else if (text.length >= 3 && !VENDOR_NAMES.test(text) && !PLACEHOLDER.test(text) && !isPublicHost(text)) names.push({ kind: 'subject', value: text });
        }
        if (!isPublicHost(labels.join('.'))) for (const label of labels.length === 1 ? labels : personalDomainLabels(labels)) names.push({ kind: 'domain', value: label });
      }
    }
  }
  return names;
}
