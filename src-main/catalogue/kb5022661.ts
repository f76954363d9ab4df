// The KB5022661 table as data: for each Windows version, what it needs to trust ACS-signed binaries.
// Researched values and their sources: docs/reference/kb5022661.json and ACS-FACTS.md §1.
import {
  SERVER_2008_LATER_ROLLUPS,
  SERVER_2012_LATER_ROLLUPS,
  SERVER_2012_OUT_OF_BAND_ROLLUPS,
  WINDOWS_7_2008R2_LATER_ROLLUPS,
  WINDOWS_81_2012R2_LATER_ROLLUPS,
  WINDOWS_81_2012R2_OUT_OF_BAND_ROLLUPS,
  type DatedKb,
} from './later-rollups.js';

/** The newest research the table rests on. */
export const CATALOGUE_DATE = '2026-11-24';

export interface CatalogueSource {
  title: string;
  url: string;
}

export const MICROSOFT_KB5022661: CatalogueSource = {
  title: 'Microsoft KB5022661: Windows support for the Trusted Signing (formerly Azure Code Signing) program',
  url: 'https://support.microsoft.com/en-us/topic/kb5022661-windows-support-for-the-trusted-signing-formerly-azure-code-signing-program-4b505a31-fa1e-4ea6-85dd-6630229e8ef4',
};
export const TREND_KA_0013628: CatalogueSource = {
  title: 'Trend Micro KA-0013628: minimum Windows version requirements for agent binaries after mid-February 2023',
  url: 'https://success.trendmicro.com/en-us/solution/ka-0013628',
};
export const MICROSOFT_UPDATE_CATALOG: CatalogueSource = {
  title: 'Microsoft Update Catalog',
  url: 'https://www.catalog.update.microsoft.com/',
};

export type WindowsFamily = 'windows-11' | 'windows-10' | 'windows-server' | 'windows-8.1' | 'windows-8' | 'windows-7' | 'windows-vista' | 'windows-xp' | 'windows-server-legacy';

interface RequirementBase {
  /** Stable key, e.g. "win10-21h2", "server-2019". */
  key: string;
  /** The name people know. */
  name: string;
  family: WindowsFamily;
  sources: readonly CatalogueSource[];
}

/** Trusts ACS binaries out of the box. */
export interface NativeRequirement extends RequirementBase {
  rule: 'native';
  note: string;
}

/** Windows 10 / Server 2016 and later: cumulative updates, compare build.UBR. */
export interface CumulativeRequirement extends RequirementBase {
  rule: 'cumulative';
  build: number;
  /** Lowest UBR that supports ACS according to Microsoft. */
  minimumUbr: number;
  /** The KB Microsoft names ("or a later update"). */
  requiredKb: string;
  releaseDate: string;
  /** KBs known to bring the build to the minimum or beyond (the named one, the next Patch Tuesday…). */
  knownQualifyingKbs: readonly string[];
  /** A vendor rule stricter than Microsoft's; it wins. */
  stricter?: { minimumUbr: number; requiredKb: string; releaseDate: string; by: string; note: string };
  note?: string;
}

/** Windows 7 / 8.1 / 2008 / 2012 / 2012 R2: installed KB list, monthly rollup or October 2021 security-only. */
export interface RollupRequirement extends RequirementBase {
  rule: 'rollup';
  /** The October 2021 Monthly Rollup. */
  monthlyRollup: string;
  /** The October 2021 Security-only update: counts only itself, later security-only updates do not. */
  securityOnly: string;
  releaseDate: string;
  laterRollups: readonly DatedKb[];
  /** Out-of-band releases that are cumulative rollups too (count like the monthly ones). */
  outOfBandRollups?: readonly DatedKb[];
  /** The last Patch Tuesday this branch receives rollups (end of ESU). A rollup newer than the list
   * can exist only while this date is after the list's newest entry. */
  servicingEnds: string;
  /** What must be in place before the rollup installs (ESU, SHA-2, servicing stack). */
  prerequisites: readonly string[];
  /** Rollups after `until` need what this machine may not have (an ESU licence; a server edition):
   * the plan then points at the newest rollup up to that date as well. */
  limit?: { until: string; who: string; why: string };
}

/** No update makes this version trust ACS binaries: Windows must be upgraded. */
export interface UnsupportedRequirement extends RequirementBase {
  rule: 'none';
  advice: string;
  /** Why no update helps, when it is not "Microsoft released none for this version" (an edition
   * whose servicing ended before the update came out). */
  why?: string;
  /** Set when `why` is an edition's servicing end (windows-versions.ts): the facts behind it, for the
   * diagnosis's message parameters (src-main/diagnosis/rules/requirement-text.ts). */
  edition?: { baseName: string; label: string; ended: string; requiredKb: string; releaseDate: string };
}

