// Fix: install the Windows update that teaches this Windows to trust ACS signatures. Offline: a
// checked .msu (wusa) or .cab (DISM) from a folder or USB stick. Online: open Windows Update and start
// a scan. Neither: say which KB to fetch from the Microsoft Update Catalog and what must come first.
import type { PlanStep } from '../diagnosis/schema.js';
import { isWindowsOs, type Snapshot } from '../snapshot/schema.js';
import { commands } from './actions/commands.js';
import { checkUpdatePackage } from './package-check.js';
import { contextFiles, declinedOutcome, journaled, report, runAdminAction, type StepResult } from './step-run.js';
import { blockersOf, describeStep, english, factsOf, messageAndRef, purposeOf, said, sentences, type FactEntry, type MessageRef } from './texts.js';
import type { ApplyOptions, CommandPreview, CommandRecord, Fix, FixContext, FixOptions, FixOutcome, FixPreview, VerifyResult } from './types.js';
import { updateGuidance } from './update-guidance.js';

const INSTALL_TIMEOUT_MS = 60 * 60_000;

type Source = NonNullable<FixOptions['updateSource']>;

/** Windows Update entry points for this Windows (Settings on 10/11 and Server 2016+, Control Panel before). */
export function onlineCommands(snapshot: Snapshot): CommandPreview[] {
  const os = snapshot.os;
  if (!isWindowsOs(os)) return [];
  const build = os.currentBuild;
  const list: CommandPreview[] = [];
  if (os.installationType === 'Server Core') {
    // No Settings app and no Control Panel: only the scan (sconfig option 6 is the manual way).
  } else if (build >= 10240) list.push({ ...commands.openUpdateSettings(), elevated: false, ...purposeOf(said('fix.update.purpose.settings')) });
  else list.push({ ...commands.openUpdateControlPanel(), elevated: false, ...purposeOf(said('fix.update.purpose.controlPanel')) });
  const usoBuild = os.installationType === 'Client' ? 16299 : 17763;
  if (build >= usoBuild) list.push({ ...commands.startUpdateScan(), elevated: false, ...purposeOf(said('fix.update.purpose.scan')) });
  else if (build < 10240) list.push({ ...commands.detectUpdatesLegacy(), elevated: false, ...purposeOf(said('fix.update.purpose.scan')) });
  return list;
}

function buildMeets(current: { build: number; ubr: number | null }, minimumBuild: string | null | undefined): boolean | null {
  if (!minimumBuild) return null;
  const [build, ubr] = minimumBuild.split('.').map(Number);
  if (build === undefined || ubr === undefined || current.ubr === null) return null;
  return current.build === build && current.ubr >= ubr;
}

