// `npm start`: Electron when its binary is installed (never downloading it); otherwise one sentence
// and the browser preview.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { NO_ELECTRON_SENTENCE, findElectronBinary, launch, type LookupEnvironment } from '../../../src-main/electron/launch.js';

function environment(files: Record<string, string>, env: NodeJS.ProcessEnv = {}): LookupEnvironment {
  return { root: '/p', env, platform: 'linux', exists: (path) => path in files, read: (path) => files[path] ?? '' };
}

const pkg = join('/p', 'node_modules', 'electron');

describe('findElectronBinary', () => {
  it('finds the binary named in path.txt', () => {
    const files = { [join(pkg, 'package.json')]: '{}', [join(pkg, 'path.txt')]: 'electron\n', [join(pkg, 'dist', 'electron')]: '' };
    expect(findElectronBinary(environment(files))).toEqual({ found: true, path: join(pkg, 'dist', 'electron') });
  });

  it('reports a package without a downloaded binary (where the electron package itself would download)', () => {
    expect(findElectronBinary(environment({ [join(pkg, 'package.json')]: '{}' }))).toEqual({ found: false, reason: 'the Electron binary was never downloaded' });
    const stale = { [join(pkg, 'package.json')]: '{}', [join(pkg, 'path.txt')]: 'electron' };
    expect(findElectronBinary(environment(stale))).toMatchObject({ found: false, reason: expect.stringContaining('missing') });
    expect(findElectronBinary(environment({}))).toEqual({ found: false, reason: 'the electron package is not installed' });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package', () => {
    const files = { [join(pkg, 'package.json')]: '{}', [join('/opt/electron', 'electron')]: '' };
    expect(findElectronBinary(environment(files, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }))).toEqual({ found: true, path: join('/opt/electron', 'electron') });
  });
});

describe('launch', () => {
  it('runs Electron with the arguments when there is a binary', async () => {
    const actions = { runElectron: vi.fn(async () => 0), runPreview: vi.fn(async () => {}), say: vi.fn() };
    expect(await launch({ found: true, path: '/e' }, ['--simulate=healthy-win11'], actions)).toBe(0);
    expect(actions.runElectron).toHaveBeenCalledWith('/e', ['--simulate=healthy-win11']);
    expect(actions.runPreview).not.toHaveBeenCalled();
  });

  it('otherwise says so in one sentence and opens the preview, keeping a chosen profile', async () => {
    const actions = { runElectron: vi.fn(async () => 0), runPreview: vi.fn(async () => {}), say: vi.fn() };
    await launch({ found: false, reason: 'x' }, ['--simulate=healthy-win11'], actions);
    expect(actions.say).toHaveBeenCalledWith(NO_ELECTRON_SENTENCE);
    expect(NO_ELECTRON_SENTENCE.split(/[.!?](\s|$)/).filter((part) => part.trim().length > 1)).toHaveLength(1);
    expect(actions.runPreview).toHaveBeenCalledWith(['--open', '--profile', 'healthy-win11']);
    expect(actions.runElectron).not.toHaveBeenCalled();
  });
});

describe('chooseHost', () => {
  it('checks this Windows unless a simulated machine is asked for; elsewhere it simulates', async () => {
    const { chooseHost } = await import('../../../src-main/electron/host-choice.js');
    expect(chooseHost(['electron', '.'], {}, 'win32')).toEqual({ kind: 'windows' });
    expect(chooseHost(['--simulate=healthy-win11'], {}, 'win32')).toEqual({ kind: 'simulated', profile: 'healthy-win11', reason: 'asked' });
    expect(chooseHost([], { ACS_SIMULATE: 'win7-sp1-no-esu-rollup' }, 'win32')).toMatchObject({ kind: 'simulated', profile: 'win7-sp1-no-esu-rollup' });
    expect(chooseHost([], {}, 'linux')).toMatchObject({ kind: 'simulated', reason: 'not-windows' });
  });

  it('in a packaged app: --simulate and ACS_SIMULATE are refused with one plain sentence; elsewhere than Windows it is this computer', async () => {
    const { chooseHost } = await import('../../../src-main/electron/host-choice.js');
    const { NO_DEMO_MACHINES } = await import('../../../src-main/host/simulator.js');
    expect(chooseHost(['--simulate=healthy-win11'], {}, 'win32', true)).toEqual({ kind: 'refused', message: NO_DEMO_MACHINES });
    expect(chooseHost([], { ACS_SIMULATE: 'healthy-win11' }, 'win32', true)).toEqual({ kind: 'refused', message: NO_DEMO_MACHINES });
    expect(NO_DEMO_MACHINES).toMatch(/^This build has no demo machines/);
    expect(chooseHost([], {}, 'win32', true)).toEqual({ kind: 'windows' });
    expect(chooseHost([], {}, 'linux', true)).toEqual({ kind: 'other' });
  });
});

describe('browserCommand', () => {
  it('opens the address with one program and the address as its own argument, never through a shell', async () => {
    const { browserCommand } = await import('../../../src-main/preview/open-browser.js');
    const url = 'http://127.0.0.1:1/#token=a&b';
    expect(browserCommand('win32', url)).toEqual({ file: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', url] });
    expect(browserCommand('darwin', url)).toEqual({ file: 'open', args: [url] });
    expect(browserCommand('linux', url)).toEqual({ file: 'xdg-open', args: [url] });
  });
});
