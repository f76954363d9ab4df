// Fix: install the Windows update that teaches this Windows to trust ACS signatures. Offline: a
// checked .msu (wusa) or .cab (DISM) from a folder or USB stick. Online: open Windows Update and start
// a scan. Neither: say which KB to fetch from the Microsoft Update Catalog and what must come first.
import type { PlanStep } from '../diagnosis/schema.js';
import { isWindowsOs, type Snapshot } from '../snapshot/schema.js';
import { commands } from './actions/commands.js';
import { checkUpdatePackage } from './package-check.js';
import { contextFiles, declinedOutcome, journaled, report, runAdminAction, type StepResult } from './step-run.js';
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
  } else if (build >= 10240) list.push({ ...commands.openUpdateSettings(), elevated: false, purpose: 'Open Settings > Windows Update.' });
  else list.push({ ...commands.openUpdateControlPanel(), elevated: false, purpose: 'Open Control Panel > Windows Update.' });
  const usoBuild = os.installationType === 'Client' ? 16299 : 17763;
  if (build >= usoBuild) list.push({ ...commands.startUpdateScan(), elevated: false, purpose: 'Ask Windows Update to look for updates now.' });
  else if (build < 10240) list.push({ ...commands.detectUpdatesLegacy(), elevated: false, purpose: 'Ask Windows Update to look for updates now.' });
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

  async function preview(options?: FixOptions): Promise<FixPreview> {
    const source = sourceFor(options);
    const guidance = updateGuidance(step, context.snapshot);
    const facts: Record<string, string> = { update: accepted.join(' or ') || 'the newest cumulative update', ...(step.minimumBuild ? { 'minimum build': step.minimumBuild } : {}), architecture };
    if (source === 'guidance')
      return {
        kind: step.step,
        checks: [],
        commands: [],
        facts: { ...facts, ...(guidance.catalogueUrl ? { 'Microsoft Update Catalog': guidance.catalogueUrl } : {}), steps: guidance.steps.join(' ') },
        ready: true,
        blockers: [],
      };
    if (source === 'online') {
      const list = onlineCommands(context.snapshot);
      const blockers = context.network === false ? ['This computer has no network: use an update file instead.'] : list.length === 0 ? ['This Windows has no Windows Update screen to open.'] : [];
      return { kind: step.step, checks: [], commands: list, facts, ready: blockers.length === 0, blockers };
    }
    const packagePath = options?.packagePath;
    if (!packagePath) return { kind: step.step, checks: [], commands: [], facts, ready: false, blockers: ['Choose the update file (.msu or .cab) first.'] };
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
      commands: [
        {
          ...command,
          elevated: true,
          purpose: check.name.extension === '.cab' ? 'Install the package with DISM, without restarting.' : 'Install the update with the Windows Update Standalone Installer, without restarting.',
        },
      ],
      facts: {
        ...facts,
        package: packagePath,
        ...(check.sizeBytes !== null ? { size: `${(check.sizeBytes / 1_048_576).toFixed(1)} MB (${check.sizeBytes} bytes)` } : {}),
        ...(check.sha256 ? { 'SHA-256': check.sha256 } : {}),
        ...(check.name.kb ? { 'KB in file name': check.name.kb } : {}),
      },
      ready: check.ok,
      blockers: check.checks.filter((item) => !item.passed).map((item) => item.message),
    };
  }

  async function verify(): Promise<VerifyResult> {
    const snapshot = await context.reprobe(['os', 'hotfixes', 'pendingReboot']);
    const now = snapshot.os;
    const installed = (snapshot.hotfixes ?? []).map((hotfix) => hotfix.id.toUpperCase()).filter((id) => accepted.includes(id));
    const build = isWindowsOs(now) ? buildMeets({ build: now.currentBuild, ubr: now.ubr }, step.minimumBuild) : null;
    const pending = snapshot.pendingReboot?.required === true;
    const buildText = isWindowsOs(now) && now.ubr !== null ? `${now.currentBuild}.${now.ubr}` : 'unknown';
    if (build === true) return { verified: true, message: `Windows is at build ${buildText}, at or above ${step.minimumBuild}.`, details: [{ item: 'build', ok: true, message: buildText }] };
    if (build === null && installed.length > 0 && !pending)
      return { verified: true, message: `${installed.join(', ')} is installed.`, details: [{ item: 'hotfix', ok: true, message: installed.join(', ') }] };
    if (installed.length > 0 || pending)
      return {
        verified: null,
        message: `The update is installed; Windows must restart before it takes effect (build now ${buildText}).`,
        details: [{ item: 'pending-reboot', ok: false, message: 'restart needed' }],
      };
    return {
      verified: false,
      message: `The update is not installed (build ${buildText}${step.minimumBuild ? `, needs ${step.minimumBuild}` : ''}).`,
      details: [{ item: 'build', ok: false, message: buildText }],
    };
  }

  async function applyOnline(options?: FixOptions): Promise<StepResult> {
    const checked = await preview(options);
    if (!checked.ready) return { status: 'refused', message: checked.blockers.join(' '), commands: [], verification: null };
    const records: CommandRecord[] = [];
    for (const command of checked.commands) {
      const ran = await context.runner.run({ file: command.file, args: command.args, timeoutMs: 30_000 });
      records.push({
        file: command.file,
        args: command.args,
        exitCode: ran.exitCode,
        meaning: ran.exitCode === 0 ? 'Started.' : ran.spawnError ? `Not available on this Windows (${ran.spawnError.code}).` : `Ended with ${ran.exitCode ?? 'no exit code'}.`,
        elevated: false,
      });
    }
    return {
      status: 'guidance',
      message: `Windows Update is open and looking for updates. Install ${accepted[0] ?? 'the offered cumulative update'} (or a later one), restart when Windows asks, then come back here: the app checks again.`,
      commands: records,
      verification: null,
    };
  }

  async function applyOffline(runId: string, options: ApplyOptions): Promise<StepResult> {
    report(options, 'checking', 'Checking the update file: KB number, architecture and Microsoft signature.');
    const checked = await preview(options);
    const packagePath = options.packagePath!;
    const details = { packagePath, sha256: checked.facts['SHA-256'] ?? null };
    if (!checked.ready) return { status: 'refused', message: `Refused before installing anything: ${checked.blockers.join(' ')}`, commands: [], verification: null, details };
    const installer = packagePath.toLowerCase().endsWith('.cab') ? 'dism' : 'wusa';
    const admin = await runAdminAction(
      context,
      runId,
      step.step,
      { action: 'install-update-package', packagePath, packageSha256: checked.facts['SHA-256']!, kb: checked.facts['KB in file name']!, installer, timeoutMs: INSTALL_TIMEOUT_MS },
      options,
    );
    if (admin.adminScript) return { ...declinedOutcome(admin, 'the update installation'), details };
    const result = admin.result;
    const base = { commands: admin.commands, details: { ...details, exitCode: result.exitCode } };
    if (result.status === 'refused') return { ...base, status: 'refused', message: result.message, verification: null };
    if (result.status === 'not-applicable') {
      const guidance = updateGuidance(step, context.snapshot);
      const first = guidance.prerequisites.length > 0 ? ` Install these first: ${guidance.prerequisites.map((item) => item.kb).join(', ')}.` : '';
      return { ...base, status: 'failed', message: `${result.message}${first}`, verification: null };
    }
    if (result.status !== 'ok' && result.status !== 'reboot-required' && result.status !== 'already-done') return { ...base, status: 'failed', message: result.message, verification: null };
    report(options, 'verifying', 'Reading the Windows build and installed updates again.');
    const verification = await verify();
    const status = verification.verified === true ? (result.status === 'already-done' ? 'nothing-to-do' : 'succeeded') : verification.verified === null ? 'reboot-required' : 'failed';
    return { ...base, status, message: `${result.message} ${verification.message}`, verification, ...(status === 'reboot-required' ? { next: 'reboot' as const } : {}) };
  }

  async function apply(options: ApplyOptions = {}): Promise<FixOutcome> {
    const source = sourceFor(options);
    return journaled(context, step.step, 'apply', { source, kb: accepted[0] ?? null }, async (runId) => {
      if (source === 'offline') return applyOffline(runId, options);
      if (source === 'online') return applyOnline(options);
      const guidance = updateGuidance(step, context.snapshot);
      return { status: 'guidance', message: guidance.steps.join(' '), commands: [], verification: null, details: { catalogueUrl: guidance.catalogueUrl } };
    });
  }

  return {
    kind: step.step,
    step,
    describe: () => ({
      kind: step.step,
      title: step.title,
      what: `Installs ${accepted.join(' or ') || 'the newest cumulative update'} so that Windows can check Trusted Signing (ACS) signatures: from an update file you choose (checked first), or through Windows Update.`,
      why: step.why,
      needsAdmin: true,
      needsReboot: true,
      undoable: false,
      undoNote: 'Security updates are not removed by this app (removing them makes the agent fail again); Windows can uninstall one under Settings > Update history if really needed.',
    }),
    preview,
    apply,
    verify,
  };
}
