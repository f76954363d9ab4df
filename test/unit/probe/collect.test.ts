// collectSnapshot on the simulated host: every profile through collect -> diagnose, one PowerShell
// process, fault isolation per section on both paths, the locked-down fallback, cancellation.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import { collectSnapshot, collectSnapshotWithPath, CollectionCancelledError, PROBE_SECTIONS, type ProbeProgress } from '../../../src-main/probe/collect.js';
import { snapshotSchema } from '../../../src-main/snapshot/schema.js';
import { CountingRunner } from '../../../src-main/windows/command-runner.js';
import { commandName } from '../../windows-double/host/dispatcher.js';
import { createSimulatedHost, listSimulatedProfiles, loadMachineProfile } from '../../windows-double/host/index.js';
import type { SimulatedFault } from '../../windows-double/host/machine-state.js';

const profiles = await listSimulatedProfiles();

describe('every profile through collect -> diagnose', () => {
  it.each(profiles.map((profile) => profile.name))('%s', async (name) => {
    const profile = await loadMachineProfile(name);
    const host = await createSimulatedHost(profile);
    const counting = new CountingRunner(host.runner);
    const progress: ProbeProgress[] = [];
    const { snapshot, path } = await collectSnapshotWithPath({ runner: counting, onProgress: (p) => progress.push(p) });
    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot.collector).toMatchObject({ method: 'simulated', profile: name });
    const expected = profile.expected;
    if (!expected) throw new Error(`profile ${name} has no "expected" block (verdict, collectorMethod, failedSections): every profile must say what it should produce`);
    expect(path).toBe(expected.collectorMethod);
    const powershellRuns = counting.started.filter((request) => commandName(request.file) === 'powershell');
    expect(powershellRuns).toHaveLength(1);
    if (path === 'powershell') expect(counting.started).toHaveLength(1);
    const failed = (snapshot.errors ?? []).map((error) => error.section).filter((section) => (PROBE_SECTIONS as readonly string[]).includes(section));
    expect(new Set(failed)).toEqual(new Set(expected.failedSections));
    for (const section of PROBE_SECTIONS) {
      expect(progress.some((p) => p.section === section && (p.status === 'done' || p.status === 'failed'))).toBe(true);
    }
    expect(diagnose(snapshot).verdict).toBe(expected.verdict);
  });
});

describe('what the snapshot says about each machine', () => {
  it('reads the Windows 11 quirk: ProductName says Windows 10, the build says 11', async () => {
    const snapshot = await collectSnapshot({ runner: (await createSimulatedHost('healthy-win11')).runner });
    expect(snapshot.os).toMatchObject({ productName: 'Windows 10 Pro', currentBuild: 22631, displayVersion: '23H2' });
  });

  it('lists the installed KB but the old UBR while a restart is pending', async () => {
    const snapshot = await collectSnapshot({ runner: (await createSimulatedHost('german-server2016-pending-reboot')).runner });
    expect(snapshot.hotfixes?.map((hotfix) => hotfix.id)).toContain('KB5006669');
    expect(snapshot.os).toMatchObject({ ubr: 4651 });
    expect(snapshot.pendingReboot).toEqual({ required: true, reasons: ['ComponentBasedServicing.RebootPending', 'WindowsUpdate.RebootRequired'], rollupFixPackages: [] });
    expect(snapshot.events?.find((event) => event.id === 7000)?.message).toMatch(/^Der Dienst/);
  });

  it('sees the effect of fixes on the next collection (root import, then restart)', async () => {
    const host = await createSimulatedHost('german-server2016-pending-reboot');
    host.machine.reboot();
    const after = await collectSnapshot({ runner: host.runner });
    expect(after.os).toMatchObject({ ubr: 4704 });
    expect(after.services?.every((service) => service.state === 'Running')).toBe(true);
    expect(diagnose(after).verdict).toBe('ready');
  });

  it('skips the reachability check with network off', async () => {
    const snapshot = await collectSnapshot({ runner: (await createSimulatedHost('healthy-win11')).runner, network: false });
    expect(snapshot.rootAutoUpdate?.reachable).toBeNull();
    expect(snapshot.errors).toContainEqual({ section: 'rootAutoUpdate.reachable', message: 'skipped: network checks are off' });
  });

  it('collects only the sections asked for, always with os', async () => {
    const snapshot = await collectSnapshot({ runner: (await createSimulatedHost('healthy-win11')).runner, sections: ['services'] });
    expect(snapshot.services?.length).toBeGreaterThan(0);
    expect(snapshot.os).toBeDefined();
    expect(snapshot.certificates).toBeUndefined();
  });
});

