// The one host factory: this computer describes itself (windows / other), a simulated machine comes
// from the Windows double through the dev-only loader, and a packaged app has no demo machines (nor
// does it read ACS_ASSETS_DIR).
import { afterEach, describe, expect, it } from 'vitest';
import { createHost, thisComputer } from '../../../src-main/host/create-host.js';
import { loadSimulator, NO_DEMO_MACHINES, NoDemoMachinesError } from '../../../src-main/host/simulator.js';
import { assetsDir, markPackagedApp, projectRoot } from '../../../src-main/paths.js';
import { join } from 'node:path';

afterEach(() => {
  markPackagedApp(false);
  delete process.env.ACS_ASSETS_DIR;
});

describe('createHost', () => {
  it('binds this computer as "windows" on Windows and "other" elsewhere, restarting for real', () => {
    expect(thisComputer('win32')).toMatchObject({ kind: 'windows', view: { kind: 'windows' }, capabilities: { restartsInPlace: false } });
    expect(thisComputer('linux')).toMatchObject({ kind: 'other', view: { kind: 'other', platform: 'linux' } });
  });

  it('binds a simulated machine of the double in a development copy: it says so itself', async () => {
    const host = await createHost({ kind: 'simulated', profile: 'healthy-win11' }, { packaged: false });
    expect(host).toMatchObject({ kind: 'simulated', view: { kind: 'simulated', profile: 'healthy-win11' }, capabilities: { restartsInPlace: true, fixPollIntervalMs: 0 } });
    expect(host.runner.identity).toEqual({ kind: 'simulated', profile: 'healthy-win11' });
    expect(host.localFiles?.()).toBeDefined();
  });

  it('refuses simulated machines in a packaged app with the one sentence', async () => {
    await expect(createHost({ kind: 'simulated', profile: 'healthy-win11' }, { packaged: true })).rejects.toThrow(NoDemoMachinesError);
    await expect(loadSimulator({ packaged: true })).rejects.toThrow(NO_DEMO_MACHINES);
    markPackagedApp(true);
    await expect(loadSimulator()).rejects.toThrow(/no demo machines/);
  });

  it('lists the profiles through the loader', async () => {
    const names = (await (await loadSimulator({ packaged: false })).listSimulatedProfiles()).map((profile) => profile.name);
    expect(names).toContain('win10-21h2-offline-unpatched');
  });
});

describe('assetsDir', () => {
  it('follows ACS_ASSETS_DIR in a development copy and ignores it in a packaged app', () => {
    process.env.ACS_ASSETS_DIR = '/tmp/elsewhere';
    markPackagedApp(false);
    expect(assetsDir()).toBe('/tmp/elsewhere');
    markPackagedApp(true);
    expect(assetsDir()).toBe(join(projectRoot(), 'assets'));
  });
});
