// The field kit on the Windows double (issue 14): a target machine (createHelperMachine: drives, ACLs,
// the helper's folder), the collector run as COLLECT.cmd runs it, a laptop that checks the update file
// (the simulated host of the same machine answers expand and the signature), the kit built by the real
// builder onto "E:\" (the stick), and fix.ps1 run from the stick under pwsh.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkUpdatePackage } from '#product/fixes/package-check.js';
import { SECTION_BUDGET_MS } from '#product/probe/protocol.js';
import { buildFixKit, type BuiltKit, type CheckPackage } from '#product/kit/index.js';
import { validateSnapshot } from '#product/snapshot/parse.js';
import type { Snapshot } from '#product/snapshot/schema.js';
import { createSimulatedHost, loadMachineProfile, simulatedFileAccess } from '../windows-double/host/index.js';
import { localFileSchema, type LocalFile, type MachineState } from '../windows-double/host/machine-state.js';
import { createHelperMachine, type HelperMachine } from '../support/helper-double.js';
import { REPO_ROOT, runScriptOnDouble, type PwshRun } from '../support/pwsh.js';

export const COLLECTOR = join(REPO_ROOT, 'assets/probe/collect.ps1');
/** The stick's kit folder: a name with a space, &, %, ^ and parentheses. */
export const KIT_WINDOWS_PATH = 'E:\\ACS kit & 100% ^(test)';

export async function targetMachine(profile: string, change?: (state: MachineState) => void): Promise<HelperMachine> {
  const { machine: state } = await loadMachineProfile(profile);
  change?.(state);
  return createHelperMachine(state);
}

/** COLLECT.cmd's run: collect.ps1 offline, stdout = the snapshot (budgets widened five times: the test machine is shared). */
const generous = Object.fromEntries(Object.entries(SECTION_BUDGET_MS).map(([section, ms]) => [section, ms * 5]));
export async function collectOnTarget(machine: HelperMachine): Promise<Snapshot> {
  const run = await runScriptOnDouble(machine, COLLECTOR, { env: { ...machine.env(false), ACS_PROBE_INPUT: JSON.stringify({ network: false, budgetsMs: generous }) }, timeoutMs: 180_000 });
  if (run.exitCode !== 0) throw new Error(`collect.ps1 ended ${run.exitCode}: ${run.stderr.slice(0, 500)}`);
  const parsed = validateSnapshot(JSON.parse(run.stdout));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.snapshot;
}

/** A Microsoft update package as a real file on the laptop, known to the target machine and to the laptop's checker by its content. */
export async function laptopPackage(
  fields: Omit<LocalFile & { kind: 'msu' }, 'path' | 'signer' | 'signatureValid' | 'sizeBytes'> & { name: string; signer?: string; signatureValid?: boolean },
): Promise<{ path: string; entry: LocalFile }> {
  const dir = await mkdtemp(join(tmpdir(), 'acs-laptop-'));
  const path = join(dir, fields.name);
  const { name: _name, ...rest } = fields;
  const entry = localFileSchema.parse({ ...rest, path, sizeBytes: 1_000_000 });
  await writeFile(path, JSON.stringify(entry), 'utf8');
  return { path, entry };
}

/** The laptop's package check: the app's checkUpdatePackage on the simulated host of the same Windows (expand, Authenticode). */
export async function laptopChecker(profile: string, files: LocalFile[], change?: (state: MachineState) => void): Promise<CheckPackage> {
  const loaded = await loadMachineProfile(profile);
  change?.(loaded.machine);
  loaded.machine.localFiles = [...loaded.machine.localFiles, ...files];
  const host = await createSimulatedHost(loaded);
  const files_ = simulatedFileAccess(host.machine);
  return (path, expected) => checkUpdatePackage(host.runner, path, expected, files_);
}

export async function buildKitOnStick(machine: HelperMachine, snapshot: Snapshot, options: { packagePath?: string; checkPackage?: CheckPackage } = {}): Promise<BuiltKit> {
  const dir = machine.local(KIT_WINDOWS_PATH);
  await mkdir(join(dir, '..'), { recursive: true });
  return buildFixKit({ snapshot, outDir: dir, ...options });
}

/** FIX.cmd's run of fix.ps1 (as administrator unless told otherwise); stdin answers the restart question. */
export function runFix(
  machine: HelperMachine,
  kit: BuiltKit,
  options: { elevated?: boolean; answer?: string; env?: Record<string, string>; languageMode?: 'ConstrainedLanguage' } = {},
): Promise<PwshRun> {
  return runScriptOnDouble(machine, join(kit.dir, 'fix.ps1'), {
    env: { ...machine.env(options.elevated ?? true), ...options.env },
    stdin: options.answer ?? '',
    timeoutMs: 300_000,
    ...(options.languageMode ? { languageMode: options.languageMode } : {}),
  });
}
