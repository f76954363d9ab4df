// Defects of collect.ps1 that only a real PowerShell engine shows (issue 10), each run against the
// shipped script under pwsh on the Windows double. Each of these tests failed before its fix.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultProbeInput, SECTION_BUDGET_MS, type ProbeInput } from '#product/probe/protocol.js';
import { collectSnapshotWithPath } from '#product/probe/collect.js';
import { validateSnapshot } from '#product/snapshot/parse.js';
import { createSimulatedHost, loadMachineProfile } from '../windows-double/host/index.js';
import { runCollectorScript } from '../windows-double/host/powershell-probe.js';
import { createDoubleMachine, pwshMissingOutsideCi, REPO_ROOT, runPwshOnDouble, runScriptOnDouble, viewPathFor, type DoubleMachine } from '../support/pwsh.js';

const COLLECTOR = join(REPO_ROOT, 'assets/probe/collect.ps1');
const missing = pwshMissingOutsideCi();
const generous = Object.fromEntries(Object.entries(SECTION_BUDGET_MS).map(([section, ms]) => [section, ms * 5]));
const input = (overrides: Partial<ProbeInput> = {}) => JSON.stringify(defaultProbeInput({ network: false, budgetsMs: generous, ...overrides }));

const machines: DoubleMachine[] = [];
const servers: Server[] = [];
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await Promise.all(machines.map((machine) => machine.dispose()));
});

async function machineFor(profile: string, change: (state: Awaited<ReturnType<typeof loadMachineProfile>>['machine']) => void = () => undefined): Promise<DoubleMachine> {
  const loaded = await loadMachineProfile(profile);
  change(loaded.machine);
  const machine = await createDoubleMachine(loaded.machine);
  machines.push(machine);
  return machine;
}

interface EditableView {
  wmi: Record<string, unknown[]>;
  files: { kind: string; path: string; locked?: boolean }[];
}
interface CollectedSnapshot {
  hotfixes: { id: string; installedOn: string | null }[];
  errors: { section: string; message: string }[];
  rootAutoUpdate: { disabledByPolicy: boolean | null; rootDirUrl: string | null; reachable: boolean | null };
  signatures: { path: string }[];
  services: unknown;
}

/** Edits the raw Windows view the double answers from (what a PowerShell cmdlet would return). */
function editView(machine: DoubleMachine, edit: (view: EditableView) => void): void {
  const path = viewPathFor(machine.statePath);
  const view = JSON.parse(readFileSync(path, 'utf8')) as EditableView;
  edit(view);
  writeFileSync(path, JSON.stringify(view));
}

function snapshotOf(stdout: string): CollectedSnapshot {
  const snapshot = JSON.parse(stdout) as CollectedSnapshot;
  const valid = validateSnapshot(snapshot);
  expect(valid.ok, valid.ok ? '' : valid.error).toBe(true);
  return snapshot;
}

