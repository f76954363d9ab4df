// Builds a field kit on the technician's laptop (docs/field-kit.md): from a received snapshot and its
// diagnosis, a folder for a USB stick that fixes that one computer without the app (FIX.cmd → fix.ps1 →
// the shipped elevated helper), or a collector-only folder (COLLECT.cmd → collect.ps1).
// The update package is checked here first (KB, architecture, contents, Microsoft signature: the same
// checks as the app's update fix, src-main/fixes/package-check.ts); fix.ps1 and the helper check it again
// on the target. Every file's SHA-256 goes into manifest.json.
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { diagnose } from '../diagnosis/diagnose.js';
import type { Diagnosis, PlanStep } from '../diagnosis/schema.js';
import type { PackageCheck, PackageExpectation } from '../fixes/package-check.js';
import { assetPath } from '../paths.js';
import { SECTION_BUDGET_MS } from '../probe/protocol.js';
import { isWindowsOs, type Snapshot, type WindowsOs } from '../snapshot/schema.js';
import { fileSha256, KIT_FORMAT, KIT_JSON, KIT_STEP_KINDS, MANIFEST_FORMAT, MANIFEST_JSON, type KitDescription, type KitManifest, type KitStep, type KitStepKind } from './kit-files.js';
import { message, renderMessage, type MessageParam, type MessageRef } from '../shared/i18n/index.js';
import { encodeCmdFile, fillCmdTemplate, fillFixScript, fillReadme, loadKitTexts, type KitLanguage } from './texts.js';

/** The desktop app (Electron 45) runs on Windows 10 / Server 2016 (build 10240) and later. */
export const APP_MINIMUM_BUILD = 10240;

/** Can the desktop app itself run on the Windows of this snapshot? (Windows 7, 8.1, Server 2008 – 2012 R2: no.) */
export function appRunsOn(snapshot: Snapshot): boolean {
  return isWindowsOs(snapshot.os) && snapshot.os.currentBuild >= APP_MINIMUM_BUILD;
}

export type KitErrorCode = 'not-windows' | 'nothing-to-fix' | 'cannot-diagnose' | 'steps-not-in-kit' | 'package-needed' | 'package-not-needed' | 'package-refused' | 'out-not-empty';

/** Why no kit was built: English words (`message`, `details`) and the same as messages of the catalogue (kit.error.*). */
export class KitError extends Error {
  readonly messageRef: MessageRef;
  readonly details: readonly string[];
  constructor(
    readonly code: KitErrorCode,
    messageRef: MessageRef,
    readonly detailsMessages: readonly MessageRef[] = [],
  ) {
    super(renderMessage(messageRef, 'en'));
    this.messageRef = messageRef;
    this.details = detailsMessages.map((ref) => renderMessage(ref, 'en'));
  }
}

const kitMessage = (id: Parameters<typeof message>[0], params?: Readonly<Record<string, MessageParam>>) => message(id, params);

export type CheckPackage = (path: string, expected: PackageExpectation) => Promise<PackageCheck>;

export interface FixKitInput {
  snapshot: Snapshot;
  outDir: string;
  /** The update package the person chose (needed when the plan installs an update). */
  packagePath?: string;
  /** The package checks of the app's update fix, on the laptop (its runner asks Windows for the signature). */
  checkPackage?: CheckPackage;
  language?: KitLanguage;
  now?: () => Date;
}

export interface BuiltKit {
  dir: string;
  kind: 'fix' | 'collector';
  manifest: KitManifest;
  kit: KitDescription | null;
  diagnosis: Diagnosis | null;
  packageChecks: PackageCheck['checks'];
}

const ROOT_CERTIFICATE_FILE = 'microsoft-identity-verification-root-2020.cer';

/** Refuses a folder that already holds files (a kit never overwrites what is on a stick). */
async function prepareOutDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const present = await readdir(dir);
  if (present.length > 0) throw new KitError('out-not-empty', kitMessage('kit.error.notEmpty', { dir }));
}

function kitPackageName(path: string, kb: string, architecture: string): string {
  const name = basename(path.replace(/\\/g, '/'));
  if (/^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/.test(name)) return name;
  return `windows-update-${kb.toLowerCase()}-${architecture}${extname(name).toLowerCase()}`;
}

