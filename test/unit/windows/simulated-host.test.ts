// The simulated Windows host: profiles load, the dispatcher answers like Windows, state changes stick.
import { describe, expect, it } from 'vitest';
import { createSimulatedHost, listSimulatedProfiles, loadMachineProfile } from '../../windows-double/host/index.js';
import { defaultProbeInput } from '../../../src-main/probe/protocol.js';
import { ACS_ROOT_CERTIFICATE } from '../../../src-main/catalogue/root-certificate.js';

const CONTRACT_PROFILES = [
  'healthy-win11',
  'win10-21h2-offline-unpatched',
  'server2019-airgapped-missing-root',
  'win7-sp1-no-esu-rollup',
  'win10-1803-unsupported',
  'probe-events-timeout',
  'constrained-language-fallback',
  'german-server2016-pending-reboot',
];

function collectRequest(stdin = JSON.stringify(defaultProbeInput())) {
  return { file: 'powershell.exe', args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', 'C:\\App\\assets\\probe\\collect.ps1'], stdin, timeoutMs: 30_000 };
}

describe('simulated host profiles', () => {
  it('lists every profile the journeys rely on, each with a title and story', async () => {
    const profiles = await listSimulatedProfiles();
    expect(profiles.map((p) => p.name)).toEqual(expect.arrayContaining(CONTRACT_PROFILES));
    for (const profile of profiles) {
      expect(profile.title.length).toBeGreaterThan(10);
      expect(profile.story.length).toBeGreaterThan(40);
    }
  });

  it('rejects an unknown profile with the list of known ones', async () => {
    await expect(loadMachineProfile('no-such-machine')).rejects.toThrow(/unknown simulated profile "no-such-machine" \(known: .*healthy-win11/);
    await expect(loadMachineProfile('../etc/passwd')).rejects.toThrow(/invalid profile name/);
  });

  it('answers an unknown command as Windows does for a missing program (ENOENT)', async () => {
    const host = await createSimulatedHost('healthy-win11');
    const result = await host.runner.run({ file: 'notepad++.exe', args: [], timeoutMs: 1000 });
    expect(result.spawnError?.code).toBe('ENOENT');
    expect(result.exitCode).toBeNull();
  });

  it('keeps each host separate from the loaded profile', async () => {
    const first = await createSimulatedHost('server2019-airgapped-missing-root');
    first.machine.state.os.ubr = 9999;
    const second = await createSimulatedHost('server2019-airgapped-missing-root');
    expect(second.machine.state.os.ubr).toBe(2237);
  });
});

describe('simulated collector script', () => {
  it('prints a snapshot document and one started/done progress pair per section', async () => {
    const host = await createSimulatedHost('healthy-win11');
    const result = await host.runner.run(collectRequest());
    expect(result.exitCode).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.format).toBe('acs-snapshot');
    expect(document.os.currentBuild).toBe(22631);
    expect(document.os.productName).toBe('Windows 10 Pro');
    const lines = result.stderr
      .trim()
      .split(/\r\n/)
      .map((line) => JSON.parse(line));
    expect(lines.filter((line) => line.status === 'done')).toHaveLength(11);
  });

  it('leaves out events older than 30 days and non-agent services', async () => {
    const host = await createSimulatedHost('win10-21h2-offline-unpatched');
    const document = JSON.parse((await host.runner.run(collectRequest())).stdout);
    expect(document.events.every((event: { time: string }) => event.time >= '2026-10-25')).toBe(true);
    expect(document.services.map((service: { name: string }) => service.name)).not.toContain('wuauserv');
    expect(document.services.find((service: { name: string }) => service.name === 'ntrtscan').exitCode).toBe(577);
  });

  it('reports a hanging section as an error after its budget, the rest still arrives', async () => {
    const host = await createSimulatedHost('probe-events-timeout');
    const document = JSON.parse((await host.runner.run(collectRequest())).stdout);
    expect(document.events).toBeNull();
    expect(document.errors).toContainEqual({ section: 'events', message: 'timed out after 8000 ms' });
    expect(document.services.length).toBeGreaterThan(0);
  });

  it('prints the locked-down marker in Constrained Language Mode and fails to start when PowerShell is blocked', async () => {
    const clm = await createSimulatedHost('constrained-language-fallback');
    const result = await clm.runner.run(collectRequest());
    expect(result.exitCode).toBe(86);
    expect(JSON.parse(result.stdout)).toEqual({ acsProbeUnavailable: true, languageMode: 'ConstrainedLanguage' });
    const blocked = await createSimulatedHost('healthy-win11', { powershell: { availability: 'blocked', version: '5.1' } });
    expect((await blocked.runner.run(collectRequest())).spawnError?.code).toBe('EACCES');
  });
});

describe('simulated machine rules', () => {
  it('a service start fails with 577 and logs SCM 7000 and CodeIntegrity 3004 until the root is trusted', async () => {
    const { machine } = await createSimulatedHost('server2019-airgapped-missing-root');
    const before = machine.state.events.length;
    expect(machine.trustsAcsSignedBinaries()).toBe(false);
    expect(machine.startService('ds_agent')).toMatchObject({ win32ExitCode: 577, started: false });
    const added = machine.state.events.slice(before);
    expect(added.map((event) => event.id)).toEqual([3004, 7000]);
    expect(added[0]?.data).toEqual(['77', '\\Device\\HarddiskVolume2\\Program Files\\Trend Micro\\Deep Security Agent\\dsa.exe', '53', '\\Device\\HarddiskVolume2\\Windows\\System32\\services.exe']);
    expect(added[1]?.data).toEqual(['Trend Micro Deep Security Agent', '%%577']);
    machine.addCertificate('Root', {
      thumbprint: ACS_ROOT_CERTIFICATE.sha1Thumbprint,
      subject: ACS_ROOT_CERTIFICATE.subject,
      issuer: ACS_ROOT_CERTIFICATE.subject,
      notBefore: ACS_ROOT_CERTIFICATE.notBefore,
      notAfter: ACS_ROOT_CERTIFICATE.notAfter,
      serialNumber: ACS_ROOT_CERTIFICATE.serialNumber,
    });
    expect(machine.trustsAcsSignedBinaries()).toBe(true);
    expect(machine.startService('ds_monitor')).toMatchObject({ win32ExitCode: 0, started: true, startedServices: ['ds_agent', 'ds_monitor'] });
    expect(machine.signatureStatus('C:\\Program Files\\Trend Micro\\Deep Security Agent\\dsa.exe')).toBe('Valid');
  });

  it('an installed update lists its KB at once but changes the UBR and ACS support only after reboot', async () => {
    const { machine } = await createSimulatedHost('win10-21h2-offline-unpatched');
    const msu = machine.state.localFiles.find((file) => file.kind === 'msu' && file.architecture === 'x64');
    const x86 = machine.state.localFiles.find((file) => file.kind === 'msu' && file.architecture === 'x86');
    if (msu?.kind !== 'msu' || x86?.kind !== 'msu') throw new Error('profile lost its packages');
    expect(machine.installUpdatePackage(x86)).toBe(false);
    expect(machine.installUpdatePackage(msu)).toBe(true);
    expect(machine.state.hotfixes.map((hotfix) => hotfix.id)).toContain('KB5011487');
    expect(machine.state.os.ubr).toBe(1387);
    expect(machine.state.pendingRebootMarkers).toContain('ComponentBasedServicing.RebootPending');
    machine.reboot();
    expect(machine.state.os.ubr).toBe(1586);
    expect(machine.state.os.acsSupport).toBe(true);
    expect(machine.state.pendingRebootMarkers).toEqual([]);
    // Still no root and no network: services keep failing after the restart.
    expect(machine.service('ntrtscan')?.exitCode).toBe(577);
  });

  it('auto root update fetches the root into AuthRoot when reachable', async () => {
    const { machine } = await createSimulatedHost('german-server2016-pending-reboot', {});
    machine.removeCertificate('AuthRoot', ACS_ROOT_CERTIFICATE.sha1Thumbprint);
    expect(machine.acsRootInTrustedStore()).toBe(false);
    machine.reboot();
    expect(machine.service('ds_agent')?.state).toBe('Running');
    expect(machine.storeHolds('AuthRoot', ACS_ROOT_CERTIFICATE.sha1Thumbprint)).toBe(true);
  });
});

describe('simulated command handlers', () => {
  it('answer every command the probe runs with exactly one handler', async () => {
    const { probeCommandHandlers } = await import('../../windows-double/host/probe-handlers.js');
    const { fixCommandHandlers } = await import('../../windows-double/host/fix-commands.js');
    const { collectSnapshot } = await import('../../../src-main/probe/collect.js');
    const handlers = [...probeCommandHandlers, ...fixCommandHandlers];
    for (const availability of ['full', 'constrained-language'] as const) {
      const host = await createSimulatedHost('german-server2016-pending-reboot', { powershell: { availability, version: '5.1' } });
      await collectSnapshot({ runner: host.runner });
      expect(host.machine.commandLog.length).toBeGreaterThan(0);
      for (const entry of host.machine.commandLog) {
        const request = { file: entry.file, args: entry.args, timeoutMs: 1000 };
        const matching = handlers.filter((handler) => handler.matches(request, host.machine)).map((handler) => handler.name);
        expect(matching, `${entry.file} ${entry.args.join(' ')}`).toHaveLength(1);
      }
    }
  });
});

describe('simulated collector output format', () => {
  it('is one ASCII-only JSON line, non-ASCII escaped, as the script writes it', async () => {
    const host = await createSimulatedHost('german-server2016-pending-reboot');
    const result = await host.runner.run(collectRequest());
    expect(result.stdout).toMatch(/^[\x20-\x7e]+\r\n$/);
    expect(result.stdout).toContain('\\u00fc');
    expect(JSON.parse(result.stdout).events[0].message).toMatch(/überprüft|Dienst/);
  });
});

describe('simulated host in real time', () => {
  it('hands over the progress lines on their schedule when timeScale is set', async () => {
    const host = await createSimulatedHost('healthy-win11', {}, { timeScale: 0.2 });
    const arrivals: { section: string; status: string; at: number }[] = [];
    const started = Date.now();
    const request = { ...collectRequest(), onStderrLine: (line: string) => arrivals.push({ ...JSON.parse(line), at: Date.now() - started }) };
    const result = await host.runner.run(request);
    expect(result.exitCode).toBe(0);
    const hotfixesDone = arrivals.find((entry) => entry.section === 'hotfixes' && entry.status === 'done')!;
    const osDone = arrivals.find((entry) => entry.section === 'os' && entry.status === 'done')!;
    // hotfixes (900 ms simulated) ends after os (15 ms) and roughly 0.2 x 1350 ms after the start.
    expect(arrivals.indexOf(hotfixesDone)).toBeGreaterThan(arrivals.indexOf(osDone));
    expect(hotfixesDone.at).toBeGreaterThanOrEqual(200);
    expect(arrivals.slice(0, 11).every((entry) => entry.status === 'started')).toBe(true);
  });

  it('stops waiting when cancelled', async () => {
    const host = await createSimulatedHost('healthy-win11', {}, { timeScale: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const result = await host.runner.run({ ...collectRequest(), signal: controller.signal });
    expect(result.cancelled).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
