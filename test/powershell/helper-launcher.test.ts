// Issue 10, defect 2 and issue 11: the elevation launcher (assets/fixes/acs-elevate.ps1), run for real under
// pwsh on the Windows double. It starts the helper with [Diagnostics.Process]::Start + ProcessStartInfo
// (Verb 'runas', UseShellExecute), so a declined UAC prompt arrives as Win32Exception 1223 and the app can
// offer the administrator script. The launcher it replaces (Start-Process -Verb RunAs) is kept below, as
// it was shipped, to show the defect on the same double: it exits 1 ("failed") for a declined prompt.
import { ACS_ROOT_CERTIFICATE } from '#product/catalogue/root-certificate.js';
import { afterEach, describe, expect, test } from 'vitest';
import { loadMachineProfile } from '../windows-double/host/index.js';
import type { MachineState } from '../windows-double/host/machine-state.js';
import { createHelperMachine, HELPER_SCRIPT, runLauncher, writeRequest, type HelperMachine } from '../support/helper-double.js';
import { doubleEnvironment, findPwsh, pwshMissingOutsideCi, runProcess } from '../support/pwsh.js';

const missing = pwshMissingOutsideCi();
const suite = missing ? describe.skip : describe;
const TIMEOUT = 180_000;
/** What the test sees of exit code 1223: Linux keeps only the low 8 bits of a process exit code (199). */
const DECLINED = process.platform === 'win32' ? 1223 : 1223 & 0xff;
const ROOT = { action: 'import-root-certificate', sha1Thumbprint: ACS_ROOT_CERTIFICATE.sha1Thumbprint, sha256Fingerprint: ACS_ROOT_CERTIFICATE.sha256Fingerprint };

/** The launcher as shipped before this change (src-main/fixes/elevation.ts, ELEVATION_LAUNCHER_SCRIPT). */
const START_PROCESS_LAUNCHER = [
  "$ErrorActionPreference = 'Stop'",
  "$argList = @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', ('\"' + $env:ACS_HELPER_SCRIPT + '\"'), '-ActionId', $env:ACS_HELPER_ACTION, '-RequestFile', ('\"' + $env:ACS_HELPER_REQUEST + '\"'))",
  "try { $p = Start-Process -FilePath (Join-Path $env:SystemRoot 'System32\\WindowsPowerShell\\v1.0\\powershell.exe') -ArgumentList $argList -Verb RunAs -WindowStyle Hidden -Wait -PassThru; exit $p.ExitCode }",
  'catch { $e = $_.Exception; while ($e) { if ($e -is [System.ComponentModel.Win32Exception] -and $e.NativeErrorCode -eq 1223) { exit 1223 }; $e = $e.InnerException }; [Console]::Error.WriteLine($_.Exception.Message); exit 1 }',
].join('\n');

const machines: HelperMachine[] = [];
afterEach(async () => {
  await Promise.all(machines.splice(0).map((machine) => machine.dispose()));
});
async function machineWith(user: Partial<MachineState['user']>): Promise<HelperMachine> {
  const { machine: state } = await loadMachineProfile('win10-21h2-offline-unpatched');
  state.user = { ...state.user, ...user };
  const machine = await createHelperMachine(state);
  machines.push(machine);
  return machine;
}
const hasRoot = async (machine: HelperMachine) => (await machine.state()).certificateStores.Root.some((cert) => cert.thumbprint === ACS_ROOT_CERTIFICATE.sha1Thumbprint);

suite('the elevation launcher (real script, pwsh, Windows double)', () => {
  test(
    'declined UAC prompt: exit 1223 (the Start-Process launcher said 1, "failed"); nothing changed',
    async () => {
      const machine = await machineWith({ uacAnswer: 'decline' });
      const run = await runLauncher(machine, ROOT);
      expect(run.exitCode).toBe(DECLINED);
      expect(run.result).toBeNull();
      expect(await hasRoot(machine)).toBe(false);

      // Before the fix: Start-Process -Verb RunAs throws InvalidOperationException without an inner exception.
      const { requestFile } = await writeRequest(machine, ROOT);
      const env = {
        ...doubleEnvironment(machine, await machine.state(), machine.env(false)),
        ACS_HELPER_SCRIPT: HELPER_SCRIPT,
        ACS_HELPER_ACTION: 'import-root-certificate',
        ACS_HELPER_REQUEST: requestFile,
        SystemRoot: machine.dir,
      };
      const old = await runProcess(findPwsh()!, ['-NoProfile', '-NonInteractive', '-Command', `Import-Module $env:ACS_WINDOWS_DOUBLE\n${START_PROCESS_LAUNCHER}`], {
        env,
        stdin: '',
        timeoutMs: 60_000,
        cwd: machine.dir,
      });
      expect(old.exitCode).toBe(1);
      expect(old.stderr).toContain('canceled by the user');
    },
    TIMEOUT,
  );

  test(
    'a standard account (no administrator to approve) is the same as declining: 1223',
    async () => {
      const machine = await machineWith({ isAdmin: false, uacAnswer: 'accept' });
      const run = await runLauncher(machine, ROOT);
      expect(run.exitCode).toBe(DECLINED);
      expect(await hasRoot(machine)).toBe(false);
    },
    TIMEOUT,
  );

  test(
    'accepted: the helper runs elevated with the request hash and run id, and its result is in its own folder',
    async () => {
      const machine = await machineWith({ uacAnswer: 'accept', isAdmin: true, elevated: false });
      const run = await runLauncher(machine, ROOT);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.result, JSON.stringify(run.result)).toMatchObject({ action: 'import-root-certificate', status: 'ok' });
      expect(await hasRoot(machine)).toBe(true);
    },
    TIMEOUT,
  );

  test(
    'the launcher refuses values that are not an action id, a SHA-256 or a run id (exit 2, nothing started)',
    async () => {
      const machine = await machineWith({ uacAnswer: 'accept', isAdmin: true });
      const values: Record<string, string>[] = [
        { ACS_HELPER_ACTION: 'format-disk' },
        { ACS_HELPER_REQUEST_SHA256: 'abc' },
        { ACS_HELPER_RUN_ID: '../../x' },
        { ACS_HELPER_REQUEST: 'C:\\x" -Command "evil' },
      ];
      for (const launcherEnv of values) {
        const run = await runLauncher(machine, ROOT, { launcherEnv });
        expect(run.exitCode, JSON.stringify(launcherEnv)).toBe(2);
      }
      expect(await hasRoot(machine)).toBe(false);
    },
    TIMEOUT,
  );
});
