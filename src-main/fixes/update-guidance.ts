// What to tell a person when neither an offline package nor Windows Update can install the update:
// the KB to look for, where to get it (Microsoft Update Catalog), and the prerequisites of old systems.
// Sources: docs/reference/ACS-FACTS.md §1.2 (prerequisites), §7.6 (Windows Update entry points).
import type { PlanStep } from '../diagnosis/schema.js';
import type { Snapshot } from '../snapshot/schema.js';
import { isWindowsOs } from '../snapshot/schema.js';
import { english, said, type MessageRef } from './texts.js';

export interface UpdateGuidance {
  kb: string | null;
  catalogueUrl: string | null;
  /** Steps in order, plain words. */
  steps: string[];
  stepsMessages: MessageRef[];
  /** Updates that must be installed first (Windows 7 / 2008 / 2008 R2). */
  prerequisites: { kb: string; why: string; whyMessage: MessageRef }[];
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
  const item = (kb: string, why: MessageRef) => ({ kb, why: english(why), whyMessage: why });
  const list: UpdateGuidance['prerequisites'] = [
    item('KB4474419', said('fix.guide.why.sha2')),
    // The October 2021 servicing stack updates, or later ones (Microsoft's ESU page; the March 2019
    // SSUs KB4490628 / KB4493730 are too old for the October 2021 rollups): one source with the diagnosis.
    item(build === 7601 ? 'KB5006749' : 'KB5006750', said('fix.guide.why.ssu')),
  ];
  list.push(item(build === 7601 ? 'KB4538483' : 'KB4538484', said('fix.guide.why.esu')));
  return list;
}

export function updateGuidance(step: PlanStep, snapshot: Snapshot): UpdateGuidance {
  const kb = step.kb ?? step.acceptedKbs?.[0] ?? null;
  const os = snapshot.os;
  const arch = isWindowsOs(os) ? os.architecture : 'x64';
  const prerequisites = legacyPrerequisites(snapshot);
  const stepsMessages: MessageRef[] = [];
  if (prerequisites.length > 0) stepsMessages.push(said('fix.guide.first', { kbs: prerequisites.map((item) => item.kb).join(', ') }));
  if (kb) {
    stepsMessages.push(said('fix.guide.download', { url: catalogueUrl(kb), arch, kb, product: isWindowsOs(os) ? os.productName : said('fix.guide.thisSystem') }));
    if (step.minimumBuild) stepsMessages.push(said('fix.guide.laterWorks', { minimum: step.minimumBuild }));
    if (step.acceptedKbs && step.acceptedKbs.length > 1) stepsMessages.push(said('fix.guide.anyOf', { kbs: step.acceptedKbs.join(', ') }));
    stepsMessages.push(said('fix.guide.copy'));
  } else {
    stepsMessages.push(said('fix.guide.newest'));
  }
  return { kb, catalogueUrl: kb ? catalogueUrl(kb) : null, steps: stepsMessages.map(english), stepsMessages, prerequisites };
}