export function createWindowsUpdateFix(step: PlanStep, context: FixContext): Fix {
  const accepted = [...new Set([step.kb, ...(step.acceptedKbs ?? [])].filter((kb): kb is string => !!kb).map((kb) => kb.toUpperCase()))];
  const os = context.snapshot.os;
  const architecture = isWindowsOs(os) ? os.architecture : 'unknown';
  const sourceFor = (options?: FixOptions): Source => options?.updateSource ?? (options?.packagePath ? 'offline' : context.network === false ? 'guidance' : 'online');
  /** The update this step installs: the accepted KBs, or the newest cumulative update. */
  const updateWords: MessageRef = accepted.length > 0 ? said('fix.update.kbs', { kbs: accepted }) : said('fix.update.newest');

  async function preview(options?: FixOptions): Promise<FixPreview> {
    const source = sourceFor(options);
    const guidance = updateGuidance(step, context.snapshot);
    const facts: FactEntry[] = [
      ['update', said('fix.fact.update'), updateWords],
      step.minimumBuild ? ['minimum build', said('fix.fact.minimumBuild'), step.minimumBuild] : null,
      ['architecture', said('fix.fact.architecture'), architecture],
    ];
    if (source === 'guidance')
      return {
        kind: step.step,
        checks: [],
        commands: [],
        ...factsOf([
          ...facts,
          guidance.catalogueUrl ? ['Microsoft Update Catalog', said('fix.fact.catalogue'), guidance.catalogueUrl] : null,
          ['steps', said('fix.fact.steps'), sentences(guidance.stepsMessages)],
        ]),
        ready: true,
        ...blockersOf([]),
      };
    if (source === 'online') {
      const list = onlineCommands(context.snapshot);
      const blockers = context.network === false ? [said('fix.update.noNetwork')] : list.length === 0 ? [said('fix.update.noScreen')] : [];
      return { kind: step.step, checks: [], commands: list, ...factsOf(facts), ready: blockers.length === 0, ...blockersOf(blockers) };
    }
    const packagePath = options?.packagePath;
    if (!packagePath) return { kind: step.step, checks: [], commands: [], ...factsOf(facts), ready: false, ...blockersOf([said('fix.update.chooseFile')]) };
    // The elevated helper installs only from a plain local path (drive letter, no . or .. step, no character
    // Windows forbids in names): say so here rather than let the person approve a step it will refuse.
    if (!isPlainLocalPath(packagePath))
      return {
        kind: step.step,
        checks: [],
        commands: [],
        ...factsOf([...facts, ['package', said('fix.fact.package'), packagePath]]),
        ready: false,
        ...blockersOf([said('fix.update.pathNotPlain', { path: packagePath })]),
      };
    const check = await checkUpdatePackage(
      context.runner,
      packagePath,
      { acceptedKbs: accepted, acceptLaterThan: step.acceptsLaterKbs ? (step.kb ?? null) : null, architecture },
      contextFiles(context),
    );
    const command = check.name.extension === '.cab' ? commands.dismAddPackage(packagePath) : commands.wusaInstall(packagePath);
    return {
      kind: step.step,
      checks: check.checks,
      commands: [{ ...command, elevated: true, ...purposeOf(said(check.name.extension === '.cab' ? 'fix.update.purpose.dism' : 'fix.update.purpose.wusa')) }],
      ...factsOf([
        ...facts,
        ['package', said('fix.fact.package'), packagePath],
        check.sizeBytes !== null ? ['size', said('fix.fact.size'), said('fix.fact.sizeValue', { megabytes: Number((check.sizeBytes / 1_048_576).toFixed(1)), bytes: check.sizeBytes })] : null,
        check.sha256 ? ['SHA-256', said('fix.fact.sha256Plain'), check.sha256] : null,
        check.name.kb ? ['KB in file name', said('fix.fact.kbInName'), check.name.kb] : null,
      ]),
      ready: check.ok,
      ...blockersOf(check.checks.filter((item) => !item.passed).map((item) => item.messageRef ?? said('sentence.none'))),
    };
  }

  async function verify(): Promise<VerifyResult> {
    const snapshot = await context.reprobe(['os', 'hotfixes', 'pendingReboot']);
    const now = snapshot.os;
    const installed = (snapshot.hotfixes ?? []).map((hotfix) => hotfix.id.toUpperCase()).filter((id) => accepted.includes(id));
    const build = isWindowsOs(now) ? buildMeets({ build: now.currentBuild, ubr: now.ubr }, step.minimumBuild) : null;
    const pending = snapshot.pendingReboot?.required === true;
    const buildText: string | MessageRef = isWindowsOs(now) && now.ubr !== null ? `${now.currentBuild}.${now.ubr}` : said('common.unknown');
    const buildDetail = typeof buildText === 'string' ? { message: buildText } : messageAndRef(buildText);
    if (build === true)
      return { verified: true, ...messageAndRef(said('fix.update.verify.build', { build: buildText, minimum: step.minimumBuild ?? '' })), details: [{ item: 'build', ok: true, ...buildDetail }] };
    if (build === null && installed.length > 0 && !pending)
      return { verified: true, ...messageAndRef(said('fix.update.verify.installed', { kbs: installed.join(', ') })), details: [{ item: 'hotfix', ok: true, message: installed.join(', ') }] };
    if (installed.length > 0 || pending)
      return {
        verified: null,
        ...messageAndRef(said('fix.update.verify.pending', { build: buildText })),
        details: [{ item: 'pending-reboot', ok: false, ...messageAndRef(said('fix.update.detail.restart')) }],
      };
    return {
      verified: false,
      ...messageAndRef(said('fix.update.verify.missing', { build: buildText, hasMinimum: !!step.minimumBuild, minimum: step.minimumBuild ?? '' })),
      details: [{ item: 'build', ok: false, ...buildDetail }],
    };
  }

  async function applyOnline(options?: FixOptions): Promise<StepResult> {
    const checked = await preview(options);
    if (!checked.ready) return { status: 'refused', ...messageAndRef(sentences(checked.blockersMessages ?? [])), commands: [], verification: null };
    const records: CommandRecord[] = [];
    for (const command of checked.commands) {
      const ran = await context.runner.run({ file: command.file, args: command.args, timeoutMs: 30_000 });
      const meaning =
        ran.exitCode === 0
          ? said('fix.command.started')
          : ran.spawnError
            ? said('fix.command.unavailable', { code: ran.spawnError.code })
            : said('fix.command.ended', { code: ran.exitCode === null ? said('fix.code.noExitCode') : String(ran.exitCode) });
      records.push({ file: command.file, args: command.args, exitCode: ran.exitCode, meaning: english(meaning), meaningMessage: meaning, elevated: false });
    }
    return {
      status: 'guidance',
      ...messageAndRef(said('fix.update.online', { kb: accepted[0] ?? said('fix.update.offered') })),
      commands: records,
      verification: null,
    };
  }

  async function applyOffline(runId: string, options: ApplyOptions): Promise<StepResult> {
    report(options, 'checking', said('fix.progress.checkPackage'));
    const checked = await preview(options);
    const packagePath = options.packagePath!;
    const details = { packagePath, sha256: checked.facts['SHA-256'] ?? null };
    if (!checked.ready)
      return { status: 'refused', ...messageAndRef(said('fix.refused.beforeInstall', { reasons: sentences(checked.blockersMessages ?? []) })), commands: [], verification: null, details };
    const installer = packagePath.toLowerCase().endsWith('.cab') ? 'dism' : 'wusa';
    const admin = await runAdminAction(
      context,
      runId,
      step.step,
      { action: 'install-update-package', packagePath, packageSha256: checked.facts['SHA-256']!, kb: checked.facts['KB in file name']!, installer, timeoutMs: INSTALL_TIMEOUT_MS },
      options,
    );
    if (admin.adminScript) return { ...declinedOutcome(admin, said('fix.what.updateInstall')), details };
    const result = admin.result;
    const base = { commands: admin.commands, helperMessage: result.message, details: { ...details, exitCode: result.exitCode } };
    if (result.status === 'refused') return { ...base, status: 'refused', ...messageAndRef(admin.message), verification: null };
    if (result.status === 'not-applicable') {
      const guidance = updateGuidance(step, context.snapshot);
      const first = guidance.prerequisites.length > 0 ? said('fix.update.installFirst', { kbs: guidance.prerequisites.map((item) => item.kb).join(', ') }) : null;
      return { ...base, status: 'failed', ...messageAndRef(sentences([admin.message, first])), verification: null };
    }
    if (result.status !== 'ok' && result.status !== 'reboot-required' && result.status !== 'already-done') return { ...base, status: 'failed', ...messageAndRef(admin.message), verification: null };
    report(options, 'verifying', said('fix.progress.readBuild'));
    const verification = await verify();
    const status = verification.verified === true ? (result.status === 'already-done' ? 'nothing-to-do' : 'succeeded') : verification.verified === null ? 'reboot-required' : 'failed';
    return {
      ...base,
      status,
      ...messageAndRef(sentences([admin.message, verification.messageRef])),
      verification,
      ...(status === 'reboot-required' ? { next: 'reboot' as const } : {}),
    };
  }

  async function apply(options: ApplyOptions = {}): Promise<FixOutcome> {
    const source = sourceFor(options);
    return journaled(context, step.step, 'apply', { source, kb: accepted[0] ?? null }, async (runId) => {
      if (source === 'offline') return applyOffline(runId, options);
      if (source === 'online') return applyOnline(options);
      const guidance = updateGuidance(step, context.snapshot);
      return { status: 'guidance', ...messageAndRef(sentences(guidance.stepsMessages)), commands: [], verification: null, details: { catalogueUrl: guidance.catalogueUrl } };
    });
  }

  return {
    kind: step.step,
    step,
    describe: () => describeStep(step, { what: said('fix.update.what', { update: updateWords }), undoNote: said('fix.update.undoNote'), needsAdmin: true, needsReboot: true, undoable: false }),
    preview,
    apply,
    verify,
  };
}

/**
 * The path rule of assets/fixes/acs-fix-helper.ps1 (Test-LocalPackagePath), except the drive type, which
 * only Windows knows. Off Windows (the simulated host, tests with real files) an absolute POSIX path passes.
 */
export function isPlainLocalPath(path: string, platform: NodeJS.Platform = process.platform): boolean {
  if (platform !== 'win32' && path.startsWith('/')) return true;
  return /^[A-Za-z]:\\[^:*?"<>|]+$/.test(path) && !/\\\.\.?(\\|$)/.test(path);
}