export type UpdateRequirement = NativeRequirement | CumulativeRequirement | RollupRequirement | UnsupportedRequirement;

const MS = [MICROSOFT_KB5022661, TREND_KA_0013628] as const;

// Prerequisites (round 2): Microsoft names the servicing stack update of October 2021 or later for
// these rollups — KB5006749 (7 / 2008 R2 SP1), KB5006750 (2008 SP2) — not the March 2019 KB4490628
// (Microsoft Learn "Free Extended Security Updates (ESU) through Azure Stack HCI"; ACS-FACTS second
// audit C). ESU licensing preparation packages: KB4538483 (7 / 2008 R2), KB4538484 (2008 SP2: a
// public ESU prerequisite script; the reference names no number).
const WIN7_PREREQUISITES = [
  'An active Extended Security Updates (ESU) subscription, with the ESU licensing preparation package KB4538483',
  'SHA-2 code signing support (KB4474419)',
  'The servicing stack update of October 2021 or later (KB5006749)',
];
const SERVER_2008_PREREQUISITES = [
  'An active Extended Security Updates (ESU) subscription, with the ESU licensing preparation package for Server 2008 SP2 (KB4538484)',
  'SHA-2 code signing support (KB4474419)',
  'The servicing stack update of October 2021 or later (KB5006750)',
];
/** Server 2012 / 2012 R2: rollups after October 2023 are Extended Security Updates (KB5031043; SSUs
 * KB5029368 for 2012 R2, KB5029369 for 2012: Microsoft Learn, same page; ACS-FACTS second audit C). */
const esu2012 = (ssu: string) => ({
  until: '2023-10-10',
  who: 'without an Extended Security Updates (ESU) subscription',
  why: `rollups after October 2023 are Extended Security Updates: they need an ESU licence (KB5031043) and the servicing stack update of August 2023 (${ssu}) or later`,
});

function cumulative(
  key: string,
  name: string,
  family: WindowsFamily,
  build: number,
  minimumUbr: number,
  requiredKb: string,
  releaseDate: string,
  knownQualifyingKbs: readonly string[],
  extra: Partial<CumulativeRequirement> = {},
): CumulativeRequirement {
  return { key, name, family, rule: 'cumulative', build, minimumUbr, requiredKb, releaseDate, knownQualifyingKbs, sources: MS, ...extra };
}

function unsupported(key: string, name: string, family: WindowsFamily, advice: string): UnsupportedRequirement {
  return { key, name, family, rule: 'none', advice, sources: MS };
}

const UPGRADE_CLIENT = 'Upgrade to Windows 11, or to Windows 10 version 22H2 with current updates.';
const UPGRADE_SERVER = 'Upgrade to a supported Windows Server (2016 or later) and install current updates.';