const SECTIONS_WITH_TOOLS = PROBE_SECTIONS.filter((section) => section !== 'signatures');

describe('fault isolation', () => {
  for (const kind of ['hang', 'access-denied', 'garbage'] as const) {
    it.each(PROBE_SECTIONS.filter((section) => section !== 'os'))(`PowerShell path: a ${kind} in %s fails only that section`, async (section) => {
      const faults: SimulatedFault[] = [{ section, kind, path: 'powershell' }];
      const host = await createSimulatedHost('server2019-airgapped-missing-root', { faults });
      const { snapshot, path } = await collectSnapshotWithPath({ runner: host.runner });
      expect(path).toBe('powershell');
      expect(snapshot[section]).toBeNull();
      expect(snapshot.errors?.some((error) => error.section === section)).toBe(true);
      const others = PROBE_SECTIONS.filter((other) => other !== section);
      for (const other of others) expect(snapshot[other], other).not.toBeNull();
    });
  }

  for (const kind of ['hang', 'access-denied', 'garbage'] as const) {
    it.each(SECTIONS_WITH_TOOLS.filter((section) => section !== 'os'))(`built-in tools path: a ${kind} in %s fails only that section`, async (section) => {
      const faults: SimulatedFault[] = [{ section, kind, path: 'builtin-tools' }];
      const host = await createSimulatedHost('constrained-language-fallback', { faults });
      const { snapshot, path } = await collectSnapshotWithPath({ runner: host.runner, timeoutMs: 20_000 });
      expect(path).toBe('builtin-tools');
      const failedSections = new Set((snapshot.errors ?? []).map((error) => error.section));
      expect(failedSections.has(section)).toBe(true);
      for (const other of SECTIONS_WITH_TOOLS.filter((candidate) => candidate !== section)) {
        if (section === 'host' && other === 'pendingReboot') continue;
        expect(snapshot[other], other).not.toBeNull();
      }
    });
  }

  it('reads os with reg query when the script garbles it', async () => {
    const host = await createSimulatedHost('healthy-win11', { faults: [{ section: 'os', kind: 'garbage', path: 'powershell' }] });
    const { snapshot, path } = await collectSnapshotWithPath({ runner: host.runner });
    expect(path).toBe('powershell');
    expect(snapshot.os).toMatchObject({ currentBuild: 22631, ubr: 4602, productName: 'Windows 10 Pro' });
    expect(snapshot.errors?.[0]).toMatchObject({ section: 'os' });
    expect(host.machine.commandLog.some((entry) => commandName(entry.file) === 'reg')).toBe(true);
  });

  it('says honestly that os is unknown when no path can read it', async () => {
    const host = await createSimulatedHost('healthy-win11', { faults: [{ section: 'os', kind: 'access-denied', path: 'both' }] });
    const snapshot = await collectSnapshot({ runner: host.runner });
    expect(snapshot.os).toMatchObject({ productName: 'Windows (version could not be read)', editionId: 'Unknown' });
    expect(snapshot.errors?.some((error) => error.section === 'os' && /could not be read/.test(error.message))).toBe(true);
    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
  });

  it('falls back to the built-in tools when the script output is cut off', async () => {
    const host = await createSimulatedHost('server2019-airgapped-missing-root', { faults: [{ section: 'services', kind: 'truncated', path: 'powershell' }] });
    const { snapshot, path } = await collectSnapshotWithPath({ runner: host.runner });
    expect(path).toBe('builtin-tools');
    expect(snapshot.errors?.[0]?.message).toMatch(/unreadable output/);
    expect(snapshot.services?.find((service) => service.name === 'ds_agent')?.exitCode).toBe(577);
  });

  it('keeps the readable certificates when certutil output is cut off', async () => {
    const host = await createSimulatedHost('constrained-language-fallback', { faults: [{ section: 'certificates', kind: 'truncated', path: 'builtin-tools' }] });
    const snapshot = await collectSnapshot({ runner: host.runner });
    expect(snapshot.certificates?.root.length).toBeGreaterThan(0);
    expect(snapshot.errors?.some((error) => error.section === 'certificates' && /unreadable/.test(error.message))).toBe(true);
  });
});