async function writeManifest(dir: string, kind: KitManifest['kind'], names: readonly string[]): Promise<KitManifest> {
  const files: KitManifest['files'] = [];
  for (const name of names) files.push({ path: name, sha256: await fileSha256(join(dir, name)), bytes: (await stat(join(dir, name))).size });
  const manifest: KitManifest = { format: MANIFEST_FORMAT, version: 1, kind, files };
  await writeFile(join(dir, MANIFEST_JSON), JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  return manifest;
}

/** COLLECT.cmd and collect.ps1 (in every kit: the stick can check the computer again). */
async function writeCollectorFiles(dir: string, texts: Awaited<ReturnType<typeof loadKitTexts>>): Promise<string[]> {
  await writeFile(join(dir, 'COLLECT.cmd'), encodeCmdFile(fillCmdTemplate(await readFile(assetPath('kit', 'COLLECT.cmd'), 'utf8'), texts.cmd, texts.language), texts.language));
  await copyFile(assetPath('probe', 'collect.ps1'), join(dir, 'collect.ps1'));
  return ['COLLECT.cmd', 'collect.ps1'];
}

/** `kit --collector-only`: a stick that only checks computers. */
export async function buildCollectorKit(outDir: string, language: KitLanguage = 'en'): Promise<BuiltKit> {
  const texts = await loadKitTexts(language);
  await prepareOutDir(outDir);
  const names = await writeCollectorFiles(outDir, texts);
  await writeFile(join(outDir, 'README.txt'), '\uFEFF' + fillReadme(texts.readme.collect, {}), 'utf8');
  names.push('README.txt');
  const manifest = await writeManifest(outDir, 'collector', names);
  return { dir: outDir, kind: 'collector', manifest, kit: null, diagnosis: null, packageChecks: [] };
}

function isKitStep(step: PlanStep): step is PlanStep & { step: KitStepKind } {
  return (KIT_STEP_KINDS as readonly string[]).includes(step.step);
}

/** The checks of the app's update fix, for this plan step and this Windows. */
export function packageExpectation(step: PlanStep, os: WindowsOs): PackageExpectation {
  const accepted = [...new Set([step.kb, ...(step.acceptedKbs ?? [])].filter((kb): kb is string => !!kb).map((kb) => kb.toUpperCase()))];
  return { acceptedKbs: accepted, acceptLaterThan: step.acceptsLaterKbs ? (step.kb ?? null) : null, architecture: os.architecture };
}

/** `kit SNAPSHOT --out DIR [--package FILE]`: the fix kit for the computer of this snapshot. */
export async function buildFixKit(input: FixKitInput): Promise<BuiltKit> {
  const { snapshot } = input;
  if (!isWindowsOs(snapshot.os)) throw new KitError('not-windows', kitMessage('kit.error.notWindows'));
  const os = snapshot.os;
  const computerName = snapshot.host?.computerName;
  if (!computerName) throw new KitError('cannot-diagnose', kitMessage('kit.error.noComputerName'));
  const diagnosis = diagnose(snapshot);
  if (diagnosis.verdict === 'ready') throw new KitError('nothing-to-fix', kitMessage('kit.error.nothingToFix'));
  if (diagnosis.verdict !== 'action-required') throw new KitError('cannot-diagnose', kitMessage('kit.error.cannotDiagnose', { headline: diagnosis.headlineMessage ?? diagnosis.headline }));
  const notInKit = diagnosis.plan.filter((step) => !isKitStep(step));
  if (notInKit.length > 0 || diagnosis.plan.length === 0) {
    throw new KitError(
      'steps-not-in-kit',
      kitMessage('kit.error.stepsNotInKit'),
      notInKit.map((step) => step.titleMessage ?? kitMessage('kit.text', { text: step.title })),
    );
  }
  const updateStep = diagnosis.plan.find((step) => step.step === 'install-windows-update');
  if (updateStep && !input.packagePath) {
    const kbs = packageExpectation(updateStep, os).acceptedKbs;
    throw new KitError('package-needed', kitMessage('kit.error.packageNeeded', { kb: kbs[0] ?? kitMessage('kit.error.seeDiagnosis'), more: kbs.length > 1, arch: os.architecture }));
  }
  if (!updateStep && input.packagePath) throw new KitError('package-not-needed', kitMessage('kit.error.packageNotNeeded'));
  let packageCheck: PackageCheck | null = null;
  if (updateStep && input.packagePath) {
    if (!input.checkPackage) throw new KitError('package-refused', kitMessage('kit.error.cannotCheck'));
    packageCheck = await input.checkPackage(input.packagePath, packageExpectation(updateStep, os));
    if (!packageCheck.ok || !packageCheck.sha256 || !packageCheck.name.kb || !packageCheck.installer) {
      throw new KitError(
        'package-refused',
        kitMessage('kit.error.packageRefused'),
        packageCheck.checks.filter((check) => !check.passed).map((check) => check.messageRef ?? kitMessage('kit.text', { text: check.message })),
      );
    }
  }

  const language = input.language ?? 'en';
  const texts = await loadKitTexts(language);
  const outDir = input.outDir;
  await prepareOutDir(outDir);
  const now = (input.now ?? (() => new Date()))();
  const steps: KitStep[] = [];
  const names: string[] = [];
  for (const step of diagnosis.plan.filter(isKitStep)) {
    // The kit speaks its own language: fix.ps1 shows the step titles, README.txt lists them.
    const entry: KitStep = { step: step.step, title: step.titleMessage ? renderMessage(step.titleMessage, language, step.title) : step.title };
    if (step.step === 'install-windows-update' && packageCheck && input.packagePath) {
      const file = kitPackageName(input.packagePath, packageCheck.name.kb!, os.architecture);
      await copyFile(input.packagePath, join(outDir, file));
      // The copy on the stick must be the file that was checked.
      const copied = await fileSha256(join(outDir, file));
      if (copied !== packageCheck.sha256!.toUpperCase()) throw new KitError('package-refused', kitMessage('kit.error.packageChanged'));
      entry.package = { file, kb: packageCheck.name.kb!, sha256: copied, installer: packageCheck.installer! };
      names.push(file);
    }
    if (step.step === 'start-agent-services') entry.services = [...(step.services ?? [])];
    steps.push(entry);
  }
  const kit: KitDescription = {
    format: KIT_FORMAT,
    version: 1,
    kitId: randomUUID(),
    createdAt: now.toISOString(),
    language: texts.language,
    snapshotCollectedAt: snapshot.collectedAt,
    // The fresh check at the end: offline, and four times the app's time budgets (old machines are slow; a person waits anyway).
    collectorInput: JSON.stringify({ network: false, budgetsMs: Object.fromEntries(Object.entries(SECTION_BUDGET_MS).map(([section, ms]) => [section, ms * 4])) }),
    target: { computerName, currentBuild: os.currentBuild, architecture: os.architecture, productName: os.productName },
    steps,
  };
  await writeFile(join(outDir, KIT_JSON), JSON.stringify(kit, null, 2) + '\n', 'utf8');
  // With a byte-order mark: Windows PowerShell reads a script without one in the ANSI code page (texts of other languages).
  await writeFile(join(outDir, 'fix.ps1'), '\uFEFF' + fillFixScript(await readFile(assetPath('kit', 'fix.ps1'), 'utf8'), texts.fix), 'utf8');
  await writeFile(join(outDir, 'FIX.cmd'), encodeCmdFile(fillCmdTemplate(await readFile(assetPath('kit', 'FIX.cmd'), 'utf8'), texts.cmd, language), language));
  await copyFile(assetPath('fixes', 'acs-fix-helper.ps1'), join(outDir, 'acs-fix-helper.ps1'));
  await copyFile(assetPath('certificates', ROOT_CERTIFICATE_FILE), join(outDir, ROOT_CERTIFICATE_FILE));
  names.push(KIT_JSON, 'fix.ps1', 'FIX.cmd', 'acs-fix-helper.ps1', ROOT_CERTIFICATE_FILE, ...(await writeCollectorFiles(outDir, texts)));
  const stepLines = steps.map((step, index) => `  ${index + 1}. ${step.title}${step.package ? ` (${step.package.file})` : ''}`).join('\r\n');
  const readme = fillReadme(texts.readme.fix, {
    computerName: kit.target.computerName,
    product: kit.target.productName,
    build: String(kit.target.currentBuild),
    createdAt: kit.createdAt.slice(0, 10),
    collectedAt: snapshot.collectedAt.slice(0, 10),
    steps: stepLines,
  });
  // With a byte-order mark: Notepad before Windows 10 1903 reads a file without one in the ANSI code page.
  await writeFile(join(outDir, 'README.txt'), '\uFEFF' + readme, 'utf8');
  names.push('README.txt');
  const manifest = await writeManifest(outDir, 'fix', names);
  return { dir: outDir, kind: 'fix', manifest, kit, diagnosis, packageChecks: packageCheck?.checks ?? [] };
}