export const REQUIREMENTS = {
  win11: { key: 'win11', name: 'Windows 11', family: 'windows-11', rule: 'native', sources: MS, note: 'Windows 11 supports ACS natively (every version since 21H2).' },
  win10_22h2: {
    key: 'win10-22h2',
    name: 'Windows 10, version 22H2',
    family: 'windows-10',
    rule: 'native',
    sources: MS,
    note: 'Trend Micro states Windows 10 22H2 supports ACS by default; every 22H2 build (19045) is newer than the 2021 fixes.',
  },
  server_23h2: {
    key: 'server-23h2',
    name: 'Windows Server, version 23H2',
    family: 'windows-server',
    rule: 'native',
    sources: MS,
    note: 'Built after Windows 11 21H2 brought native ACS support (not listed by Microsoft or Trend: inferred).',
  },
  server_2025: {
    key: 'server-2025',
    name: 'Windows Server 2025',
    family: 'windows-server',
    rule: 'native',
    sources: MS,
    note: 'Built after Windows 11 21H2 brought native ACS support (not listed by Microsoft or Trend: inferred).',
  },

  server_2022: cumulative('server-2022', 'Windows Server 2022', 'windows-server', 20348, 261, 'KB5005619', '2021-09-27', ['KB5005619', 'KB5006699']),
  win10_21h2: cumulative('win10-21h2', 'Windows 10, version 21H2', 'windows-10', 19044, 1266, 'KB5005611', '2021-09-30', ['KB5005611', 'KB5006670', 'KB5011487'], {
    note: 'Microsoft lists no separate 21H2 row; 21H2 shares the 2004/20H2/21H1 code base, whose fix level is .1266.',
    stricter: {
      minimumUbr: 1586,
      requiredKb: 'KB5011487',
      releaseDate: '2022-03-08',
      by: 'Trend Micro KA-0013628',
      note: 'Trend Micro asks Windows 10 21H2 for KB5011487 (build 19044.1586) or later, stricter than Microsoft’s table; the stricter rule applies.',
    },
  }),
  win10_21h1: cumulative('win10-21h1', 'Windows 10, version 21H1', 'windows-10', 19043, 1266, 'KB5005611', '2021-09-30', ['KB5005611', 'KB5006670']),
  win10_20h2: cumulative('win10-20h2', 'Windows 10, version 20H2', 'windows-10', 19042, 1266, 'KB5005611', '2021-09-30', ['KB5005611', 'KB5006670']),
  win10_2004: cumulative('win10-2004', 'Windows 10, version 2004', 'windows-10', 19041, 1266, 'KB5005611', '2021-09-30', ['KB5005611', 'KB5006670']),
  win10_1909: cumulative('win10-1909', 'Windows 10, version 1909', 'windows-10', 18363, 1830, 'KB5005624', '2021-09-21', ['KB5005624', 'KB5006667']),
  win10_1809: cumulative('win10-1809', 'Windows 10, version 1809', 'windows-10', 17763, 2210, 'KB5005625', '2021-09-21', ['KB5005625', 'KB5006672']),
  server_2019: cumulative('server-2019', 'Windows Server 2019', 'windows-server', 17763, 2210, 'KB5005625', '2021-09-21', ['KB5005625', 'KB5006672']),
  // Semi-Annual Channel: servicing ended 2021-05-11 (INFERENCE, ACS-FACTS second audit B), before KB5005624.
  server_1909: {
    ...unsupported('server-1909', 'Windows Server, version 1909', 'windows-server', UPGRADE_SERVER),
    why: 'Windows Server, version 1909 (Semi-Annual Channel) got its last update on 11 May 2021, before Microsoft released the ACS update for version 1909 (KB5005624, September 2021), so no update for it exists.',
  },
  server_2004: cumulative('server-2004', 'Windows Server, version 2004', 'windows-server', 19041, 1266, 'KB5005611', '2021-09-30', ['KB5005611', 'KB5006670']),
  server_20h2: cumulative('server-20h2', 'Windows Server, version 20H2', 'windows-server', 19042, 1266, 'KB5005611', '2021-09-30', ['KB5005611', 'KB5006670']),
  server_2016: cumulative('server-2016', 'Windows Server 2016', 'windows-server', 14393, 4704, 'KB5006669', '2021-10-12', ['KB5006669']),
  win10_1607: cumulative('win10-1607', 'Windows 10, version 1607 (LTSB 2016)', 'windows-10', 14393, 4704, 'KB5006669', '2021-10-12', ['KB5006669']),
  win10_1507: cumulative('win10-1507', 'Windows 10, version 1507 (LTSB 2015)', 'windows-10', 10240, 19086, 'KB5006675', '2021-10-12', ['KB5006675']),

  // Servicing ends: 8.1 2023-01-10; 2012 / 2012 R2 ESU 2026-10-13; 7 / 2008 / 2008 R2 last releases 2026-01-13.
  win81: {
    ...rollup('win81', 'Windows 8.1', 'windows-8.1', 'KB5006714', 'KB5006729', WINDOWS_81_2012R2_LATER_ROLLUPS, '2023-01-10', []),
    limit: { until: '2023-01-10', who: 'on Windows 8.1', why: 'later rollups are for Windows Server 2012 R2 with ESU only' },
    outOfBandRollups: WINDOWS_81_2012R2_OUT_OF_BAND_ROLLUPS,
  },
  server_2012r2: {
    ...rollup('server-2012r2', 'Windows Server 2012 R2', 'windows-server', 'KB5006714', 'KB5006729', WINDOWS_81_2012R2_LATER_ROLLUPS, '2026-10-13', []),
    limit: esu2012('KB5029368'),
    outOfBandRollups: WINDOWS_81_2012R2_OUT_OF_BAND_ROLLUPS,
  },
  server_2012: {
    ...rollup('server-2012', 'Windows Server 2012', 'windows-server', 'KB5006739', 'KB5006732', SERVER_2012_LATER_ROLLUPS, '2026-10-13', []),
    limit: esu2012('KB5029369'),
    outOfBandRollups: SERVER_2012_OUT_OF_BAND_ROLLUPS,
  },
  // Windows 7 ESU ended 2023-01-10 (its last rollup KB5022338); the later ones are Server 2008 R2's.
  win7_sp1: {
    ...rollup('win7-sp1', 'Windows 7 SP1', 'windows-7', 'KB5006743', 'KB5006728', WINDOWS_7_2008R2_LATER_ROLLUPS, '2023-01-10', WIN7_PREREQUISITES),
    limit: { until: '2023-01-10', who: 'on Windows 7', why: 'later rollups are for Windows Server 2008 R2 only' },
  },
  server_2008r2_sp1: rollup('server-2008r2-sp1', 'Windows Server 2008 R2 SP1', 'windows-server', 'KB5006743', 'KB5006728', WINDOWS_7_2008R2_LATER_ROLLUPS, '2026-01-13', WIN7_PREREQUISITES),
  server_2008_sp2: rollup('server-2008-sp2', 'Windows Server 2008 SP2', 'windows-server', 'KB5006736', 'KB5006715', SERVER_2008_LATER_ROLLUPS, '2026-01-13', SERVER_2008_PREREQUISITES),

  win10_1511: unsupported('win10-1511', 'Windows 10, version 1511', 'windows-10', UPGRADE_CLIENT),
  win10_1703: unsupported('win10-1703', 'Windows 10, version 1703', 'windows-10', UPGRADE_CLIENT),
  win10_1709: unsupported('win10-1709', 'Windows 10, version 1709', 'windows-10', UPGRADE_CLIENT),
  win10_1803: unsupported('win10-1803', 'Windows 10, version 1803', 'windows-10', UPGRADE_CLIENT),
  win10_1903: unsupported('win10-1903', 'Windows 10, version 1903', 'windows-10', UPGRADE_CLIENT),
  server_1709: unsupported('server-1709', 'Windows Server, version 1709', 'windows-server', UPGRADE_SERVER),
  server_1803: unsupported('server-1803', 'Windows Server, version 1803', 'windows-server', UPGRADE_SERVER),
  server_1903: unsupported('server-1903', 'Windows Server, version 1903', 'windows-server', UPGRADE_SERVER),
  win8: unsupported('win8', 'Windows 8', 'windows-8', 'Windows 8 received no ACS update. Upgrade to Windows 8.1 with current rollups, or better to Windows 10 22H2 / Windows 11.'),
  win7_rtm: unsupported(
    'win7-rtm',
    'Windows 7 (without Service Pack 1)',
    'windows-7',
    'Windows 7 needs Service Pack 1 and ESU updates before it can trust ACS binaries; upgrading to Windows 10 22H2 or Windows 11 is the lasting fix.',
  ),
  server_2008r2_rtm: unsupported(
    'server-2008r2-rtm',
    'Windows Server 2008 R2 (without Service Pack 1)',
    'windows-server',
    'Windows Server 2008 R2 needs Service Pack 1 and ESU updates before it can trust ACS binaries; upgrading to a supported Windows Server is the lasting fix.',
  ),
  server_2008_rtm: unsupported('server-2008-rtm', 'Windows Server 2008 (without Service Pack 2)', 'windows-server', UPGRADE_SERVER),
  vista: unsupported('vista', 'Windows Vista', 'windows-vista', UPGRADE_CLIENT),
  xp: unsupported('xp', 'Windows XP', 'windows-xp', UPGRADE_CLIENT),
  server_2003: unsupported('server-2003', 'Windows Server 2003', 'windows-server-legacy', UPGRADE_SERVER),
  server_2000: unsupported('server-2000', 'Windows 2000', 'windows-server-legacy', UPGRADE_SERVER),
} satisfies Record<string, UpdateRequirement>;