describe.skipIf(missing !== null)('collect.ps1 on the Windows double: defects fixed', () => {
  it('1. an enforced AppLocker/WDAC policy: the locked-down marker and exit 86 (runspaces would be ConstrainedLanguage)', { timeout: 60_000 }, async () => {
    const machine = await machineFor('healthy-win11', (state) => {
      state.powershell.lockdownPolicy = 'Enforce';
    });
    const run = await runScriptOnDouble(machine, COLLECTOR, { stdin: input() });
    expect(run.exitCode, run.stderr).toBe(86);
    expect(JSON.parse(run.stdout.trim())).toEqual({ acsProbeUnavailable: true, languageMode: 'FullLanguage', lockdownPolicy: 'Enforce' });
  });

  it('1. the double really forces a pool runspace into ConstrainedLanguage under Enforce (what broke every section)', { timeout: 60_000 }, async () => {
    const machine = await machineFor('healthy-win11', (state) => {
      state.powershell.lockdownPolicy = 'Enforce';
    });
    const run = await runPwshOnDouble(
      machine,
      [
        '$iss = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault()',
        '[void]$iss.ImportPSModule([string[]]@($env:ACS_WINDOWS_DOUBLE))',
        '$pool = [runspacefactory]::CreateRunspacePool(1, 1, $iss, $Host); $pool.Open()',
        '$shell = [powershell]::Create(); $shell.RunspacePool = $pool',
        '[void]$shell.AddScript(\'try { $l = New-Object System.Collections.Generic.List[object]; "made" } catch { $_.Exception.Message }\')',
        '$shell.Invoke()',
      ].join('\n'),
    );
    expect(run.stdout).toMatch(/Cannot create type/);
  });

  it('3. offline networks: a source that never answers costs the reachability job only; disabledByPolicy is kept', { timeout: 60_000 }, async () => {
    const silent = createServer(() => undefined); // accepts, never answers (a proxy or DNS stall looks like this)
    servers.push(silent);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    const machine = await machineFor('server2019-airgapped-missing-root', (state) => {
      state.rootAutoUpdate.disabledByPolicy = true;
      state.rootAutoUpdate.rootDirUrl = `http://127.0.0.1:${port}/msdownload/`;
    });
    const run = await runScriptOnDouble(machine, COLLECTOR, { stdin: input({ network: true, reachabilityTimeoutMs: 1000 }) });
    const snapshot = snapshotOf(run.stdout);
    // The policy survives whatever the network does; the reachability job ends within its own budget:
    // its wait gives up (or, on a machine slow to start the job's runspace, the job's budget of
    // 1000 + 1500 ms ends it, and reachable stays unknown).
    expect(snapshot.rootAutoUpdate.disabledByPolicy).toBe(true);
    expect(snapshot.rootAutoUpdate.rootDirUrl).toBe(`http://127.0.0.1:${port}/msdownload/`);
    expect([false, null]).toContain(snapshot.rootAutoUpdate.reachable);
    expect(snapshot.errors.some((error) => error.section === 'rootAutoUpdate.reachable' && /^(no answer within 1000 ms|not reachable: |timed out after 2500 ms)/.test(error.message))).toBe(true);
    expect(run.durationMs).toBeLessThan(60_000);
  });

  it('3. a source that answers (any HTTP status) is reachable', { timeout: 60_000 }, async () => {
    const seen: string[] = [];
    const answering = createServer((request, response) => {
      seen.push(`${request.method} ${request.url}`);
      response.writeHead(404).end();
    });
    servers.push(answering);
    await new Promise<void>((resolve) => answering.listen(0, '127.0.0.1', resolve));
    const port = (answering.address() as AddressInfo).port;
    const machine = await machineFor('healthy-win11', (state) => {
      state.rootAutoUpdate.rootDirUrl = `http://127.0.0.1:${port}/roots/`;
    });
    const run = await runScriptOnDouble(machine, COLLECTOR, { stdin: input({ network: true, reachabilityTimeoutMs: 5000 }) });
    expect(snapshotOf(run.stdout).rootAutoUpdate.reachable).toBe(true);
    expect(seen).toEqual(['HEAD /roots/authrootstl.cab']);
  });

  it('4. hotfix dates in the machine culture (de-DE), invariant forms, and one bad row set to null without losing the list', { timeout: 60_000 }, async () => {
    const machine = await machineFor('german-server2016-pending-reboot');
    editView(machine, (view) => {
      view.wmi.Win32_QuickFixEngineering = [
        { HotFixID: 'KB5005698', InstalledOn: '14.09.2021', Description: 'Update' },
        { HotFixID: 'KB5006669', InstalledOn: 'Dienstag, 12. Oktober', Description: 'Security Update' },
        { HotFixID: 'KB5007192', InstalledOn: '2021/11/09', Description: 'Security Update' },
        { HotFixID: 'KB5008207', InstalledOn: '01d7ed0ba9a6c000', Description: 'Update' },
        { HotFixID: 'KB5009546', InstalledOn: '31.12.2099', Description: 'Update' },
      ];
    });
    const run = await runScriptOnDouble(machine, COLLECTOR, { stdin: input({ sections: ['os', 'hotfixes'] }), env: { LANG: 'de_DE.UTF-8' } });
    const snapshot = snapshotOf(run.stdout);
    expect(snapshot.hotfixes.map((row) => [row.id, row.installedOn])).toEqual([
      ['KB5005698', '2021-09-14'],
      ['KB5006669', null],
      ['KB5007192', '2021-11-09'],
      ['KB5008207', '2021-12-09'],
      ['KB5009546', null],
    ]);
    expect(snapshot.errors).toContainEqual({ section: 'hotfixes', message: 'installation date of KB5006669 not readable: Dienstag, 12. Oktober' });
  });

  it('4. en-GB writes day first: 03/04/2021 is the 3rd of April there', { timeout: 60_000 }, async () => {
    const machine = await machineFor('healthy-win11');
    editView(machine, (view) => {
      view.wmi.Win32_QuickFixEngineering = [
        { HotFixID: 'KB5005698', InstalledOn: '03/04/2021', Description: 'Update' },
        { HotFixID: 'KB5006669', InstalledOn: '13/04/2021', Description: 'Update' },
      ];
    });
    const run = await runScriptOnDouble(machine, COLLECTOR, { stdin: input({ sections: ['os', 'hotfixes'] }), env: { LANG: 'en_GB.UTF-8' } });
    expect(snapshotOf(run.stdout).hotfixes.map((row) => row.installedOn)).toEqual(['2021-04-03', '2021-04-13']);
  });

  it('5. one locked agent binary loses only its own signature entry', { timeout: 60_000 }, async () => {
    const machine = await machineFor('win10-21h2-offline-unpatched');
    let locked = '';
    editView(machine, (view) => {
      const file = view.files.find((candidate) => candidate.kind === 'binary')!;
      file.locked = true;
      locked = file.path;
    });
    const run = await runScriptOnDouble(machine, COLLECTOR, { stdin: input({ sections: ['os', 'services', 'signatures'] }) });
    const snapshot = snapshotOf(run.stdout);
    const paths = snapshot.signatures.map((entry) => entry.path);
    expect(paths).not.toContain(locked);
    expect(paths.length).toBe(4);
    expect(snapshot.errors.some((error) => error.section === 'signatures' && error.message.includes('being used by another process'))).toBe(true);
  });

  it('runs under Set-StrictMode -Version Latest without an error (and says the same as without it)', { timeout: 90_000 }, async () => {
    const profile = await loadMachineProfile('win10-21h2-offline-unpatched');
    const host = await createSimulatedHost(profile);
    const machine = await machineFor('win10-21h2-offline-unpatched');
    const run = await runScriptOnDouble(machine, COLLECTOR, { stdin: input(), strictLatest: true });
    const snapshot = snapshotOf(run.stdout);
    const expected = JSON.parse(runCollectorScript(host.machine, input()).stdout) as Record<string, unknown>;
    expect(snapshot.errors).toEqual(expected.errors);
    expect(snapshot.services).toEqual(expected.services);
  });
});

