// Small pure helpers shared by the diagnosis rules.

/** The number of a KB id ("KB5006743" -> 5006743); 0 when it is not one. */
export function kbNumber(id: string): number {
  const match = /^KB(\d+)$/i.exec(id.trim());
  return match ? Number(match[1]) : 0;
}

/** Whole days from date a to date b (YYYY-MM-DD or ISO strings); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  const from = Date.parse(a.slice(0, 10));
  const to = Date.parse(b.slice(0, 10));
  if (Number.isNaN(from) || Number.isNaN(to)) return 0;
  return Math.round((to - from) / 86_400_000);
}

/** A service's executable path from its ImagePath (quotes and arguments removed). */
export function executableFromImagePath(imagePath: string): string {
  const trimmed = imagePath.trim();
  if (trimmed.startsWith('"')) {
    const end = trimmed.indexOf('"', 1);
    return end > 0 ? trimmed.slice(1, end) : trimmed.slice(1);
  }
  const exe = /^(.*?\.(exe|dll|sys))(\s|$)/i.exec(trimmed);
  return exe?.[1] ?? trimmed;
}

/** The file name of a Windows or device path ("\\Device\\HarddiskVolume2\\x\\NTRtScan.exe" -> "ntrtscan.exe"). */
export function windowsBaseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return (parts.at(-1) ?? path).toLowerCase();
}

/** A Windows path without drive letter or \\Device\\HarddiskVolumeN prefix, lower case, for comparisons. */
export function comparablePath(path: string): string {
  return path
    .trim()
    .replace(/^"|"$/g, '')
    .replace(/^\\\\\?\\/, '')
    .replace(/^\\Device\\HarddiskVolume\d+/i, '')
    .replace(/^[a-z]:/i, '')
    .replace(/\//g, '\\')
    .toLowerCase();
}
