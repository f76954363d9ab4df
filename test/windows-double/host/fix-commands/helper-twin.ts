// SIMULATED ONLY: the TypeScript stand-in for the elevated helper on the simulated host (the app's own
// tests and the demo). The product no longer has a TypeScript path that does the helper's work: the app
// always runs assets/fixes/acs-fix-helper.ps1 (directly when already elevated, else through the launcher),
// and that script is tested for real under pwsh on the Windows double (test/powershell/helper-*.test.ts).
// This twin only answers the simulated host's helper commands (./helper.ts) with the same result shape;
// it does not decide what the real helper accepts (./helper.ts validates with the app's strict schema).
import type { CommandResult, CommandRunner } from '#product/windows/command-runner.js';
import { ACS_ROOT_CERTIFICATE } from '#product/catalogue/root-certificate.js';
import { assetPath } from '#product/paths.js';
import { checkRootCertificateFile } from '#product/fixes/certificate-check.js';
import { CERTUTIL_CODES, SERVICE_CODES, SHUTDOWN_CODES, UPDATE_INSTALL_CODES, describeCode, explainCode } from '#product/fixes/exit-codes.js';
import { localFiles, type FileAccess } from '#product/fixes/files.js';
import { commands } from '#product/fixes/actions/commands.js';
import type { ActionRequest, ActionResult, ServiceResult } from '#product/fixes/actions/requests.js';

type Record_ = ActionResult['commands'][number];

const CERTUTIL_TIMEOUT_MS = 60_000;
const SC_TIMEOUT_MS = 30_000;

async function runRecorded(
  runner: CommandRunner,
  command: { file: string; args: readonly string[] },
  timeoutMs: number,
  codes: Parameters<typeof describeCode>[0],
  log: Record_[],
  signal?: AbortSignal,
): Promise<CommandResult> {
  const result = await runner.run({ ...command, timeoutMs, ...(signal ? { signal } : {}) });
  log.push({ file: command.file, args: [...command.args], exitCode: result.exitCode, meaning: describeCode(codes, result.exitCode), elevated: true });
  return result;
}

export async function runActionDirect(runner: CommandRunner, request: ActionRequest, signal?: AbortSignal, files: FileAccess = localFiles): Promise<ActionResult> {
  switch (request.action) {
    case 'import-root-certificate':
      return importRoot(runner, request, signal, files);
    case 'remove-root-certificate':
      return removeRoot(runner, request, signal);
    case 'install-update-package':
      return installPackage(runner, request, signal, files);
    case 'start-services':
      return startServices(runner, request, signal);
    case 'restart-computer':
      return restart(runner, request, signal);
  }
}

async function importRoot(runner: CommandRunner, request: Extract<ActionRequest, { action: 'import-root-certificate' }>, signal: AbortSignal | undefined, files: FileAccess): Promise<ActionResult> {
  const log: Record_[] = [];
  const base = { action: request.action, commands: log } as const;
  // Checked again here: the file may have changed since the person saw the preview.
  const certificateFile = assetPath(ACS_ROOT_CERTIFICATE.derFile);
  const check = await checkRootCertificateFile(certificateFile, new Date(), files);
  if (!check.ok || check.sha1Thumbprint !== request.sha1Thumbprint || check.sha256Fingerprint !== request.sha256Fingerprint) {
    const failed = check.checks.filter((item) => !item.passed).map((item) => item.message);
    return { ...base, status: 'refused', exitCode: null, message: `Refused: ${failed.join(' ') || 'the file changed since it was checked.'} Nothing was imported.` };
  }
  const before = await runRecorded(runner, commands.findRootCertificate(request.sha1Thumbprint), CERTUTIL_TIMEOUT_MS, CERTUTIL_CODES, log, signal);
  // certutil -store lists matches; look for the thumbprint itself (older versions print it with spaces).
  const present = before.exitCode === 0 && before.stdout.replace(/\s/g, '').toUpperCase().includes(request.sha1Thumbprint);
  if (present) return { ...base, status: 'already-done', exitCode: 0, alreadyPresent: true, message: "The root certificate is already in the machine's Trusted Root store; nothing was changed." };
  const added = await runRecorded(runner, commands.addRootCertificate(certificateFile), CERTUTIL_TIMEOUT_MS, CERTUTIL_CODES, log, signal);
  const meaning = explainCode(CERTUTIL_CODES, added.exitCode);
  if (added.exitCode === 0) return { ...base, status: 'ok', exitCode: 0, alreadyPresent: false, message: "The root certificate was added to the machine's Trusted Root store." };
  return { ...base, status: meaning.outcome === 'access-denied' ? 'access-denied' : 'failed', exitCode: added.exitCode, alreadyPresent: false, message: meaning.words };
}

