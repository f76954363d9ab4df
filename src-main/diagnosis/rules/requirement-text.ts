// The catalogue's sentences about a Windows version (catalogue/kb5022661.ts, windows-versions.ts) as
// message references: the catalogue keeps its English for its own readers, the diagnosis speaks ids.
import type { RollupRequirement, UpdateRequirement } from '../../catalogue/kb5022661.js';
import { m, type MessageRef } from '../text.js';

/** Windows 11, 10 22H2, Server 23H2 / 2025 and later: why no extra update is needed. */
export function nativeNoteMessage(requirement: UpdateRequirement): MessageRef {
  if (requirement.key === 'win11') return m('req.note.win11');
  if (requirement.key === 'win10-22h2') return m('req.note.win10-22h2');
  return m('req.note.server-native');
}

export function stricterMessage(requirement: UpdateRequirement): MessageRef | null {
  return requirement.rule === 'cumulative' && requirement.stricter ? m('req.stricter.win10-21h2') : null;
}

const SPECIAL_ADVICE = { win8: 'req.advice.win8', 'win7-rtm': 'req.advice.win7-rtm', 'server-2008r2-rtm': 'req.advice.server-2008r2-rtm' } as const;

/** What to upgrade to, on a Windows no update helps. */
export function adviceMessage(requirement: UpdateRequirement): MessageRef {
  const special = SPECIAL_ADVICE[requirement.key as keyof typeof SPECIAL_ADVICE];
  if (special) return m(special);
  return requirement.family === 'windows-server' || requirement.family === 'windows-server-legacy' ? m('req.advice.server') : m('req.advice.client');
}

const SERVED = {
  'win10-1809': 'req.served.win10-1809',
  'win10-1909': 'req.served.win10-1909',
  'win10-1607': 'req.served.win10-1607',
  'win10-1507': 'req.served.win10-1507',
} as const;

/** Why no update exists, when it is not "Microsoft released none" (an edition, Server 1909). */
export function unsupportedWhyMessage(requirement: UpdateRequirement): MessageRef | null {
  if (requirement.rule !== 'none' || !requirement.why) return null;
  const edition = requirement.edition;
  if (edition) {
    const served = SERVED[requirement.key as keyof typeof SERVED];
    return m('req.why.edition', {
      windows: edition.baseName,
      edition: edition.label,
      ended: edition.ended,
      kb: edition.requiredKb,
      released: edition.releaseDate,
      served: m(served ?? 'req.served.other'),
    });
  }
  return m('req.why.server-1909', { ended: '2021-05-11', kb: 'KB5005624', released: '2021-09' });
}

/** The rollup prerequisites (Windows 7 / Server 2008 R2 / Server 2008). */
export function prerequisiteMessages(requirement: RollupRequirement): MessageRef[] {
  if (requirement.prerequisites.length === 0) return [];
  const server2008 = requirement.key === 'server-2008-sp2';
  return [
    server2008 ? m('req.prereq.esu-2008', { kb: 'KB4538484' }) : m('req.prereq.esu-win7', { kb: 'KB4538483' }),
    m('req.prereq.sha2', { kb: 'KB4474419' }),
    m('req.prereq.ssu', { kb: server2008 ? 'KB5006750' : 'KB5006749' }),
  ];
}

/** Which rollups this machine can install (no ESU on 2012 / 2012 R2; the last client rollup on 8.1 / 7). */
export function limitMessages(requirement: RollupRequirement): { who: MessageRef; whoStart: MessageRef; why: MessageRef } | null {
  if (!requirement.limit) return null;
  if (requirement.key === 'win81') return { who: m('req.limit.who.win81'), whoStart: m('req.limit.whoStart.win81'), why: m('req.limit.why.win81') };
  if (requirement.key === 'win7-sp1') return { who: m('req.limit.who.win7'), whoStart: m('req.limit.whoStart.win7'), why: m('req.limit.why.win7') };
  const ssu = requirement.key === 'server-2012' ? 'KB5029369' : 'KB5029368';
  return { who: m('req.limit.who.esu2012'), whoStart: m('req.limit.whoStart.esu2012'), why: m('req.limit.why.esu2012', { ssu }) };
}
