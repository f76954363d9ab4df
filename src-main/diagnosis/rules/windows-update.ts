// Rule: does this Windows carry the update KB5022661 lists for it (or a later one)?
// Windows 10/11/Server 2016+: compare build.UBR (updates are cumulative, never look for one KB).
// Older Windows: the October 2021 monthly rollup or any later one, or the October 2021 security-only update itself.
import type { Snapshot, WindowsOs } from '../../snapshot/schema.js';
import {
  acceptedRollupKbs,
  MICROSOFT_UPDATE_CATALOG,
  newestKnownRollup,
  newestRollupWithinLimit,
  type CumulativeRequirement,
  type RollupRequirement,
  type UpdateRequirement,
} from '../../catalogue/kb5022661.js';
import { CBS_INSTALL_PENDING, CBS_INSTALLED_STATES, CBS_PACKAGE_STATES, knownCumulativeUpdates, parseRollupFixPackage, servicingBuilds } from '../../catalogue/cumulative-updates.js';
import type { Evidence, Finding, WindowsUpdateDiagnosis } from '../schema.js';
import { daysBetween, kbNumber } from './helpers.js';
import { finding, m, next, note, pair, english, type MessageRef } from '../text.js';
import { adviceMessage, limitMessages, nativeNoteMessage, prerequisiteMessages, stricterMessage, unsupportedWhyMessage } from './requirement-text.js';

export interface WindowsUpdateResult {
  diagnosis: WindowsUpdateDiagnosis;
  findings: Finding[];
}

/** A reboot pending this long after the qualifying update was installed is taken to be about something else. */
const RECENT_INSTALL_DAYS = 30;

export function checkWindowsUpdate(snapshot: Snapshot, os: WindowsOs, requirement: UpdateRequirement): WindowsUpdateResult {
  const sources = [...requirement.sources];
  const currentBuild = os.ubr === null ? String(os.currentBuild) : `${os.currentBuild}.${os.ubr}`;
  switch (requirement.rule) {
    case 'native':
      return {
        diagnosis: base('ok', 'native', currentBuild, sources, nativeNoteMessage(requirement)),
        findings: [
          finding('update-ok', 'info', m('update.native.title', { windows: requirement.name }), nativeNoteMessage(requirement), [
            { path: 'os.currentBuild', value: os.currentBuild },
            { path: 'os.installationType', value: os.installationType },
          ]),
        ],
      };
    case 'none': {
      const why = unsupportedWhyMessage(requirement);
      const advice = adviceMessage(requirement);
      return {
        diagnosis: { ...base('unsupported-os', 'none', currentBuild, sources, why ? pair(why, advice) : advice), requiredKb: null },
        findings: [
          finding(
            'unsupported-os',
            'critical',
            m('update.unsupported.title', { windows: requirement.name }),
            m('update.unsupported.explanation', { why: why ?? m('update.unsupported.noUpdate', { windows: requirement.name }), advice }),
            [
              { path: 'os.currentBuild', value: os.currentBuild, note: requirement.name },
              { path: 'os.installationType', value: os.installationType },
              ...(requirement.why ? [{ path: 'os.editionId', value: os.editionId }] : []),
            ],
          ),
        ],
      };
    }
    case 'cumulative':
      return checkCumulative(snapshot, os, requirement, currentBuild);
    case 'rollup':
      return checkRollup(snapshot, requirement, currentBuild);
  }
}

function base(
  status: WindowsUpdateDiagnosis['status'],
  rule: WindowsUpdateDiagnosis['rule'],
  currentBuild: string,
  sources: WindowsUpdateDiagnosis['sources'],
  reason: MessageRef,
): WindowsUpdateDiagnosis {
  return { status, requiredKb: null, minimumBuild: null, currentBuild, rule, acceptedKbs: [], satisfiedBy: null, stricterRule: null, reason: english(reason), reasonMessage: reason, sources };
}