async function removeRoot(runner: CommandRunner, request: Extract<ActionRequest, { action: 'remove-root-certificate' }>, signal?: AbortSignal): Promise<ActionResult> {
  const log: Record_[] = [];
  const removed = await runRecorded(runner, commands.removeRootCertificate(request.sha1Thumbprint), CERTUTIL_TIMEOUT_MS, CERTUTIL_CODES, log, signal);
  const meaning = explainCode(CERTUTIL_CODES, removed.exitCode);
  if (removed.exitCode === 0) return { action: request.action, commands: log, status: 'ok', exitCode: 0, message: "The root certificate was removed from the machine's Trusted Root store." };
  if ((removed.exitCode ?? 0) >>> 0 === 0x80092004)
    return { action: request.action, commands: log, status: 'already-done', exitCode: removed.exitCode, message: 'The certificate was no longer in the store.' };
  return { action: request.action, commands: log, status: meaning.outcome === 'access-denied' ? 'access-denied' : 'failed', exitCode: removed.exitCode, message: meaning.words };
}

async function installPackage(runner: CommandRunner, request: Extract<ActionRequest, { action: 'install-update-package' }>, signal: AbortSignal | undefined, files: FileAccess): Promise<ActionResult> {
  const log: Record_[] = [];
  const base = { action: request.action, commands: log } as const;
  let hash: string;
  try {
    hash = await files.sha256(request.packagePath);
  } catch {
    return { ...base, status: 'refused', exitCode: null, message: `The package file cannot be read any more: ${request.packagePath}. Nothing was installed.` };
  }
  if (hash !== request.packageSha256) return { ...base, status: 'refused', exitCode: null, message: 'The package file changed after it was checked (different SHA-256). Nothing was installed.' };
  const command = request.installer === 'wusa' ? commands.wusaInstall(request.packagePath) : commands.dismAddPackage(request.packagePath);
  const ran = await runRecorded(runner, command, request.timeoutMs, UPDATE_INSTALL_CODES, log, signal);
  const meaning = explainCode(UPDATE_INSTALL_CODES, ran.exitCode);
  const status: ActionResult['status'] =
    meaning.outcome === 'success'
      ? 'ok'
      : meaning.outcome === 'already-done'
        ? 'already-done'
        : meaning.outcome === 'reboot-required'
          ? 'reboot-required'
          : meaning.outcome === 'not-applicable'
            ? 'not-applicable'
            : meaning.outcome === 'busy'
              ? 'busy'
              : meaning.outcome === 'access-denied'
                ? 'access-denied'
                : meaning.outcome === 'declined'
                  ? 'declined'
                  : 'failed';
  const timedOut = ran.timedOut ? ` The installer did not finish within ${Math.round(request.timeoutMs / 60000)} minutes.` : '';
  return { ...base, status, exitCode: ran.exitCode, message: meaning.words + timedOut };
}

