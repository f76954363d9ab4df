// The Intune Remediations pair (assets/fleet/) run for real under pwsh on the Windows double, for every
// simulated profile, as Intune runs them: as SYSTEM, 64-bit, no input; Intune reads the exit code and
// the last line of output (at most 2,048 characters).
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ACS_ROOT_CERTIFICATE } from '#product/catalogue/root-certificate.js';
import { loadMachineProfile } from '../windows-double/host/index.js';
import type { MachineState } from '../windows-double/host/machine-state.js';
import { createDoubleMachine, pwshMissingOutsideCi, SIMULATED_PROFILES, REPO_ROOT, runScriptOnDouble, type DoubleMachine } from '../support/pwsh.js';

const DETECT = join(REPO_ROOT, 'assets/fleet/detect-acs-readiness.ps1');
const REMEDIATE = join(REPO_ROOT, 'assets/fleet/remediate-acs-root.ps1');
const PROFILES = SIMULATED_PROFILES;
const missing = pwshMissingOutsideCi();

const machines: DoubleMachine[] = [];
afterAll(async () => Promise.all(machines.map((machine) => machine.dispose())));

/** The machine as Intune's agent meets it: the script runs as SYSTEM (elevated). */
async function asSystem(profile: string, change: (state: MachineState) => void = () => undefined): Promise<DoubleMachine> {
  const loaded = await loadMachineProfile(profile);
  loaded.machine.user.elevated = true;
  loaded.machine.user.isAdmin = true;
  change(loaded.machine);
  const machine = await createDoubleMachine(loaded.machine);
  machines.push(machine);
  return machine;
}

function intuneLine(stdout: string): string {
  const lines = stdout.split(/\r?\n/).filter((line) => line.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]!.length).toBeLessThanOrEqual(2048);
  return lines[0]!;
}

describe.skipIf(missing !== null)('Intune detection on every simulated machine', () => {
  for (const name of PROFILES) {
    it(name, { timeout: 60_000 }, async () => {
      const profile = await loadMachineProfile(name);
      const machine = await asSystem(name);
      const run = await runScriptOnDouble(machine, DETECT, {
        strictLatest: true,
        languageMode: profile.machine.powershell.availability === 'constrained-language' ? 'ConstrainedLanguage' : 'FullLanguage',
      });
      const line = intuneLine(run.stdout);
      expect(run.stderr).toBe('');
      if (profile.machine.powershell.availability === 'constrained-language') {
        expect(line).toMatch(/^ACS check not run: PowerShell runs in ConstrainedLanguage mode/);
        expect(run.exitCode).toBe(1);
        return;
      }
      const verdict = profile.expected?.verdict;
      expect(line).toMatch(verdict === 'ready' ? /^ACS ready: / : /^ACS action-required: /);
      expect(run.exitCode).toBe(verdict === 'ready' ? 0 : 1);
    });
  }
});

describe.skipIf(missing !== null)('Intune pair: refusals and the remediation', () => {
  it('refuses to run as a 32-bit process on 64-bit Windows (Intune’s default), with one clear line', { timeout: 60_000 }, async () => {
    const machine = await asSystem('healthy-win11');
    for (const script of [DETECT, REMEDIATE]) {
      const run = await runScriptOnDouble(machine, script, { env: { PROCESSOR_ARCHITECTURE: 'x86', PROCESSOR_ARCHITEW6432: 'AMD64' } });
      expect(intuneLine(run.stdout)).toBe('ACS check not run: started as a 32-bit process on 64-bit Windows. In Intune set "Run script in 64-bit PowerShell host" to Yes.');
      expect(run.exitCode).toBe(1);
    }
  });

  it('in ConstrainedLanguage both say so instead of failing with "Cannot create type"', { timeout: 60_000 }, async () => {
    const machine = await asSystem('healthy-win11');
    for (const script of [DETECT, REMEDIATE]) {
      const run = await runScriptOnDouble(machine, script, { languageMode: 'ConstrainedLanguage' });
      expect(intuneLine(run.stdout)).toMatch(/^ACS check not run: PowerShell runs in ConstrainedLanguage mode \(AppLocker or WDAC\)/);
      expect(run.exitCode).toBe(1);
    }
  });

  it('air-gapped Server 2019 without the root: remediation adds the pinned root from its own bytes, detection then finds it', { timeout: 90_000 }, async () => {
    const machine = await asSystem('server2019-airgapped-missing-root');
    const before = await runScriptOnDouble(machine, DETECT);
    expect(intuneLine(before.stdout)).toMatch(/ACS root missing/);
    const fixed = await runScriptOnDouble(machine, REMEDIATE, { strictLatest: true });
    expect(intuneLine(fixed.stdout)).toMatch(/^ACS root installed into LocalMachine\\Root/);
    expect(fixed.exitCode).toBe(0);
    const state = await machine.state();
    expect(state.certificateStores.Root.map((cert) => cert.thumbprint)).toContain(ACS_ROOT_CERTIFICATE.sha1Thumbprint);
    const root = state.certificateStores.Root.find((cert) => cert.thumbprint === ACS_ROOT_CERTIFICATE.sha1Thumbprint)!;
    expect(root.subject).toBe(ACS_ROOT_CERTIFICATE.subject);
    const after = await runScriptOnDouble(machine, DETECT);
    expect(intuneLine(after.stdout)).toMatch(/ACS root present/);
    // Run again: nothing to do.
    const again = await runScriptOnDouble(machine, REMEDIATE);
    expect(intuneLine(again.stdout)).toBe('ACS root already present: nothing to do.');
  });

  it('leaves a root an administrator put in Disallowed alone', { timeout: 60_000 }, async () => {
    const machine = await asSystem('japanese-win10-root-disallowed');
    const run = await runScriptOnDouble(machine, REMEDIATE);
    expect(intuneLine(run.stdout)).toMatch(/Disallowed store: an administrator blocked it on purpose/);
    expect(run.exitCode).toBe(1);
    expect((await machine.state()).certificateStores.Root.some((cert) => cert.thumbprint === ACS_ROOT_CERTIFICATE.sha1Thumbprint)).toBe(false);
  });

  it('without administrator rights the store refuses and the line says so', { timeout: 60_000 }, async () => {
    const machine = await asSystem('server2019-airgapped-missing-root', (state) => {
      state.user.elevated = false;
    });
    const run = await runScriptOnDouble(machine, REMEDIATE);
    expect(intuneLine(run.stdout)).toMatch(/^ACS root could not be installed: .*Access is denied/);
    expect(run.exitCode).toBe(1);
  });
});
