import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createFix } from '../../../src-main/fixes/index.js';
import { configureFixSimulation } from '../../windows-double/host/fix-commands.js';
import type { LocalFile } from '../../windows-double/host/index.js';
import { OFFLINE_PROFILE, UPDATE_X64, UPDATE_X86, program, simulatedFixSetup, type SimulatedFixSetup } from '../../support/simulated-fix-context.js';

const MICROSOFT = 'CN=Microsoft Corporation, O=Microsoft Corporation, L=Redmond, S=Washington, C=US';

function addPackage(setup: SimulatedFixSetup, file: Partial<Extract<LocalFile, { kind: 'msu' | 'cab' }>> & { path: string }): string {
  setup.host.machine.state.localFiles.push({
    kind: 'msu',
    kb: 'KB5011487',
    architecture: 'x64',
    forBuild: 19044,
    resultingUbr: 1586,
    grantsAcsSupport: true,
    signer: MICROSOFT,
    signatureValid: true,
    sizeBytes: 1000,
    ...file,
  });
  return file.path;
}

const installerRuns = (setup: SimulatedFixSetup) => setup.host.machine.commandLog.filter((entry) => /^(wusa|dism)\.exe$/i.test(program(entry.file)));

describe('Windows update fix, offline path (simulated)', () => {
  it('previews the checked package: KB, architecture, signature, size, SHA-256 and the exact wusa command', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const fix = createFix(setup.step('install-windows-update'), setup.context);
    expect(fix.undo).toBeUndefined();
    const preview = await fix.preview({ packagePath: UPDATE_X64 });
    expect(preview.ready).toBe(true);
    expect(preview.checks.map((check) => check.passed)).toEqual([true, true, true, true, true]);
    expect(preview.checks.find((check) => check.id === 'package-contents')?.message).toMatch(/holds KB5011487, as its name says/);
    expect(preview.facts).toMatchObject({ 'KB in file name': 'KB5011487', size: '633.4 MB (664205312 bytes)' });
    expect(preview.commands).toEqual([
      { file: 'C:\\Windows\\System32\\wusa.exe', args: [UPDATE_X64, '/quiet', '/norestart'], elevated: true, purpose: expect.any(String), purposeMessage: { id: 'fix.update.purpose.wusa' } },
    ]);
    expect(installerRuns(setup)).toEqual([]);
  });

  it('installs with wusa through the elevated helper: 3010 -> restart needed, then verified after the restart', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const fix = createFix(setup.step('install-windows-update'), setup.context);
    const outcome = await fix.apply({ packagePath: UPDATE_X64 });
    expect(outcome.status).toBe('reboot-required');
    expect(outcome.next).toBe('reboot');
    expect(outcome.verification?.verified).toBeNull();
    expect(outcome.commands.at(-1)).toMatchObject({ file: 'C:\\Windows\\System32\\wusa.exe', exitCode: 3010, meaning: expect.stringMatching(/restart/) });
    setup.host.machine.reboot();
    const verified = await fix.verify();
    expect(verified.verified).toBe(true);
    expect(verified.message).toMatch(/19044\.1586/);
    expect((await setup.journal.read()).entries.at(-1)).toMatchObject({ step: 'install-windows-update', status: 'reboot-required', details: { packagePath: UPDATE_X64, exitCode: 3010 } });
  });

  it('refuses the wrong architecture before running any installer', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const outcome = await createFix(setup.step('install-windows-update'), setup.context).apply({ packagePath: UPDATE_X86 });
    expect(outcome.status).toBe('refused');
    expect(outcome.message).toMatch(/Built for x86, but this Windows is x64/);
    expect(installerRuns(setup)).toEqual([]);
  });

  it('refuses a KB that is not the one this Windows needs', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const path = addPackage(setup, { path: 'E:\\Updates\\windows10.0-kb5005625-x64_aaaa.msu', kb: 'KB5005625', forBuild: 17763 });
    const outcome = await createFix(setup.step('install-windows-update'), setup.context).apply({ packagePath: path });
    expect(outcome.status).toBe('refused');
    expect(outcome.message).toMatch(/KB5005625 is not an update that fixes this Windows/);
    expect(installerRuns(setup)).toEqual([]);
  });

  it('refuses a package whose Authenticode signature is broken', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const path = addPackage(setup, { path: 'E:\\Updates\\windows10.0-kb5011487-x64_tampered.msu', signatureValid: false });
    const outcome = await createFix(setup.step('install-windows-update'), setup.context).apply({ packagePath: path });
    expect(outcome.status).toBe('refused');
    expect(outcome.message).toMatch(/signature is not valid \(HashMismatch/);
    expect(installerRuns(setup)).toEqual([]);
  });

  it('installs a .cab with DISM; an awkward path stays one argument', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const path = addPackage(setup, { kind: 'cab', path: "E:\\Tech's Fixes & More; 100% `done` ünï\\[1] (x64)\\windows10.0-kb5011487-x64.cab" });
    const outcome = await createFix(setup.step('install-windows-update'), setup.context).apply({ packagePath: path });
    expect(outcome.status, outcome.message).toBe('reboot-required');
    // The real helper copies the package into its own folder, checks the copy and installs that copy.
    const dism = installerRuns(setup)[0]!;
    expect(program(dism.file)).toBe('dism.exe');
    expect(dism.args.filter((arg) => !arg.startsWith('/PackagePath:'))).toEqual(['/Online', '/Add-Package', '/Quiet', '/NoRestart']);
    expect(dism.args.find((arg) => arg.startsWith('/PackagePath:'))).toMatch(/^\/PackagePath:C:\\ProgramData\\ACS Support Assistant\\work\\[0-9a-f-]{36}\\windows10\.0-kb5011487-x64\.cab$/);
  });

  it('a package path with a .. step is refused before anything is approved (the helper would refuse it), in plain words', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const path = addPackage(setup, { path: 'E:\\Updates\\old\\..\\windows10.0-kb5011487-x64_dots.msu' });
    const fix = createFix(setup.step('install-windows-update'), setup.context);
    const preview = await fix.preview({ packagePath: path });
    expect(preview.ready).toBe(false);
    expect(preview.blockers.join(' ')).toMatch(/plain path on a local disk or USB stick.*without \. or \.\. folders/);
    const outcome = await fix.apply({ packagePath: path });
    expect(outcome.status).toBe('refused');
    expect(setup.commandsRun().some((line) => /acs-(elevate|fix-helper)\.ps1/.test(line))).toBe(false);
    expect(installerRuns(setup)).toEqual([]);
  });

  it.each([
    [0, 'reboot-required', /installed/],
    [3010, 'reboot-required', /restart/],
    [2359302, 'reboot-required', /already installed/],
    [-2145124329, 'failed', /does not apply to this computer/],
    [-2146498530, 'failed', /CBS_E_NOT_APPLICABLE/],
    [1618, 'failed', /Another installation is already running/],
    [-2147023895, 'failed', /Unexpected exit code 0x800703E9 \(2147943401 \/ -2147023895\)/],
  ])('wusa exit code %s -> %s in plain words', async (code, status, words) => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    configureFixSimulation(setup.host.machine, { nextInstallerExitCode: code });
    const outcome = await createFix(setup.step('install-windows-update'), setup.context).apply({ packagePath: UPDATE_X64 });
    expect(outcome.status).toBe(status);
    expect(outcome.message).toMatch(words);
    expect((await setup.journal.read()).entries.at(-1)!.details.exitCode).toBe(code);
  });

  it('a real not-applicable answer from the simulated wusa (package for another build)', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const path = addPackage(setup, { path: 'E:\\Updates\\windows10.0-kb5011487-x64_for19043.msu', forBuild: 19043 });
    const outcome = await createFix(setup.step('install-windows-update'), setup.context).apply({ packagePath: path });
    expect(outcome.status).toBe('failed');
    expect(outcome.commands.at(-1)!.exitCode).toBe(-2145124329);
  });

  it('another installation running: 1618 from the simulated machine', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    configureFixSimulation(setup.host.machine, { installInProgress: true });
    const outcome = await createFix(setup.step('install-windows-update'), setup.context).apply({ packagePath: UPDATE_X64 });
    expect(outcome.status).toBe('failed');
    expect(outcome.commands.at(-1)!.exitCode).toBe(1618);
  });

  it('UAC declined: nothing installed, an administrator script that re-checks the same package', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE, { user: { name: 'tech', isAdmin: true, elevated: false, uacAnswer: 'decline' } });
    const outcome = await createFix(setup.step('install-windows-update'), setup.context).apply({ packagePath: UPDATE_X64 });
    expect(outcome.status).toBe('declined');
    expect(installerRuns(setup)).toEqual([]);
    const request = JSON.parse(await readFile(outcome.adminScript!.requestPath, 'utf8'));
    expect(request.request).toMatchObject({ action: 'install-update-package', packagePath: UPDATE_X64, installer: 'wusa', packageSha256: expect.stringMatching(/^[0-9A-F]{64}$/) });
  });
});

