// Pure parsers for the small built-in tools of the fallback: wmic qfe (installed updates), whoami
// /groups (elevation), curl -w %{http_code} (reachability of the root update source).

export interface WmicHotfix {
  id: string;
  installedOn: string | null;
  description: string | null;
}

/**
 * `wmic qfe get Description,HotFixID,InstalledOn` prints a fixed-width table (header names are WMI
 * property names, never localised; lines often end in "\r\r\n"). Columns are found from the header.
 */
export function parseWmicQfe(text: string): WmicHotfix[] {
  const lines = text
    .split(/\r*\n/)
    .map((line) => line.replace(/\r+$/, ''))
    .filter((line) => line.trim() !== '');
  const header = lines.shift();
  if (!header) return [];
  const columns = [...header.matchAll(/\S+/g)].map((match) => ({ name: match[0], start: match.index ?? 0 }));
  const column = (line: string, name: string): string | null => {
    const index = columns.findIndex((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (index < 0) return null;
    const start = columns[index]!.start;
    const end = columns[index + 1]?.start ?? line.length;
    const value = line.slice(start, end).trim();
    return value === '' ? null : value;
  };
  const hotfixes: WmicHotfix[] = [];
  for (const line of lines) {
    const id = column(line, 'HotFixID');
    if (!id || !/^KB\d{6,7}$/i.test(id)) continue;
    hotfixes.push({ id: id.toUpperCase(), installedOn: wmiInstalledOn(column(line, 'InstalledOn')), description: column(line, 'Description') });
  }
  return hotfixes;
}

/**
 * InstalledOn is text in the machine's short date format: M/D/YYYY (en-US), DD.MM.YYYY (de-DE),
 * YYYY/MM/DD (ja-JP), DD/MM/YYYY (en-GB …), sometimes a hex FILETIME; anything else gives null, and so
 * does a date before 1995 or after `now`. A slash date is read month-first unless its first number
 * cannot be a month (the fallback does not know the machine's culture; collect.ps1 does).
 */
export function wmiInstalledOn(value: string | null, now: Date = new Date()): string | null {
  if (!value) return null;
  const iso = (year: number, month: number, day: number): string | null => {
    if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1995) return null;
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() !== month - 1 || date.getTime() > now.getTime() + 86_400_000) return null;
    return date.toISOString().slice(0, 10);
  };
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (slash) {
    const [first, second, year] = [Number(slash[1]), Number(slash[2]), Number(slash[3])];
    return first > 12 ? iso(year, second, first) : iso(year, first, second);
  }
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (dotted) return iso(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const yearFirst = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value);
  if (yearFirst) return iso(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));
  if (/^[0-9a-f]{15,16}$/i.test(value)) {
    const filetime = BigInt(`0x${value}`);
    const ms = Number(filetime / 10_000n) - 11_644_473_600_000;
    const date = new Date(ms);
    if (!Number.isNaN(date.getTime()) && date.getUTCFullYear() > 1995 && date.getUTCFullYear() < 2100) return date.toISOString().slice(0, 10);
  }
  return null;
}

/**
 * `systeminfo /fo csv`: where WMIC is not installed (Windows 11 24H2, Server 2025 by default) the
 * hotfix list still comes from here, as "[01]: KB5034441" entries (no dates). Header names are
 * localised; the entries are not.
 */
export function parseSysteminfoHotfixes(text: string): WmicHotfix[] | null {
  if (!/"/.test(text)) return null;
  const ids = [...text.matchAll(/\[\d{2,3}\]:\s*(KB\d{6,7})\b/gi)].map((match) => match[1]!.toUpperCase());
  return [...new Set(ids)].map((id) => ({ id, installedOn: null, description: null }));
}

/**
 * `wmic os get LastBootUpTime /value`: "LastBootUpTime=20261122081401.500000+060" (a CIM_DATETIME in
 * local time with its UTC offset in minutes) as ISO 8601 UTC to the second; null when unreadable.
 */
export function parseWmicDateTime(text: string): string | null {
  const match = /=(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\.\d{6}([+-])(\d{3})/.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, sign, offset] = match;
  const local = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  const utc = local - (sign === '-' ? -1 : 1) * Number(offset) * 60_000;
  const date = new Date(utc);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `whoami /groups /fo csv /nh`: elevated when the token carries the High (or System) mandatory level. */
export function parseWhoamiElevated(text: string): boolean | null {
  if (!/S-1-16-\d+/.test(text)) return null;
  return /"S-1-16-(12288|16384)"/.test(text);
}

/** curl -w "%{http_code}": any HTTP answer means the source was reached; "000" means it was not. */
export function parseCurlReachable(stdout: string, exitCode: number | null): boolean {
  const code = Number.parseInt(stdout.trim().slice(-3), 10);
  return exitCode === 0 && code >= 100 && code < 600;
}
