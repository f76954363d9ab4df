// Pure parser for `reg query` output: keys with their values. Value types (REG_SZ…) and key paths are
// never localised; only "(Default)" and error texts are, and the parser does not depend on them.

export interface RegistryValue {
  name: string;
  type: string;
  /** As reg prints it: REG_DWORD as "0x1f9b", REG_MULTI_SZ items joined by "\0" (two characters). */
  data: string;
}

export interface RegistryKey {
  path: string;
  values: RegistryValue[];
}

const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z_]+(?:\([0-9]+\))?)(?: {4}(.*))?$/;

/** Parses reg query output (with or without /s) into keys in the order printed. */
export function parseRegQuery(text: string): RegistryKey[] {
  const keys: RegistryKey[] = [];
  let current: RegistryKey | null = null;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/\r$/, '');
    if (/^HKEY_[A-Z_]+(\\|$)/.test(line)) {
      current = { path: line.trimEnd(), values: [] };
      keys.push(current);
      continue;
    }
    const match = VALUE_LINE.exec(line);
    if (match && current) {
      current.values.push({ name: match[1] ?? '', type: match[2] ?? '', data: (match[3] ?? '').replace(/\s+$/, '') });
    }
  }
  return keys;
}

/** The value of one name in one key ("HKLM\\…" or "HKEY_LOCAL_MACHINE\\…"), case-insensitive. */
export function findRegistryValue(keys: readonly RegistryKey[], keyPath: string, name: string): RegistryValue | undefined {
  const wanted = normaliseKeyPath(keyPath);
  const key = keys.find((candidate) => normaliseKeyPath(candidate.path) === wanted);
  return key?.values.find((value) => value.name.toLowerCase() === name.toLowerCase());
}

export function normaliseKeyPath(path: string): string {
  return path
    .replace(/^HKLM\\/i, 'HKEY_LOCAL_MACHINE\\')
    .replace(/^HKCU\\/i, 'HKEY_CURRENT_USER\\')
    .replace(/\\+$/, '')
    .toLowerCase();
}

/** Subkeys printed under a key (reg query without /s lists them as full paths without values). */
export function subkeyNames(keys: readonly RegistryKey[], parentPath: string): string[] {
  const parent = normaliseKeyPath(parentPath);
  return keys
    .filter((key) => {
      const path = normaliseKeyPath(key.path);
      return path.startsWith(`${parent}\\`) && !path.slice(parent.length + 1).includes('\\');
    })
    .map((key) => key.path.slice(key.path.lastIndexOf('\\') + 1));
}

/** REG_DWORD / REG_QWORD data ("0x1f9b") as a number; null when not a number. */
export function registryNumber(value: RegistryValue | undefined): number | null {
  if (!value) return null;
  const parsed = /^0x([0-9a-f]+)$/i.exec(value.data.trim());
  if (parsed?.[1]) return Number.parseInt(parsed[1], 16);
  const decimal = /^\d+$/.exec(value.data.trim());
  return decimal ? Number.parseInt(decimal[0], 10) : null;
}

/** REG_MULTI_SZ data as its items. */
export function registryMultiString(value: RegistryValue | undefined): string[] {
  if (!value || value.data === '') return [];
  return value.data.split('\\0').filter((item) => item !== '');
}
