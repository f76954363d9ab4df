// Decides which Windows a snapshot describes, from the build number and installation type only:
// ProductName cannot be trusted (Windows 11 still calls itself "Windows 10" there), and some build
// numbers are shared by a client and a server release (9200, 14393, 17763, 7601, 6002…).
import type { WindowsOs } from '../snapshot/schema.js';
import { REQUIREMENTS, type UpdateRequirement } from './kb5022661.js';
import { editionServicing } from './lifecycle.js';

export type IdentifiedWindows = { ok: true; requirement: UpdateRequirement } | { ok: false; reason: string };

const CLIENT_BUILDS: ReadonlyMap<number, UpdateRequirement> = new Map<number, UpdateRequirement>([
  [2600, REQUIREMENTS.xp],
  [6000, REQUIREMENTS.vista],
  [6001, REQUIREMENTS.vista],
  [6002, REQUIREMENTS.vista],
  [6003, REQUIREMENTS.vista],
  [7600, REQUIREMENTS.win7_rtm],
  [7601, REQUIREMENTS.win7_sp1],
  [9200, REQUIREMENTS.win8],
  [9600, REQUIREMENTS.win81],
  [10240, REQUIREMENTS.win10_1507],
  [10586, REQUIREMENTS.win10_1511],
  [14393, REQUIREMENTS.win10_1607],
  [15063, REQUIREMENTS.win10_1703],
  [16299, REQUIREMENTS.win10_1709],
  [17134, REQUIREMENTS.win10_1803],
  [17763, REQUIREMENTS.win10_1809],
  [18362, REQUIREMENTS.win10_1903],
  [18363, REQUIREMENTS.win10_1909],
  [19041, REQUIREMENTS.win10_2004],
  [19042, REQUIREMENTS.win10_20h2],
  [19043, REQUIREMENTS.win10_21h1],
  [19044, REQUIREMENTS.win10_21h2],
  [19045, REQUIREMENTS.win10_22h2],
]);

const SERVER_BUILDS: ReadonlyMap<number, UpdateRequirement> = new Map<number, UpdateRequirement>([
  [2195, REQUIREMENTS.server_2000],
  [3790, REQUIREMENTS.server_2003],
  [6001, REQUIREMENTS.server_2008_rtm],
  [6002, REQUIREMENTS.server_2008_sp2],
  [6003, REQUIREMENTS.server_2008_sp2],
  [7600, REQUIREMENTS.server_2008r2_rtm],
  [7601, REQUIREMENTS.server_2008r2_sp1],
  [9200, REQUIREMENTS.server_2012],
  [9600, REQUIREMENTS.server_2012r2],
  [14393, REQUIREMENTS.server_2016],
  [16299, REQUIREMENTS.server_1709],
  [17134, REQUIREMENTS.server_1803],
  [17763, REQUIREMENTS.server_2019],
  [18362, REQUIREMENTS.server_1903],
  [18363, REQUIREMENTS.server_1909],
  [19041, REQUIREMENTS.server_2004],
  [19042, REQUIREMENTS.server_20h2],
  [20348, REQUIREMENTS.server_2022],
  [25398, REQUIREMENTS.server_23h2],
  [26100, REQUIREMENTS.server_2025],
]);

/** Windows 11 release names by build, for display (all share the native rule). */
const WINDOWS_11_RELEASES: ReadonlyMap<number, string> = new Map([
  [22000, '21H2'],
  [22621, '22H2'],
  [22631, '23H2'],
  [26100, '24H2'],
  [26200, '25H2'],
  [28000, '26H1'],
]);

export function identifyWindows(os: WindowsOs): IdentifiedWindows {
  const build = os.currentBuild;
  if (os.installationType === 'Client') {
    if (build >= 22000) {
      const release = WINDOWS_11_RELEASES.get(build) ?? os.displayVersion ?? null;
      const name = release ? `Windows 11, version ${release}` : `Windows 11 (build ${build})`;
      return { ok: true, requirement: { ...REQUIREMENTS.win11, name } };
    }
    const requirement = CLIENT_BUILDS.get(build);
    if (requirement) return { ok: true, requirement: withEdition(requirement, os) };
    if (build < 2600) return { ok: true, requirement: { ...REQUIREMENTS.xp, name: `Windows (build ${build}, older than XP)` } };
    return { ok: false, reason: `build ${build} is not a released Windows client version this program knows (an Insider or unusual build)` };
  }
  // Server and Server Core share build numbers.
  const requirement = SERVER_BUILDS.get(build);
  if (requirement) return { ok: true, requirement: withEdition(requirement, os) };
  if (build < 2195) return { ok: true, requirement: { ...REQUIREMENTS.server_2000, name: `Windows Server (build ${build})` } };
  if (build > 26100) {
    return { ok: true, requirement: { ...REQUIREMENTS.server_2025, key: 'server-newer', name: `Windows Server (build ${build})` } };
  }
  return { ok: false, reason: `build ${build} is not a released Windows Server version this program knows (an Insider or unusual build)` };
}

/**
 * An edition whose servicing ended before the version's ACS update was released never got it: below
 * the minimum build the row becomes "no update exists" for that edition (same key), with the upgrade
 * as advice. At or above the minimum the build decides, as for every other edition.
 */
function withEdition(requirement: UpdateRequirement, os: WindowsOs): UpdateRequirement {
  const servicing = editionServicing(requirement, os.editionId);
  if (!servicing?.endedBeforeUpdate || requirement.rule !== 'cumulative') return requirement;
  // Already at the level (the update installed by hand from the Catalog): the build is what counts.
  if (os.ubr !== null && os.ubr >= (requirement.stricter?.minimumUbr ?? requirement.minimumUbr)) return requirement;
  const ended = formatDate(servicing.group.servicingEnded!);
  const served = EDITIONS_SERVED[requirement.key] ?? 'the editions still serviced then';
  return {
    key: requirement.key,
    name: `${requirement.name}, ${servicing.group.label} edition`,
    family: requirement.family,
    rule: 'none',
    sources: requirement.sources,
    why: `${requirement.name} in its ${servicing.group.label} editions got its last update on ${ended}, before Microsoft released the ACS update for it (${requirement.requiredKb}, ${formatDate(requirement.releaseDate)}), which reached only ${served}. This edition got no further updates, so no update makes it trust ACS-signed programs.`,
    edition: { baseName: requirement.name, label: servicing.group.label, ended: servicing.group.servicingEnded!, requiredKb: requirement.requiredKb, releaseDate: requirement.releaseDate },
    advice:
      requirement.family === 'windows-server'
        ? 'Upgrade to a supported Windows Server (2016 or later) and install current updates.'
        : 'Upgrade to Windows 11, or to Windows 10 version 22H2 with current updates.',
  };
}

const EDITIONS_SERVED: Readonly<Record<string, string>> = {
  'win10-1809': 'Windows 10 Enterprise LTSC 2019 and Windows Server 2019',
  'win10-1909': 'the Enterprise and Education editions',
  'win10-1607': 'Windows 10 Enterprise LTSB 2016 and Windows Server 2016',
  'win10-1507': 'Windows 10 Enterprise LTSB 2015',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}