describe('Windows update fix, online and guidance paths (simulated)', () => {
  it('opens Settings > Windows Update and starts a scan on Windows 10', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const fix = createFix(setup.step('install-windows-update'), { ...setup.context, network: true });
    const outcome = await fix.apply({ updateSource: 'online' });
    expect(outcome.status).toBe('guidance');
    expect(setup.commandsRun()).toEqual(expect.arrayContaining(['explorer.exe ms-settings:windowsupdate', 'UsoClient.exe StartInteractiveScan']));
    expect(outcome.message).toMatch(/KB5011487/);
  });

  it('without network or file: names the KB and the Microsoft Update Catalog', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const fix = createFix(setup.step('install-windows-update'), setup.context);
    const preview = await fix.preview();
    expect(preview.facts['Microsoft Update Catalog']).toBe('https://www.catalog.update.microsoft.com/Search.aspx?q=KB5011487');
    const outcome = await fix.apply();
    expect(outcome.status).toBe('guidance');
    expect(outcome.message).toMatch(/19044\.1586 or higher/);
  });

  it('on Windows 7 names the prerequisites: SHA-2 support, servicing stack, ESU preparation', async () => {
    const setup = await simulatedFixSetup('win7-sp1-no-esu-rollup');
    const fix = createFix(setup.step('install-windows-update'), { ...setup.context, network: true });
    const guidance = await fix.apply({ updateSource: 'guidance' });
    expect(guidance.message).toMatch(/KB4474419, KB5006749, KB4538483/);
    await fix.apply({ updateSource: 'online' });
    expect(setup.commandsRun()).toEqual(expect.arrayContaining(['control.exe /name Microsoft.WindowsUpdate', 'wuauclt.exe /detectnow']));
  });
});