describe('the TypeScript side of the same defects', () => {
  it('1. the app falls back to the built-in tools when the collector reports an enforced lockdown policy', async () => {
    const host = await createSimulatedHost('healthy-win11', { powershell: { availability: 'full', version: '5.1.22621.4391', lockdownPolicy: 'Enforce' } });
    const outcome = await collectSnapshotWithPath({ runner: host.runner, network: false });
    expect(outcome.path).toBe('builtin-tools');
    expect(outcome.snapshot.errors?.[0]?.message).toMatch(/application control policy \(AppLocker or WDAC\)/);
  });

  it('7. without WMIC (Windows 11 24H2, Server 2025) the fallback lists the updates from systeminfo', async () => {
    const host = await createSimulatedHost('healthy-win11', { powershell: { availability: 'missing', version: '5.1' }, wmicInstalled: false });
    const outcome = await collectSnapshotWithPath({ runner: host.runner, network: false });
    expect(outcome.path).toBe('builtin-tools');
    expect(outcome.snapshot.hotfixes?.map((hotfix) => hotfix.id)).toEqual(host.machine.state.hotfixes.map((hotfix) => hotfix.id));
    expect(outcome.snapshot.hotfixes?.every((hotfix) => hotfix.installedOn === null)).toBe(true);
    expect(outcome.snapshot.errors?.some((error) => /wmic is not installed; read from systeminfo/.test(error.message))).toBe(true);
  });
});