function checkCumulative(snapshot: Snapshot, os: WindowsOs, requirement: CumulativeRequirement, currentBuild: string): WindowsUpdateResult {
  const minimumUbr = requirement.stricter?.minimumUbr ?? requirement.minimumUbr;
  const requiredKb = requirement.stricter?.requiredKb ?? requirement.requiredKb;
  const minimumBuild = `${requirement.build}.${minimumUbr}`;
  const stricterRule = requirement.stricter?.note ?? null;
  const sources = [...requirement.sources, MICROSOFT_UPDATE_CATALOG];
  const acceptedKbs = requirement.stricter ? [requirement.stricter.requiredKb] : [...requirement.knownQualifyingKbs];
  const common = { requiredKb, minimumBuild, currentBuild, rule: 'cumulative' as const, acceptedKbs, stricterRule, sources };
  const buildEvidence: Evidence[] = [
    { path: 'os.currentBuild', value: os.currentBuild },
    { path: 'os.ubr', value: os.ubr },
  ];
  const stricter = next(stricterMessage(requirement));

  if (os.ubr === null) {
    const reason = m('update.cumulative.ubrUnknown', { build: String(os.currentBuild), windows: requirement.name, minimum: minimumBuild });
    return {
      diagnosis: { ...common, status: 'unknown', satisfiedBy: null, ...reasonFields(reason) },
      findings: [finding('update-unknown', 'warning', m('update.unknown.title'), reason, buildEvidence)],
    };
  }
  if (os.ubr >= minimumUbr) {
    const reason = m('update.cumulative.ok', { windows: requirement.name, current: currentBuild, minimum: minimumBuild, stricter });
    return {
      diagnosis: { ...common, status: 'ok', satisfiedBy: null, ...reasonFields(reason) },
      findings: [finding('update-ok', 'info', m('update.ok.title'), reason, buildEvidence)],
    };
  }

  // Below the minimum: an installed cumulative update of this branch waiting for a restart is not
  // missing. Only evidence that the pending change raises the build counts (a pending restart for a
  // .NET or Secure Boot update leaves the machine unprotected).
  const pending = pendingCumulativeUpdate(snapshot, os, requirement, minimumUbr);
  if (pending.qualifying) {
    const pendingBuild = `${requirement.build}.${pending.qualifying.ubr}`;
    const what = pending.qualifying.kb ? m('update.pending.whatKb', { kb: pending.qualifying.kb, build: pendingBuild }) : m('update.pending.whatBuild', { build: pendingBuild });
    const reason = m('update.pending.reason', { what, windows: requirement.name, minimum: minimumBuild, current: currentBuild });
    return {
      diagnosis: { ...common, status: 'pending-reboot', satisfiedBy: pending.qualifying.kb, ...reasonFields(reason) },
      findings: [pendingRebootFinding(reason, [...buildEvidence, ...pending.qualifying.evidence], snapshot.pendingReboot?.required === true)],
    };
  }
  const reason = m('update.cumulative.missing', {
    windows: requirement.name,
    current: currentBuild,
    minimum: minimumBuild,
    kb: requiredKb,
    released: requirement.stricter?.releaseDate ?? requirement.releaseDate,
    stricter,
  });
  return {
    diagnosis: { ...common, status: 'missing', satisfiedBy: null, ...reasonFields(reason) },
    findings: [missingUpdateFinding(m('update.cumulative.missingExplanation', { reason, note: pending.note ?? '' }), [...buildEvidence, ...pending.noteEvidence])],
  };
}

interface PendingUpdateEvidence {
  kb: string | null;
  ubr: number;
  evidence: Evidence[];
}

interface PendingCumulativeResult {
  /** An installed cumulative update of this branch that reaches the minimum once Windows restarts. */
  qualifying: PendingUpdateEvidence | null;
  /** Added to the "missing" finding: what is pending instead, in plain words (null when nothing). */
  note: MessageRef | null;
  noteEvidence: Evidence[];
}

/**
 * Evidence that a pending restart completes a cumulative update of this branch that reaches the
 * minimum: a RollupFix package in Component Based Servicing whose version names this branch's build
 * and a UBR at or above the minimum, installed and waiting for the restart; or an installed KB this
 * program knows as such an update, whose build the machine does not run yet, with a restart pending.
 */