function rollup(
  key: string,
  name: string,
  family: WindowsFamily,
  monthlyRollup: string,
  securityOnly: string,
  laterRollups: readonly DatedKb[],
  servicingEnds: string,
  prerequisites: readonly string[],
): RollupRequirement {
  return { key, name, family, rule: 'rollup', monthlyRollup, securityOnly, releaseDate: '2021-10-12', laterRollups, servicingEnds, prerequisites, sources: MS };
}

/** Every KB that satisfies a rollup requirement: October 2021 rollup, later rollups, October 2021 security-only. */
export function acceptedRollupKbs(requirement: RollupRequirement): string[] {
  return [requirement.monthlyRollup, ...requirement.laterRollups.map((entry) => entry.kb), ...(requirement.outOfBandRollups ?? []).map((entry) => entry.kb), requirement.securityOnly];
}

/** The newest monthly rollup the catalogue knows for a branch (to tell a newer, unknown rollup apart). */
export function newestKnownRollup(requirement: RollupRequirement): DatedKb {
  return requirement.laterRollups.at(-1) ?? { kb: requirement.monthlyRollup, date: requirement.releaseDate };
}

/** The newest rollup the catalogue knows up to a requirement's limit (e.g. the last one without ESU). */
export function newestRollupWithinLimit(requirement: RollupRequirement): DatedKb | null {
  if (!requirement.limit) return null;
  const until = requirement.limit.until;
  return [...requirement.laterRollups].reverse().find((entry) => entry.date <= until) ?? null;
}
