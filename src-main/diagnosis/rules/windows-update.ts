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
        diagnosis: base('ok', 'native', currentBuild, sources, requirement.note),
        findings: [
          {
            id: 'update-ok',
            severity: 'info',
            title: `${requirement.name} supports ACS-signed programs without an extra update`,
            explanation: requirement.note,
            evidence: [{ path: 'os.currentBuild', value: os.currentBuild }, { path: 'os.installationType', value: os.installationType }],
          },
        ],
      };
    case 'none':
      return {
        diagnosis: { ...base('unsupported-os', 'none', currentBuild, sources, requirement.why ? `${requirement.why} ${requirement.advice}` : requirement.advice), requiredKb: null },
        findings: [
          {
            id: 'unsupported-os',
            severity: 'critical',
            title: `${requirement.name} cannot run ACS-signed programs`,
            explanation: `${requirement.why ?? `Microsoft released no update that lets ${requirement.name} trust programs signed through Azure Code Signing.`} The security agent's new versions cannot start here. ${requirement.advice}`,
            evidence: [
              { path: 'os.currentBuild', value: os.currentBuild, note: requirement.name },
              { path: 'os.installationType', value: os.installationType },
              ...(requirement.why ? [{ path: 'os.editionId', value: os.editionId }] : []),
            ],
          },
        ],
      };
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
  reason: string,
): WindowsUpdateDiagnosis {
  return { status, requiredKb: null, minimumBuild: null, currentBuild, rule, acceptedKbs: [], satisfiedBy: null, stricterRule: null, reason, sources };
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
  const stricterSentence = stricterRule ? ` ${stricterRule}` : '';

  if (os.ubr === null) {
    const reason = `The update revision (UBR) of build ${os.currentBuild} could not be read, so it is unknown whether ${requirement.name} is at ${minimumBuild} or later.`;
    return {
      diagnosis: { ...common, status: 'unknown', satisfiedBy: null, reason },
      findings: [{ id: 'update-unknown', severity: 'warning', title: 'Could not tell which update level Windows is at', explanation: reason, evidence: buildEvidence }],
    };
  }
  if (os.ubr >= minimumUbr) {
    const reason = `${requirement.name} is at build ${currentBuild}, at or above the required ${minimumBuild}.${stricterSentence}`;
    return {
      diagnosis: { ...common, status: 'ok', satisfiedBy: null, reason },
      findings: [{ id: 'update-ok', severity: 'info', title: 'Windows has the update ACS-signed programs need', explanation: reason, evidence: buildEvidence }],
    };
  }

  // Below the minimum: an installed cumulative update of this branch waiting for a restart is not
  // missing. Only evidence that the pending change raises the build counts (a pending restart for a
  // .NET or Secure Boot update leaves the machine unprotected).
  const pending = pendingCumulativeUpdate(snapshot, os, requirement, minimumUbr);
  if (pending.qualifying) {
    const what = pending.qualifying.kb ? `${pending.qualifying.kb} (build ${requirement.build}.${pending.qualifying.ubr})` : `A cumulative update to build ${requirement.build}.${pending.qualifying.ubr}`;
    const reason = `${what} is installed and brings ${requirement.name} to ${minimumBuild} or later, but Windows has not restarted since, so it still runs build ${currentBuild}.`;
    return {
      diagnosis: { ...common, status: 'pending-reboot', satisfiedBy: pending.qualifying.kb, reason },
      findings: [pendingRebootFinding(reason, [...buildEvidence, ...pending.qualifying.evidence], snapshot.pendingReboot?.required === true)],
    };
  }
  const reason = `${requirement.name} is at build ${currentBuild}; programs signed through Azure Code Signing need ${minimumBuild} or later (${requiredKb}, released ${requirement.stricter?.releaseDate ?? requirement.releaseDate}, or any later cumulative update).${stricterSentence}`;
  return {
    diagnosis: { ...common, status: 'missing', satisfiedBy: null, reason },
    findings: [missingUpdateFinding(`${reason} Any cumulative update from that date or later will do; the newest is best.${pending.note}`, [...buildEvidence, ...pending.noteEvidence])],
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
  /** Added to the "missing" finding: what is pending instead, in plain words ('' when nothing). */
  note: string;
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
      evidence: [{ path: `pendingReboot.rollupFixPackages[${index}]`, value: pkg, note: `cumulative update to ${requirement.build}.${version.ubr}: ${state}` }],
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
  if (best) return { qualifying: best, note: '', noteEvidence: [] };

  if (restartPending) {
    // A listed cumulative update whose build the machine does not run yet has not taken effect: the
    // pending restart is (also) about it, however long ago it was installed (servers wait for their
    // maintenance window). The 30-day rule stays for rollups, which carry no build to compare.
    const known = knownCumulativeUpdates(requirement.build);
    for (const [index, hotfix] of (snapshot.hotfixes ?? []).entries()) {
      const update = known.find((entry) => entry.kb === hotfix.id.toUpperCase());
      if (!update || update.ubr < minimumUbr || update.ubr <= currentUbr) continue;
      return {
        qualifying: { kb: update.kb, ubr: update.ubr, evidence: [{ path: `hotfixes[${index}].id`, value: hotfix.id, note: `cumulative update to ${requirement.build}.${update.ubr}${hotfix.installedOn ? `, installed ${hotfix.installedOn}` : ''}` }] },
        note: '',
        noteEvidence: [],
      };
    }
  }

  if (belowMinimum) {
    return {
      qualifying: null,
      note: ` An update to build ${requirement.build}.${belowMinimum.ubr} is waiting for a restart, but that is still below ${requirement.build}.${minimumUbr}: a newer cumulative update is needed as well.`,
      noteEvidence: belowMinimum.evidence,
    };
  }
  if (staged) {
    return {
      qualifying: null,
      note: ` A cumulative update to build ${requirement.build}.${staged.ubr} has been downloaded but not installed yet; installing it is enough.`,
      noteEvidence: staged.evidence,
    };
  }
  if (restartPending) {
    return {
      qualifying: null,
      note: ' Windows is also waiting for a restart, but nothing shows that the restart finishes a cumulative update for this Windows (updates such as .NET or Secure Boot also ask for restarts and do not raise the build), so restarting alone will not fix this.',
      noteEvidence: [{ path: 'pendingReboot.required', value: true, note: 'a restart is pending for another change' }],
    };
  }
  return { qualifying: null, note: '', noteEvidence: [] };
}

function checkRollup(snapshot: Snapshot, requirement: RollupRequirement, currentBuild: string): WindowsUpdateResult {
  const acceptedKbs = acceptedRollupKbs(requirement);
  const prerequisites = requirement.prerequisites.length > 0 ? ` Before it installs, Windows needs: ${requirement.prerequisites.join('; ')}.` : '';
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
    const reason = `The list of installed updates could not be read, so it is unknown whether ${requirement.name} has ${requirement.monthlyRollup} (or a later monthly rollup, or ${requirement.securityOnly}).`;
    return {
      diagnosis: { ...common, status: 'unknown', satisfiedBy: null, reason },
      findings: [{ id: 'update-unknown', severity: 'warning', title: 'Could not read the installed updates', explanation: reason, evidence: [{ path: 'hotfixes', value: snapshot.hotfixes ?? null }] }],
    };
  }
  const accepted = new Set(acceptedKbs);
  const matches = snapshot.hotfixes.map((hotfix, index) => ({ ...hotfix, index })).filter((hotfix) => accepted.has(hotfix.id.toUpperCase()));
  const collectedAt = snapshot.collectedAt.slice(0, 10);
  if (matches.length > 0) {
    const newest = matches.reduce((a, b) => (kbNumber(b.id) > kbNumber(a.id) ? b : a));
    const allRecent = matches.every((hotfix) => hotfix.installedOn === null || daysBetween(hotfix.installedOn, collectedAt) <= RECENT_INSTALL_DAYS);
    const evidence: Evidence[] = [{ path: `hotfixes[${newest.index}].id`, value: newest.id, note: kindOf(requirement, newest.id) }];
    if (snapshot.pendingReboot?.required === true && allRecent) {
      const reason = `${newest.id} (${kindOf(requirement, newest.id)}) is installed, but Windows has not restarted since, so the update is not in effect yet.`;
      return {
        diagnosis: { ...common, status: 'pending-reboot', satisfiedBy: newest.id, reason },
        findings: [pendingRebootFinding(reason, evidence, true)],
      };
    }
    const reason = `${newest.id} (${kindOf(requirement, newest.id)}) is installed, which includes the October 2021 change ${requirement.name} needs.`;
    return {
      diagnosis: { ...common, status: 'ok', satisfiedBy: newest.id, reason },
      findings: [{ id: 'update-ok', severity: 'info', title: 'Windows has the update ACS-signed programs need', explanation: reason, evidence }],
    };
  }

  // No listed KB. A rollup newer than the catalogue cannot be told apart from an unrelated update:
  // say "unknown" rather than "missing" when such a candidate exists.
  const newestKnown = newestKnownRollup(requirement);
  const newer = newestKnown.date >= requirement.servicingEnds
    ? undefined
    : snapshot.hotfixes
    .map((hotfix, index) => ({ ...hotfix, index }))
    .find((hotfix) => kbNumber(hotfix.id) > kbNumber(newestKnown.kb) && hotfix.installedOn !== null && hotfix.installedOn > newestKnown.date);
  if (newer) {
    const reason = `${newer.id} was installed on ${newer.installedOn}, after the newest monthly rollup this program knows for ${requirement.name} (${newestKnown.kb}, ${newestKnown.date}). It may be a newer monthly rollup (which would be enough) or an unrelated update.`;
    return {
      diagnosis: { ...common, status: 'unknown', satisfiedBy: null, reason },
      findings: [
        {
          id: 'update-unknown',
          severity: 'warning',
          title: 'An update newer than this program’s catalogue is installed',
          explanation: `${reason} Check in Windows Update history whether it is a "Monthly Rollup".`,
          evidence: [{ path: `hotfixes[${newer.index}].id`, value: newer.id }],
        },
      ],
    };
  }

  const securityOnlyLater = snapshot.hotfixes.some((hotfix) => kbNumber(hotfix.id) > kbNumber(requirement.securityOnly));
  const securityNote = securityOnlyLater
    ? ` Security-only updates released after October 2021 do not count: they do not contain October's change.`
    : '';
  const reason = `${requirement.name} has none of the updates that add ACS support: the October 2021 monthly rollup ${requirement.monthlyRollup}, any later monthly rollup, or the October 2021 security-only update ${requirement.securityOnly}.${securityNote}${prerequisites}`;
  return {
    diagnosis: { ...common, status: 'missing', satisfiedBy: null, reason },
    findings: [
      missingUpdateFinding(`${reason} ${newestChoice(requirement)}`, [
        { path: 'hotfixes', value: snapshot.hotfixes.map((hotfix) => hotfix.id), note: 'installed updates' },
      ]),
    ],
  };
}

