// Issue 14, the laptop side: the kit builder refuses what the app's update fix refuses (a package for
// another Windows, architecture or KB, a non-Microsoft package) and writes nothing then (a renamed
// package: the laptop lists its contents on Windows only; the helper refuses it on the target,
// test/powershell/kit-refusals.test.ts); it
// builds no kit where none can help; the CLI's exit codes. The update file is checked by the app's own
// checkUpdatePackage against the SIMULATED host of the target's Windows (expand.exe, Authenticode).
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '#product/cli/main.js';
import { checkUpdatePackage } from '#product/fixes/package-check.js';
import { appRunsOn, buildCollectorKit, buildFixKit, KitError, readKitResult, type CheckPackage } from '#product/kit/index.js';
import { collectSnapshot } from '#product/probe/collect.js';
import type { Snapshot } from '#product/snapshot/schema.js';
import { createSimulatedHost, loadMachineProfile, simulatedFileAccess } from '../../windows-double/host/index.js';
import { localFileSchema, type LocalFile } from '../../windows-double/host/machine-state.js';

const win7 = 'win7-sp1-no-esu-rollup';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'acs-kit-unit-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function snapshotOf(profile: string): Promise<Snapshot> {
  return collectSnapshot({ runner: (await createSimulatedHost(profile)).runner });
}

let counter = 0;
/** A package file on the laptop whose content the simulated Windows knows it by, and a checker that knows it. */
async function packageAndChecker(profile: string, fields: { name: string; kb: string; architecture: 'x64' | 'x86'; signer?: string }): Promise<{ path: string; checkPackage: CheckPackage }> {
  const path = join(dir, `laptop-${++counter}`, fields.name);
  const entry: LocalFile = localFileSchema.parse({
    kind: 'msu',
    path,
    kb: fields.kb,
    architecture: fields.architecture,
    forBuild: null,
    resultingUbr: null,
    grantsAcsSupport: true,
    ...(fields.signer ? { signer: fields.signer } : {}),
    sizeBytes: 1000,
  });
  await import('node:fs/promises').then((fs) => fs.mkdir(join(path, '..'), { recursive: true }));
  await writeFile(path, JSON.stringify(entry), 'utf8');
  const loaded = await loadMachineProfile(profile);
  loaded.machine.localFiles.push(entry);
  const host = await createSimulatedHost(loaded);
  const files = simulatedFileAccess(host.machine);
  return { path, checkPackage: (file, expected) => checkUpdatePackage(host.runner, file, expected, files) };
}

async function refusal(promise: Promise<unknown>): Promise<KitError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(KitError);
  return error as KitError;
}

