// Cumulative updates this program knows by KB number and the build.UBR they bring, per Windows 10 /
// Server servicing branch, and how Component Based Servicing names and marks a pending one.
// Sources: docs/reference/ACS-FACTS.md §1.2 (the KB5022661 minimum and the first Patch Tuesday
// update after it, from Microsoft's KB titles and the TSSV2 script) and §8 (DataForGeeks
// buildnumbers.json; KB5087545 confirmed on Microsoft's release page). A KB listed here is evidence
// that an installed-but-not-yet-effective update is this branch's cumulative update; an unknown KB
// number is not (a Secure Boot DBX or .NET update has a high KB number too).
import { VULS_CUMULATIVE_UPDATES } from './cumulative-updates-data.js';

export interface KnownCumulativeUpdate {
  kb: string;
  /** The UBR of the build the update brings, e.g. 1586 for 19044.1586. */
  ubr: number;
  /** Release date, YYYY-MM-DD, where the source gives one. */
  date?: string;
}

/** Known cumulative updates per build (19041–19045 share one list: they share their updates). */
const BY_BUILD: Readonly<Record<number, readonly KnownCumulativeUpdate[]>> = {
  20348: [
    { kb: 'KB5005619', ubr: 261, date: '2021-09-27' },
    { kb: 'KB5006699', ubr: 288, date: '2021-10-12' },
    { kb: 'KB5071547', ubr: 4529, date: '2025-12-09' },
    { kb: 'KB5087545', ubr: 5139, date: '2026-05-12' },
    { kb: 'KB5120242', ubr: 5499, date: '2026-08-11' },
  ],
  19041: [
    { kb: 'KB5005611', ubr: 1266, date: '2021-09-30' },
    { kb: 'KB5006670', ubr: 1288, date: '2021-10-12' },
    { kb: 'KB5011487', ubr: 1586, date: '2022-03-08' },
    { kb: 'KB5071546', ubr: 6691, date: '2025-12-09' },
    { kb: 'KB5120249', ubr: 7663, date: '2026-08-11' },
  ],
  18363: [
    { kb: 'KB5005624', ubr: 1830, date: '2021-09-21' },
    { kb: 'KB5006667', ubr: 1854, date: '2021-10-12' },
  ],
  17763: [
    { kb: 'KB5005625', ubr: 2210, date: '2021-09-21' },
    { kb: 'KB5006672', ubr: 2237, date: '2021-10-12' },
    { kb: 'KB5071544', ubr: 8146, date: '2025-12-09' },
    { kb: 'KB5120238', ubr: 9121, date: '2026-08-11' },
  ],
  14393: [
    { kb: 'KB5006669', ubr: 4704, date: '2021-10-12' },
    { kb: 'KB5071543', ubr: 8688, date: '2025-12-09' },
    { kb: 'KB5073722', ubr: 8783, date: '2026-01-13' },
    { kb: 'KB5120418', ubr: 9418, date: '2026-08-11' },
  ],
  10240: [
    { kb: 'KB5006675', ubr: 19086, date: '2021-10-12' },
    { kb: 'KB5066837', ubr: 21161, date: '2025-10-14' },
  ],
};

/**
 * Builds that receive the same cumulative updates, so a package named for one applies to the other:
 * Windows 10 2004–22H2 (19041–19045) are one code base switched by enablement packages, and their
 * RollupFix package carries 19041 (KB5011487's is "…~~19041.1586.1.7" on a 21H2 machine); 1909
 * (18363) is 1903 (18362) plus an enablement package (INFERENCE: same mechanism).
 */
const SHARED_SERVICING: readonly (readonly number[])[] = [
  [19041, 19042, 19043, 19044, 19045],
  [18362, 18363],
];

/** The builds whose packages apply to a machine on `build` (itself included). */
export function servicingBuilds(build: number): readonly number[] {
  return SHARED_SERVICING.find((group) => group.includes(build)) ?? [build];
}

/** The cumulative updates this program knows for a build's servicing branch: the researched list
 * above (with dates) and every one in vuls' copy of Microsoft's update history (cumulative-updates-data.ts). */
export function knownCumulativeUpdates(build: number): readonly KnownCumulativeUpdate[] {
  for (const candidate of servicingBuilds(build)) {
    const researched = BY_BUILD[candidate];
    if (!researched) continue;
    const byKb = new Map<string, KnownCumulativeUpdate>((VULS_CUMULATIVE_UPDATES[candidate] ?? []).map(([kb, ubr]) => [`KB${kb}`, { kb: `KB${kb}`, ubr }]));
    for (const update of researched) byKb.set(update.kb, update);
    return [...byKb.values()].sort((a, b) => a.ubr - b.ubr);
  }
  return [];
}

/**
 * Component Based Servicing package states (the CurrentState DWORD of a package key). The values are
 * those of the servicing stack's install-state enumeration as public servicing tools print them
 * (DISM shows "Install Pending", "Staged", "Installed", "Superseded"); no page in the reference
 * material lists them: INFERENCE, to be confirmed on a real machine.
 */
export const CBS_PACKAGE_STATES: Readonly<Record<number, string>> = {
  0: 'absent',
  5: 'uninstall pending',
  16: 'resolving',
  32: 'resolved',
  48: 'staging',
  64: 'staged',
  80: 'superseded',
  96: 'install pending',
  101: 'partially installed',
  112: 'installed',
  128: 'permanent',
};

/** Installed, waiting for the restart that makes it effective. */
export const CBS_INSTALL_PENDING = 96;
/** Installed (112) or permanent (128): effective now, or after the pending restart. */
export const CBS_INSTALLED_STATES: ReadonlySet<number> = new Set([112, 128]);

export interface RollupFixVersion {
  build: number;
  ubr: number;
  architecture: string;
}

/** Reads "Package_for_RollupFix~31bf3856ad364e35~amd64~~19041.1586.1.7" -> 19041.1586 (amd64); null otherwise. */
export function parseRollupFixPackage(name: string): RollupFixVersion | null {
  const match = /^Package_for_RollupFix~[0-9a-f]{16}~([a-z0-9]+)~[^~]*~(\d+)\.(\d+)(?:\.\d+)*$/i.exec(name.trim());
  if (!match) return null;
  return { architecture: match[1]!.toLowerCase(), build: Number(match[2]), ubr: Number(match[3]) };
}
