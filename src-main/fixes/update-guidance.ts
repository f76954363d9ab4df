// What to tell a person when neither an offline package nor Windows Update can install the update:
// the KB to look for, where to get it (Microsoft Update Catalog), and the prerequisites of old systems.
// Sources: docs/reference/ACS-FACTS.md §1.2 (prerequisites), §7.6 (Windows Update entry points).
import type { PlanStep } from '../diagnosis/schema.js';
import type { Snapshot } from '../snapshot/schema.js';
import { isWindowsOs } from '../snapshot/schema.js';

export interface UpdateGuidance {
  kb: string | null;
  catalogueUrl: string | null;
  /** Steps in order, plain words. */
  steps: string[];
  /** Updates that must be installed first (Windows 7 / 2008 / 2008 R2). */
  prerequisites: { kb: string; why: string }[];
}

export function catalogueUrl(kb: string): string {
  return `https://www.catalog.update.microsoft.com/Search.aspx?q=${encodeURIComponent(kb)}`;
}

/** Windows 7 SP1 / Server 2008 R2 SP1 (NT 6.1) and Server 2008 SP2 (6.0): updates after 2019 need these first. */
export function legacyPrerequisites(snapshot: Snapshot): UpdateGuidance['prerequisites'] {
  const os = snapshot.os;
  if (!isWindowsOs(os)) return [];
  const build = os.currentBuild;
  if (build !== 7601 && build !== 6002 && build !== 6003) return [];
  const list: UpdateGuidance['prerequisites'] = [
    { kb: 'KB4474419', why: 'SHA-2 code signing support: Windows cannot check updates signed after 2019 without it.' },
    // The October 2021 servicing stack updates, or later ones (Microsoft's ESU page; the March 2019
    // SSUs KB4490628 / KB4493730 are too old for the October 2021 rollups): one source with the diagnosis.
    { kb: build === 7601 ? 'KB5006749' : 'KB5006750', why: 'The servicing stack update of October 2021 or later (install the newest one the catalogue offers for this Windows).' },
  ];
  list.push({ kb: build === 7601 ? 'KB4538483' : 'KB4538484', why: 'The Extended Security Updates (ESU) licensing preparation package; the rollup installs only with an active ESU key.' });
  return list;
}

export function updateGuidance(step: PlanStep, snapshot: Snapshot): UpdateGuidance {
  const kb = step.kb ?? step.acceptedKbs?.[0] ?? null;
  const os = snapshot.os;
  const arch = isWindowsOs(os) ? os.architecture : 'x64';
  const prerequisites = legacyPrerequisites(snapshot);
  const steps: string[] = [];
  if (prerequisites.length > 0) steps.push(`First install, in this order: ${prerequisites.map((item) => item.kb).join(', ')} (restart when asked).`);
  if (kb) {
    steps.push(`On a computer with internet, open ${catalogueUrl(kb)} and download the ${arch} package of ${kb} for this Windows version (${isWindowsOs(os) ? os.productName : 'this system'}).`);
    if (step.minimumBuild) steps.push(`Any later cumulative update also works: after installing, the Windows build must be ${step.minimumBuild} or higher.`);
    if (step.acceptedKbs && step.acceptedKbs.length > 1) steps.push(`Any of these also works: ${step.acceptedKbs.join(', ')}.`);
    steps.push('Copy the .msu file to a USB stick, then choose it here ("Install from a file").');
  } else {
    steps.push('Install the newest cumulative update for this Windows from Windows Update or the Microsoft Update Catalog.');
  }
  return { kb, catalogueUrl: kb ? catalogueUrl(kb) : null, steps, prerequisites };
}