function pendingCumulativeUpdate(snapshot: Snapshot, os: WindowsOs, requirement: CumulativeRequirement, minimumUbr: number): PendingCumulativeResult {
  const currentUbr = os.ubr ?? 0;
  const restartPending = snapshot.pendingReboot?.required === true;
  const builds = servicingBuilds(requirement.build);
  let best: PendingUpdateEvidence | null = null;
  let belowMinimum: PendingUpdateEvidence | null = null;
  let staged: PendingUpdateEvidence | null = null;
  for (const [index, pkg] of (snapshot.pendingReboot?.rollupFixPackages ?? []).entries()) {
    const version = parseRollupFixPackage(pkg.name);
    if (!version || !builds.includes(version.build) || version.ubr <= currentUbr) continue;
    const known = knownCumulativeUpdates(requirement.build).find((update) => update.ubr === version.ubr);
    const state = pkg.currentState === null ? 'unknown' : (CBS_PACKAGE_STATES[pkg.currentState] ?? `state ${pkg.currentState}`);
    const entry: PendingUpdateEvidence = {
      kb: known?.kb ?? null,
      ubr: version.ubr,
      evidence: [{ path: `pendingReboot.rollupFixPackages[${index}]`, value: pkg, ...note(m('ev.cumulativeState', { build: `${requirement.build}.${version.ubr}`, state })) }],
    };
    const waitsForRestart = pkg.currentState === CBS_INSTALL_PENDING || (pkg.currentState !== null && CBS_INSTALLED_STATES.has(pkg.currentState) && restartPending);
    if (!waitsForRestart) {
      if (pkg.currentState === 64 && version.ubr >= minimumUbr && (!staged || version.ubr > staged.ubr)) staged = entry;
      continue;
    }
    if (version.ubr >= minimumUbr) {
      if (!best || version.ubr > best.ubr) best = entry;
    } else if (!belowMinimum || version.ubr > belowMinimum.ubr) belowMinimum = entry;
  }
  if (best) return { qualifying: best, note: null, noteEvidence: [] };

  if (restartPending) {
    // A listed cumulative update whose build the machine does not run yet has not taken effect: the
    // pending restart is (also) about it, however long ago it was installed (servers wait for their
    // maintenance window). The 30-day rule stays for rollups, which carry no build to compare.
    const known = knownCumulativeUpdates(requirement.build);
    for (const [index, hotfix] of (snapshot.hotfixes ?? []).entries()) {
      const update = known.find((entry) => entry.kb === hotfix.id.toUpperCase());
      if (!update || update.ubr < minimumUbr || update.ubr <= currentUbr) continue;
      return {
        qualifying: {
          kb: update.kb,
          ubr: update.ubr,
          evidence: [
            {
              path: `hotfixes[${index}].id`,
              value: hotfix.id,
              ...note(
                hotfix.installedOn
                  ? m('ev.cumulativeInstalled', { build: `${requirement.build}.${update.ubr}`, date: hotfix.installedOn })
                  : m('ev.cumulative', { build: `${requirement.build}.${update.ubr}` }),
              ),
            },
          ],
        },
        note: null,
        noteEvidence: [],
      };
    }
  }

  if (belowMinimum) {
    return {
      qualifying: null,
      note: m('update.note.belowMinimum', { pending: `${requirement.build}.${belowMinimum.ubr}`, minimum: `${requirement.build}.${minimumUbr}` }),
      noteEvidence: belowMinimum.evidence,
    };
  }
  if (staged) {
    return {
      qualifying: null,
      note: m('update.note.staged', { pending: `${requirement.build}.${staged.ubr}` }),
      noteEvidence: staged.evidence,
    };
  }
  if (restartPending) {
    return {
      qualifying: null,
      note: m('update.note.otherRestart'),
      noteEvidence: [{ path: 'pendingReboot.required', value: true, ...note(m('ev.restartOther')) }],
    };
  }
  return { qualifying: null, note: null, noteEvidence: [] };
}