function missingUpdateFinding(explanation: string, evidence: Evidence[]): Finding {
  return { id: 'update-missing', severity: 'critical', title: 'Windows is missing an update that the security agent needs', explanation, evidence };
}

/** An installed update waits for a restart: the plan is a reboot, never a reinstall. */
function pendingRebootFinding(reason: string, evidence: Evidence[], restartMarked: boolean): Finding {
  return {
    id: 'update-pending-reboot',
    severity: 'warning',
    title: 'Windows must restart to finish installing the update',
    explanation: `${reason} Restart the computer; nothing needs to be installed again.`,
    // An install-pending RollupFix package is itself the pending restart, with or without the other markers.
    evidence: restartMarked ? [...evidence, { path: 'pendingReboot.required', value: true }] : evidence,
  };
}

/** Which rollup to pick: the newest, or the newest up to the branch's limit (no ESU; a client edition). */
function newestChoice(requirement: RollupRequirement): string {
  const limited = newestRollupWithinLimit(requirement);
  if (!requirement.limit || !limited) return 'The newest monthly rollup is the best choice.';
  return `The newest monthly rollup is the best choice; ${requirement.limit.who}, the newest that applies is ${limited.kb} (${limited.date.slice(0, 7)}): ${requirement.limit.why}.`;
}

function kindOf(requirement: RollupRequirement, kb: string): string {
  if (kb === requirement.securityOnly) return 'October 2021 security-only update';
  if (kb === requirement.monthlyRollup) return 'October 2021 monthly rollup';
  const later = requirement.laterRollups.find((entry) => entry.kb === kb);
  if (later) return `monthly rollup of ${later.date.slice(0, 7)}`;
  const outOfBand = requirement.outOfBandRollups?.find((entry) => entry.kb === kb);
  return outOfBand ? `out-of-band rollup of ${outOfBand.date.slice(0, 7)}` : 'monthly rollup';
}
