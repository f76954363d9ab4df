// What the packaged app would contain: electron-builder packs the built app for Linux (`dir` target,
// no installer) against a stand-in Electron folder, so nothing is downloaded. The stand-in binary
// carries a fuse wire, so the fuse settings are checked as flipped, not only as configured.
// The Windows targets (NSIS, portable) need Electron's Windows zip and NSIS: not built here.
import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile, listPackage } from '@electron/asar';
import { Arch, Platform, build } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const built = existsSync(join(root, 'dist/main/electron/main.js')) && existsSync(join(root, 'dist/main/electron/preload.cjs')) && existsSync(join(root, 'dist-renderer/index.html'));
if (!built) console.warn('pack-contents: skipped, the app is not built (run `npm run build`; `npm test` does it first).');

/** @electron/fuses looks for this sentinel followed by the wire version, its length and one byte per fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, ASAR integrity off, only-asar off, V8 snapshot off, file:// privileges on. */
const DEFAULT_WIRE = '10110001';
const FUSE_ORDER = ['runAsNode', 'cookieEncryption', 'nodeOptions', 'nodeCliInspect', 'asarIntegrity', 'onlyLoadAppFromAsar', 'browserV8Snapshot', 'fileProtocolPrivileges'];

let unpacked = '';

/** Every file under a folder, as paths relative to it with forward slashes. */
function listTree(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(folder.length + 1)
        .replace(/\\/g, '/'),
    );
}

beforeAll(async () => {
  if (!built) return;
  const standIn = await mkdtemp(join(tmpdir(), 'acs-stand-in-electron-'));
  await writeFile(join(standIn, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho stand-in\n'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, DEFAULT_WIRE.length]), Buffer.from(DEFAULT_WIRE)]));
  await chmod(join(standIn, 'electron'), 0o755);
  await mkdir(join(standIn, 'resources'));
  await writeFile(join(standIn, 'LICENSE'), 'stand-in');
  await writeFile(join(standIn, 'version'), '45.4.1');
  const output = await mkdtemp(join(tmpdir(), 'acs-pack-'));
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    config: { electronDist: standIn, electronVersion: '45.4.1', directories: { output } },
    publish: 'never',
  });
  unpacked = join(output, 'linux-unpacked');
}, 120_000);

describe.skipIf(!built)('the packed app', () => {
  it('has the compiled main process, the CommonJS preload and the built renderer in app.asar, and nothing else of ours', () => {
    const files = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((file) => file.replace(/\\/g, '/'));
    for (const wanted of ['/package.json', '/dist/main/electron/main.js', '/dist/main/electron/preload.cjs', '/dist/main/app/create-app.js', '/dist-renderer/index.html']) {
      expect(files, wanted).toContain(wanted);
    }
    const ours = files.filter((file) => !file.startsWith('/node_modules/'));
    expect(ours.filter((file) => /\.(ts|tsx|cts|mts|map)$/.test(file))).toEqual([]);
    expect(ours.filter((file) => /^\/(src-main|src-renderer|test|assets|scripts|bench)\b/.test(file))).toEqual([]);
    const modules = new Set(files.filter((file) => file.startsWith('/node_modules/')).map((file) => file.split('/')[2]));
    expect(modules.has('zod')).toBe(true);
    for (const bundledByVite of ['react', 'react-dom', 'zustand']) expect(modules.has(bundledByVite), bundledByVite).toBe(false);
  });

  it('starts from the entry package.json names, and that file is in the archive', () => {
    const asar = join(unpacked, 'resources', 'app.asar');
    const manifest = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main: string; type: string };
    expect(manifest.type).toBe('module');
    expect(listPackage(asar, { isPack: false }).map((file) => file.replace(/\\/g, '/'))).toContain(`/${manifest.main}`);
  });

  it('packs no simulator: no Windows double code (dist/double, test/windows-double) and no simulated machine profiles', () => {
    const files = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((file) => file.replace(/\\/g, '/'));
    const ours = files.filter((file) => !file.startsWith('/node_modules/'));
    expect(ours.filter((file) => /^\/(dist\/double|test)\//.test(file) || /windows-double|simulated|profiles/i.test(file))).toEqual([]);
    // The product's loader of the double is there (it refuses in a packaged app); the double itself is not.
    expect(ours).toContain('/dist/main/host/simulator.js');
    expect(ours.some((file) => /\/(machine-state|powershell-probe|probe-handlers|fix-commands)\.js$/.test(file))).toBe(false);
    const resources = listTree(join(unpacked, 'resources', 'assets'));
    expect(resources.filter((file) => /simulated|profiles|windows-double/i.test(file))).toEqual([]);
    expect(resources.some((file) => file.endsWith('probe/collect.ps1'))).toBe(true);
  });

  it('puts the collector script, the pinned root certificate and the fix helper beside the archive', () => {
    for (const file of ['probe/collect.ps1', 'certificates/microsoft-identity-verification-root-2020.cer', 'fixes/acs-fix-helper.ps1']) {
      expect(existsSync(join(unpacked, 'resources', 'assets', file)), file).toBe(true);
    }
  });

  it('flips the fuses in the binary: RunAsNode off, ASAR integrity and only-from-asar on', async () => {
    const binary = await readFile(join(unpacked, 'acs-support-assistant'));
    const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    const wire = binary.subarray(at + 2, at + 2 + binary[at + 1]!).toString('latin1');
    const fuses = Object.fromEntries(FUSE_ORDER.map((name, index) => [name, wire[index]]));
    expect(fuses).toMatchObject({ runAsNode: '0', asarIntegrity: '1', onlyLoadAppFromAsar: '1', nodeOptions: '0', nodeCliInspect: '0', fileProtocolPrivileges: '0' });
  });
});
