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
  const lines = text.split(/\r*\n/).map((line) => line.replace(/\r+$/, '')).filter((line) => line.trim() !== '');
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

/** InstalledOn is "M/D/YYYY" on most systems, sometimes a hex FILETIME; anything else gives null. */
export function wmiInstalledOn(value: string | null): string | null {
  if (!value) return null;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (us) {
    const [month, day, year] = [Number(us[1]), Number(us[2]), Number(us[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return null;
  }
  if (/^[0-9a-f]{15,16}$/i.test(value)) {
    const filetime = BigInt(`0x${value}`);
    const ms = Number(filetime / 10_000n) - 11_644_473_600_000;
    const date = new Date(ms);
    if (!Number.isNaN(date.getTime()) && date.getUTCFullYear() > 1995 && date.getUTCFullYear() < 2100) return date.toISOString().slice(0, 10);
  }
  return null;
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