describe('locked-down PowerShell', () => {
  it.each([
    ['constrained-language', /ConstrainedLanguage/],
    ['blocked', /blocked by policy/],
    ['missing', /missing/],
  ] as const)('falls back to built-in tools when PowerShell is %s', async (availability, reason) => {
    const host = await createSimulatedHost('server2019-airgapped-missing-root', { powershell: { availability, version: '5.1' } });
    const { snapshot, path } = await collectSnapshotWithPath({ runner: host.runner });
    expect(path).toBe('builtin-tools');
    expect(snapshot.errors?.[0]?.section).toBe('collector');
    expect(snapshot.errors?.[0]?.message).toMatch(reason);
    expect(snapshot.os).toMatchObject({ currentBuild: 17763, ubr: 2237 });
    expect(snapshot.certificates?.root.some((cert) => cert.thumbprint === 'F40042E2E5F7E8EF8189FED15519AECE42C3BFA2')).toBe(false);
    expect(snapshot.rootAutoUpdate).toMatchObject({ disabledByPolicy: true, reachable: false });
    expect(snapshot.collector?.elevated).toBe(true);
    expect(diagnose(snapshot).verdict).toBe('action-required');
  });

  it('reads the same facts through both paths (apart from signatures)', async () => {
    const full = await collectSnapshot({ runner: (await createSimulatedHost('german-server2016-pending-reboot')).runner });
    const locked = await collectSnapshot({ runner: (await createSimulatedHost('german-server2016-pending-reboot', { powershell: { availability: 'constrained-language', version: '5.1' } })).runner });
    expect(locked.host).toEqual(full.host);
    expect(locked.os).toEqual(full.os);
    expect(locked.hotfixes).toEqual(full.hotfixes);
    expect(locked.pendingReboot).toEqual(full.pendingReboot);
    expect(locked.bootConfiguration).toEqual(full.bootConfiguration);
    expect(locked.products).toEqual(full.products);
    expect(locked.certificates?.root.map((cert) => [cert.thumbprint, cert.store])).toEqual(full.certificates?.root.map((cert) => [cert.thumbprint, cert.store]));
    const strip = (services: typeof full.services) =>
      services?.map(({ name, state, startType, exitCode, imagePath, dependsOn }) => ({ name, state, startType, exitCode, imagePath, dependsOn })).sort((a, b) => a.name.localeCompare(b.name));
    expect(strip(locked.services)).toEqual(strip(full.services));
    expect(locked.events?.map((event) => [event.id, event.time, event.data])).toEqual(full.events?.map((event) => [event.id, event.time, event.data]));
  });
});

describe('cancellation and time limits', () => {
  it('rejects when cancelled, before or during the collection', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(collectSnapshot({ runner: (await createSimulatedHost('healthy-win11')).runner, signal: controller.signal })).rejects.toBeInstanceOf(CollectionCancelledError);
    const slow = await createSimulatedHost('healthy-win11', {}, { latencyMs: 2000 });
    const running = new AbortController();
    setTimeout(() => running.abort(), 50);
    const started = Date.now();
    await expect(collectSnapshot({ runner: slow.runner, signal: running.signal })).rejects.toBeInstanceOf(CollectionCancelledError);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('falls back when the whole script runs past the time limit', async () => {
    const host = await createSimulatedHost('healthy-win11');
    const { snapshot, path } = await collectSnapshotWithPath({ runner: host.runner, timeoutMs: 400 });
    expect(path).toBe('builtin-tools');
    expect(snapshot.errors?.[0]?.message).toMatch(/time limit/);
  });
});

describe('a runner that fails', () => {
  it('still gives a valid snapshot when the runner throws', async () => {
    const runner = { run: async () => Promise.reject(new Error('runner broke')) };
    const { snapshot, path } = await collectSnapshotWithPath({ runner, platform: 'win32', timeoutMs: 10_000 });
    expect(path).toBe('builtin-tools');
    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot.errors?.[0]?.message).toMatch(/ERUNNER/);
    expect(snapshot.os).toMatchObject({ productName: 'Windows (version could not be read)' });
  });
});