describe('kit builder on the laptop', () => {
  test('the app runs on Windows 10 / Server 2016 and later only', async () => {
    expect(appRunsOn(await snapshotOf('win7-sp1-no-esu-rollup'))).toBe(false);
    expect(appRunsOn(await snapshotOf('server2019-airgapped-missing-root'))).toBe(true);
  });

  test.each([
    ['another architecture', { name: 'windows6.1-kb5022338-x86_0c9f.msu', kb: 'KB5022338', architecture: 'x86' as const }, /Built for x86, but this Windows is x64/],
    ['another KB (another Windows version)', { name: 'windows10.0-kb5011487-x64_2a2a.msu', kb: 'KB5011487', architecture: 'x64' as const }, /KB5011487 is not an update that fixes this Windows/],
    ['a package not signed by Microsoft', { name: 'windows6.1-kb5022338-x64_0c9f.msu', kb: 'KB5022338', architecture: 'x64' as const, signer: 'CN=Evil Ltd, O=Evil Ltd' }, /not by Microsoft/],
  ])('%s is refused and nothing is written', async (_label, fields, words) => {
    const { path, checkPackage } = await packageAndChecker(win7, fields);
    const out = join(dir, `out-${++counter}`);
    const error = await refusal(buildFixKit({ snapshot: await snapshotOf(win7), outDir: out, packagePath: path, checkPackage }));
    expect(error.code).toBe('package-refused');
    expect(error.details.join(' ')).toMatch(words);
    expect(existsSync(out)).toBe(false);
  });

  test('an update is needed but no file given: says which one', async () => {
    const error = await refusal(buildFixKit({ snapshot: await snapshotOf(win7), outDir: join(dir, 'no-package') }));
    expect(error.code).toBe('package-needed');
    expect(error.message).toMatch(/KB5006743.*x64/);
  });

  test('no kit for a ready computer or for a plan a kit cannot carry out', async () => {
    expect((await refusal(buildFixKit({ snapshot: await snapshotOf('healthy-win11'), outDir: join(dir, 'ready') }))).code).toBe('nothing-to-fix');
    expect(['steps-not-in-kit', 'cannot-diagnose']).toContain((await refusal(buildFixKit({ snapshot: await snapshotOf('win10-1803-unsupported'), outDir: join(dir, 'old') }))).code);
  });

  test('a folder that already holds files is not written into', async () => {
    const out = join(dir, 'busy');
    await import('node:fs/promises').then((fs) => fs.mkdir(out));
    await writeFile(join(out, 'photo.jpg'), 'x');
    expect((await refusal(buildFixKit({ snapshot: await snapshotOf('server2019-airgapped-missing-root'), outDir: out }))).code).toBe('out-not-empty');
    expect(await readdir(out)).toEqual(['photo.jpg']);
  });

  test('a correct package is copied into the kit and hash-listed; not run yet: every step still to do', async () => {
    const { path, checkPackage } = await packageAndChecker(win7, { name: 'windows6.1-kb5022338-x64_0c9f.msu', kb: 'KB5022338', architecture: 'x64' });
    const kit = await buildFixKit({ snapshot: await snapshotOf(win7), outDir: join(dir, 'good'), packagePath: path, checkPackage });
    const listed = kit.manifest.files.find((file) => file.path === 'windows6.1-kb5022338-x64_0c9f.msu');
    expect(listed?.sha256).toBe(kit.kit!.steps[0]!.package!.sha256);
    const back = await readKitResult(kit.dir);
    expect(back.result).toBeNull();
    expect(back.steps.map((step) => step.state)).toEqual(['to-do', 'to-do', 'to-do']);
    expect(back.changedFiles).toEqual([]);
  });
});

describe('acs-assistant kit', () => {
  async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), readStdin: async () => '' });
    return { code, stdout, stderr };
  }

  test('--help names every exit code', async () => {
    const { code, stdout } = await cli(['kit', '--help']);
    expect(code).toBe(0);
    for (const words of ['0 kit written', '2 no kit for this computer', '4 the update file was refused', '64 usage', '65 invalid snapshot', '73 the folder is not empty', '1 steps still to do'])
      expect(stdout.replace(/\s+/g, ' ')).toContain(words);
  });

  test('--collector-only writes COLLECT.cmd, collect.ps1, README.txt and the manifest', async () => {
    const out = join(dir, 'collector');
    const { code } = await cli(['kit', '--collector-only', '--out', out]);
    expect(code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['COLLECT.cmd', 'README.txt', 'collect.ps1', 'manifest.json']);
    await buildCollectorKit(join(dir, 'collector-2'));
  });

  test('usage and refusals map to their exit codes; --result of a kit not run yet is 1', async () => {
    const snapshotFile = join(dir, 'server2019.json');
    await writeFile(snapshotFile, JSON.stringify(await snapshotOf('server2019-airgapped-missing-root')));
    expect((await cli(['kit', snapshotFile])).code).toBe(64);
    const win7File = join(dir, 'win7.json');
    await writeFile(win7File, JSON.stringify(await snapshotOf(win7)));
    const needs = await cli(['kit', win7File, '--out', join(dir, 'cli-win7')]);
    expect(needs.code).toBe(64);
    expect(needs.stderr).toMatch(/choose the update file/);
    const out = join(dir, 'cli-2019');
    expect((await cli(['kit', snapshotFile, '--out', out])).code).toBe(0);
    expect((await cli(['kit', snapshotFile, '--out', out])).code).toBe(73);
    const read = await cli(['kit', '--result', out]);
    expect(read.code).toBe(1);
    expect(read.stdout).toMatch(/has not been run yet/);
    expect(read.stdout).toMatch(/1\. Install the Microsoft root certificate: still to do/);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"format":"nope"}');
    expect((await cli(['kit', bad, '--out', join(dir, 'cli-bad')])).code).toBe(65);
  });
});