function checkRollup(snapshot: Snapshot, requirement: RollupRequirement, currentBuild: string): WindowsUpdateResult {
  const acceptedKbs = acceptedRollupKbs(requirement);
  const prerequisiteList = prerequisiteMessages(requirement);
  const prerequisites = prerequisiteList.length > 0 ? m('update.rollup.prerequisites', { list: prerequisiteList }) : '';
  const common = {
    requiredKb: requirement.monthlyRollup,
    minimumBuild: null,
    currentBuild,
    rule: 'rollup' as const,
    acceptedKbs,
    stricterRule: null,
    sources: [...requirement.sources, MICROSOFT_UPDATE_CATALOG],
  };
  if (!snapshot.hotfixes) {
    const reason = m('update.rollup.unreadable', { windows: requirement.name, rollup: requirement.monthlyRollup, securityOnly: requirement.securityOnly });
    return {
      diagnosis: { ...common, status: 'unknown', satisfiedBy: null, ...reasonFields(reason) },
      findings: [finding('update-unknown', 'warning', m('update.rollup.unreadable.title'), reason, [{ path: 'hotfixes', value: snapshot.hotfixes ?? null }])],
    };
  }
  const accepted = new Set(acceptedKbs);
  const matches = snapshot.hotfixes.map((hotfix, index) => ({ ...hotfix, index })).filter((hotfix) => accepted.has(hotfix.id.toUpperCase()));
  const collectedAt = snapshot.collectedAt.slice(0, 10);
  if (matches.length > 0) {
    const newest = matches.reduce((a, b) => (kbNumber(b.id) > kbNumber(a.id) ? b : a));
    const allRecent = matches.every((hotfix) => hotfix.installedOn === null || daysBetween(hotfix.installedOn, collectedAt) <= RECENT_INSTALL_DAYS);
    const kind = kindOf(requirement, newest.id);
    const evidence: Evidence[] = [{ path: `hotfixes[${newest.index}].id`, value: newest.id, ...note(kind) }];
    if (snapshot.pendingReboot?.required === true && allRecent) {
      const reason = m('update.rollup.pending', { kb: newest.id, kind });
      return {
        diagnosis: { ...common, status: 'pending-reboot', satisfiedBy: newest.id, ...reasonFields(reason) },
        findings: [pendingRebootFinding(reason, evidence, true)],
      };
    }
    const reason = m('update.rollup.ok', { kb: newest.id, kind, windows: requirement.name });
    return {
      diagnosis: { ...common, status: 'ok', satisfiedBy: newest.id, ...reasonFields(reason) },
      findings: [finding('update-ok', 'info', m('update.ok.title'), reason, evidence)],
    };
  }

  // No listed KB. A rollup newer than the catalogue cannot be told apart from an unrelated update:
  // say "unknown" rather than "missing" when such a candidate exists.
  const newestKnown = newestKnownRollup(requirement);
  const newer =
    newestKnown.date >= requirement.servicingEnds
      ? undefined
      : snapshot.hotfixes
          .map((hotfix, index) => ({ ...hotfix, index }))
          .find((hotfix) => kbNumber(hotfix.id) > kbNumber(newestKnown.kb) && hotfix.installedOn !== null && hotfix.installedOn > newestKnown.date);
  if (newer) {
    const reason = m('update.rollup.newer', { kb: newer.id, installed: newer.installedOn ?? '', windows: requirement.name, newestKb: newestKnown.kb, newestDate: newestKnown.date });
    return {
      diagnosis: { ...common, status: 'unknown', satisfiedBy: null, ...reasonFields(reason) },
      findings: [finding('update-unknown', 'warning', m('update.rollup.newer.title'), m('update.rollup.newer.explanation', { reason }), [{ path: `hotfixes[${newer.index}].id`, value: newer.id }])],
    };
  }

  const securityOnlyLater = snapshot.hotfixes.some((hotfix) => kbNumber(hotfix.id) > kbNumber(requirement.securityOnly));
  const securityNote = securityOnlyLater ? m('update.rollup.securityOnlyLater') : '';
  const reason = m('update.rollup.missing', { windows: requirement.name, rollup: requirement.monthlyRollup, securityOnly: requirement.securityOnly, securityNote, prerequisites });
  return {
    diagnosis: { ...common, status: 'missing', satisfiedBy: null, ...reasonFields(reason) },
    findings: [missingUpdateFinding(pair(reason, newestChoice(requirement)), [{ path: 'hotfixes', value: snapshot.hotfixes.map((hotfix) => hotfix.id), ...note(m('ev.installedUpdates')) }])],
  };
}

function reasonFields(reason: MessageRef): { reason: string; reasonMessage: MessageRef } {
  return { reason: english(reason), reasonMessage: reason };
}

function missingUpdateFinding(explanation: MessageRef, evidence: Evidence[]): Finding {
  return finding('update-missing', 'critical', m('update.missing.title'), explanation, evidence);
}

/** An installed update waits for a restart: the plan is a reboot, never a reinstall. */
function pendingRebootFinding(reason: MessageRef, evidence: Evidence[], restartMarked: boolean): Finding {
  // An install-pending RollupFix package is itself the pending restart, with or without the other markers.
  return finding(
    'update-pending-reboot',
    'warning',
    m('update.pendingReboot.title'),
    m('update.pendingReboot.explanation', { reason }),
    restartMarked ? [...evidence, { path: 'pendingReboot.required', value: true }] : evidence,
  );
}

/** Which rollup to pick: the newest, or the newest up to the branch's limit (no ESU; a client edition). */
function newestChoice(requirement: RollupRequirement): MessageRef {
  const limited = newestRollupWithinLimit(requirement);
  const limit = limitMessages(requirement);
  if (!limit || !limited) return m('update.rollup.newestBest');
  return m('update.rollup.newestWithin', { who: limit.who, kb: limited.kb, month: limited.date.slice(0, 7), why: limit.why });
}

function kindOf(requirement: RollupRequirement, kb: string): MessageRef {
  if (kb === requirement.securityOnly) return m('update.kind.securityOnly');
  if (kb === requirement.monthlyRollup) return m('update.kind.october');
  const later = requirement.laterRollups.find((entry) => entry.kb === kb);
  if (later) return m('update.kind.later', { month: later.date.slice(0, 7) });
  const outOfBand = requirement.outOfBandRollups?.find((entry) => entry.kb === kb);
  return outOfBand ? m('update.kind.outOfBand', { month: outOfBand.date.slice(0, 7) }) : m('update.kind.rollup');
}