/** Reads "STATE : 4  RUNNING" and "WIN32_EXIT_CODE : 577 (0x241)" from sc.exe query output (labels are not translated). */
export function parseScQuery(stdout: string): { state: string | null; win32ExitCode: number | null } {
  const state = /STATE\s*:\s*\d+\s+([A-Z_]+)/.exec(stdout)?.[1] ?? null;
  const exit = /WIN32_EXIT_CODE\s*:\s*(\d+)/.exec(stdout)?.[1];
  return { state, win32ExitCode: exit === undefined ? null : Number(exit) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startOne(runner: CommandRunner, name: string, timeoutMs: number, pollMs: number, log: Record_[], signal?: AbortSignal): Promise<ServiceResult> {
  const started = await runRecorded(runner, commands.startService(name), SC_TIMEOUT_MS, SERVICE_CODES, log, signal);
  const startMeaning = explainCode(SERVICE_CODES, started.exitCode);
  if (started.exitCode !== 0 && started.exitCode !== 1056) {
    return { name, state: 'STOPPED', startExitCode: started.exitCode, win32ExitCode: started.exitCode, running: false, timedOut: false, message: startMeaning.words };
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const query = await runRecorded(runner, commands.queryService(name), SC_TIMEOUT_MS, SERVICE_CODES, log, signal);
    const parsed = parseScQuery(query.stdout);
    if (parsed.state === 'RUNNING')
      return {
        name,
        state: 'RUNNING',
        startExitCode: started.exitCode,
        win32ExitCode: parsed.win32ExitCode,
        running: true,
        timedOut: false,
        message: started.exitCode === 1056 ? 'Already running.' : 'Running.',
      };
    if (parsed.state === 'STOPPED' || parsed.state === null) {
      const code = parsed.win32ExitCode;
      return {
        name,
        state: parsed.state ?? 'UNKNOWN',
        startExitCode: started.exitCode,
        win32ExitCode: code,
        running: false,
        timedOut: false,
        message: code ? explainCode(SERVICE_CODES, code).words : 'The service stopped again right after starting.',
      };
    }
    if (Date.now() >= deadline || signal?.aborted)
      return {
        name,
        state: parsed.state,
        startExitCode: started.exitCode,
        win32ExitCode: parsed.win32ExitCode,
        running: false,
        timedOut: true,
        message: `Still ${parsed.state.toLowerCase().replace('_', ' ')} after ${Math.round(timeoutMs / 1000)} s.`,
      };
    await sleep(pollMs);
  }
}

async function startServices(runner: CommandRunner, request: Extract<ActionRequest, { action: 'start-services' }>, signal?: AbortSignal): Promise<ActionResult> {
  const log: Record_[] = [];
  const services: ServiceResult[] = [];
  for (const name of request.services) services.push(await startOne(runner, name, request.timeoutMs, request.pollIntervalMs, log, signal));
  const denied = services.some((service) => service.startExitCode === 5);
  const allRunning = services.every((service) => service.running);
  const status: ActionResult['status'] = allRunning ? 'ok' : denied ? 'access-denied' : 'failed';
  const firstProblem = services.find((service) => !service.running);
  return {
    action: request.action,
    commands: log,
    services,
    status,
    exitCode: firstProblem?.win32ExitCode ?? 0,
    message: allRunning ? 'Every service is running.' : `${services.filter((s) => !s.running).length} of ${services.length} services are not running.`,
  };
}

async function restart(runner: CommandRunner, request: Extract<ActionRequest, { action: 'restart-computer' }>, signal?: AbortSignal): Promise<ActionResult> {
  const log: Record_[] = [];
  const ran = await runRecorded(runner, commands.restart(request.delaySeconds, request.comment), 30_000, SHUTDOWN_CODES, log, signal);
  const meaning = explainCode(SHUTDOWN_CODES, ran.exitCode);
  return {
    action: request.action,
    commands: log,
    status: ran.exitCode === 0 ? 'ok' : meaning.outcome === 'access-denied' ? 'access-denied' : 'failed',
    exitCode: ran.exitCode,
    message: meaning.words,
  };
}
