// File names with spaces, quotes, &, ;, %, backticks, $( ), Unicode and `..` reach the programs the
// fixes start as ONE argument each (or as an environment value), never through a shell or inside
// script text; and the real node runner hands arguments, stdin and environment to a child unchanged.
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACS_ROOT_CERTIFICATE } from '../../src-main/catalogue/root-certificate.js';
import { bundledRootCertificatePath } from '../../src-main/fixes/index.js';
import type { CommandRequest } from '../../src-main/windows/command-runner.js';
import { createNodeRunner } from '../../src-main/windows/node-runner.js';
import type { LocalFile } from '../windows-double/host/index.js';
import { simulatedFix } from './support/simulated-fix.js';

/** Folder names a person (or an attacker naming a USB stick's folders) could choose. */
const AWKWARD = ['with space', 'quote"d', "it's", 'a & b', 'semi;colon', '100%PATH%', 'back`tick`', '$(whoami)', 'ünïcødé 日本', '|pipe >out', '..'];
/**
 * The same kind of names as Windows folder names: Windows forbids " | < > * ? : in a name, and the helper
 * refuses a package path with a . or .. step (it would hide where the file really is).
 */
const AWKWARD_WINDOWS = ['with space', "it's", 'a & b', 'semi;colon', '100%PATH%', 'back`tick`', '$(whoami)', 'ünïcødé 日本', 'curly’quote', 'x (86) [1] {2}'];
const SHELLS = /^(cmd|cmd\.exe|command\.com|sh|bash|zsh|dash)$/i;

function expectNoShell(requests: readonly CommandRequest[], path: string): void {
  for (const request of requests) {
    expect(request.file).not.toMatch(SHELLS);
    for (const arg of request.args) {
      // The path is either the whole argument or the value of one switch; never part of script text.
      if (arg.includes(path)) expect(arg === path || arg === `/PackagePath:${path}`, `argument ${JSON.stringify(arg)} of ${request.file}`).toBe(true);
    }
  }
}

describe('awkward paths given to the fixes', () => {
  it("the root certificate file is checked as one argument; the elevated step imports the helper's own pinned copy (direct elevation, real file on disk)", async () => {
    const base = await mkdtemp(join(tmpdir(), 'acs-args-'));
    const folder = `${base}/${AWKWARD.filter((part) => part !== '..').join('/')}`;
    await mkdir(folder, { recursive: true });
    await mkdir(`${base}/second dir`, { recursive: true });
    // A path that goes up with `..` and down again, kept as typed.
    const certificate = `${folder}/../${AWKWARD.at(-2)}/root «2020» & ;%x% \`y\`.cer`;
    await copyFile(bundledRootCertificatePath(), certificate);
    const setup = await simulatedFix('server2019-airgapped-missing-root');
    const fix = setup.fixFor('install-root-certificate');
    const preview = await fix.preview({ certificateFile: certificate });
    expect(preview.ready, preview.blockers.join('; ')).toBe(true);
    // The preview names the helper's add from memory: the checked file is no argument of it.
    expect(preview.commands.find((command) => command.file === 'X509Store')?.args).toEqual(['LocalMachine\\Root', 'Add', ACS_ROOT_CERTIFICATE.sha1Thumbprint]);
    const outcome = await fix.apply({ certificateFile: certificate });
    expect(outcome.status, outcome.message).toBe('succeeded');
    // The real helper (pwsh on the Windows double) adds its own pinned copy of the certificate from memory,
    // never the file it was shown: the awkward path reaches no elevated command.
    const add = outcome.commands.find((command) => command.file === 'X509Store');
    expect(add?.args).toEqual(['LocalMachine\\Root', 'Add', ACS_ROOT_CERTIFICATE.sha1Thumbprint]);
    const elevated = outcome.commands.filter((command) => command.elevated);
    expect(elevated.some((command) => command.args.some((arg) => arg.includes(certificate)))).toBe(false);
    // Tools are started by full path, so a certutil.exe in the current folder or on PATH never runs instead.
    const certutil = outcome.commands.filter((command) => /certutil\.exe$/i.test(command.file));
    expect(certutil.length).toBeGreaterThan(0);
    for (const command of certutil) expect(command.file).toMatch(/^[A-Z]:\\Windows\\System32\\certutil\.exe$/i);
    expectNoShell(setup.runner.requests, certificate);
    // The journal keeps the path exactly as well.
    const journal = await setup.journal.read();
    expect(JSON.stringify(journal.entries)).toContain(JSON.stringify(certificate).slice(1, -1));
  });

  it('through the elevated helper the path travels nowhere: the request names no certificate file', async () => {
    const base = await mkdtemp(join(tmpdir(), 'acs-args-helper-'));
    const certificate = `${base}/${AWKWARD.slice(0, 9).join(' ')}.cer`;
    await copyFile(bundledRootCertificatePath(), certificate);
    const setup = await simulatedFix('server2019-airgapped-missing-root', { elevation: 'helper' });
    const outcome = await setup.fixFor('install-root-certificate').apply({ certificateFile: certificate });
    expect(['succeeded', 'declined']).toContain(outcome.status);
    const launcher = setup.runner.requests.find((request) => request.env?.ACS_HELPER_REQUEST);
    expect(launcher, 'the elevation launcher was started').toBeDefined();
    expect(launcher!.args.join(' ')).not.toContain(certificate);
    const request = JSON.parse(await readFile(launcher!.env!.ACS_HELPER_REQUEST!, 'utf8')) as { request: Record<string, string> };
    expect(Object.keys(request.request).sort()).toEqual(['action', 'sha1Thumbprint', 'sha256Fingerprint']);
    expect(JSON.stringify(request)).not.toContain(JSON.stringify(certificate).slice(1, -1));
    expectNoShell(setup.runner.requests, certificate);
  });

  for (const kind of ['msu', 'cab'] as const) {
    it(`a .${kind} update package in an awkward folder reaches ${kind === 'msu' ? 'wusa' : 'DISM'} as one argument, Authenticode via the environment`, async () => {
      const name = `windows10.0-kb5011487-x64_2a2a52c1f25c1fc5dd9bbdd9f6bb7a1a1ef0cc5e.${kind}`;
      const path = `E:\\${AWKWARD_WINDOWS.join('\\')}\\${name}`;
      const profileFile: LocalFile = {
        kind,
        path,
        kb: 'KB5011487',
        architecture: 'x64',
        forBuild: 19044,
        resultingUbr: 1586,
        grantsAcsSupport: true,
        signer: 'CN=Microsoft Corporation, O=Microsoft Corporation, L=Redmond, S=Washington, C=US',
        signatureValid: true,
        sizeBytes: 664205312,
      } as LocalFile;
      const setup = await simulatedFix('win10-21h2-offline-unpatched', {
        overrides: { localFiles: [profileFile], user: { name: 'technician', isAdmin: true, elevated: true, uacAnswer: 'accept' } } as never,
      });
      const fix = setup.fixFor('install-windows-update');
      const preview = await fix.preview({ packagePath: path, updateSource: 'offline' });
      expect(preview.ready, preview.blockers.join('; ')).toBe(true);
      const outcome = await fix.apply({ packagePath: path, updateSource: 'offline' });
      expect(['succeeded', 'reboot-required'], outcome.message).toContain(outcome.status);
      // The installer runs inside the real helper (pwsh on the Windows double) on the helper's own checked
      // copy of the package; its commands come back with the outcome, the copy's path as one argument.
      const install = outcome.commands.find((command) => /^(wusa|dism)(\.exe)?$/i.test(command.file.split(/[\\/]/).pop()!));
      const copy = `C:\\ProgramData\\ACS Support Assistant\\`;
      if (kind === 'msu') {
        expect(install?.args.slice(1)).toEqual(['/quiet', '/norestart']);
        expect(install?.args[0]!.startsWith(copy) && install.args[0]!.endsWith(`\\${name}`), install?.args[0]).toBe(true);
      } else {
        expect(install?.args.filter((arg) => !arg.startsWith('/PackagePath:'))).toEqual(['/Online', '/Add-Package', '/Quiet', '/NoRestart']);
        const packageArg = install?.args.find((arg) => arg.startsWith('/PackagePath:')) ?? '';
        expect(packageArg.startsWith(`/PackagePath:${copy}`) && packageArg.endsWith(`\\${name}`), packageArg).toBe(true);
      }
      const authenticode = setup.runner.requests.find((request) => request.env?.ACS_PACKAGE_PATH !== undefined);
      expect(authenticode?.env?.ACS_PACKAGE_PATH).toBe(path);
      expectNoShell(setup.runner.requests, path);
    });
  }
});

/** A child that prints what it received: argv, stdin and one environment value, as JSON. */
const ECHO_SCRIPT = "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>process.stdout.write(JSON.stringify({argv:process.argv.slice(1),stdin:s,env:process.env.ACS_TEST_VALUE??null})))";

describe('the node runner with a real child process', () => {
  const runner = createNodeRunner();
  const run = (args: string[], stdin = '', env?: Record<string, string>) =>
    runner.run({ file: process.execPath, args: ['-e', ECHO_SCRIPT, ...args], stdin, timeoutMs: 10_000, ...(env ? { env } : {}) });

  it('passes awkward arguments, stdin and environment values unchanged', async () => {
    const args = [...AWKWARD, '', ' ', '"', "'", '\\', '\\"', 'C:\\Program Files (x86)\\Trend Micro\\x.exe', '%COMSPEC%', '$HOME', '*', '~', '\n', 'a\tb', '😀', '-e', '--', '; rm -rf /'];
    const result = await run(args, '{"x":"$(id) `y` ; & | <>"}', { ACS_TEST_VALUE: '"; & $(id) `x` %PATH%' });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ argv: args, stdin: '{"x":"$(id) `y` ; & | <>"}', env: '"; & $(id) `x` %PATH%' });
  });

  it('any generated argument list arrives unchanged (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ unit: 'grapheme', maxLength: 20 }).filter((text) => !text.includes('\u0000')),
          { maxLength: 6 },
        ),
        async (args) => {
          const result = await run(args);
          expect(JSON.parse(result.stdout).argv).toEqual(args);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('a NUL byte in an argument is a start failure, not an exception', async () => {
    const result = await run(['a\u0000b']);
    expect(result.exitCode).toBeNull();
    expect(result.spawnError?.code).toBeTruthy();
  });

  it('a missing program is reported as ENOENT', async () => {
    const result = await runner.run({ file: '/nonexistent/powershell.exe', args: [], timeoutMs: 5000 });
    expect(result).toMatchObject({ exitCode: null, spawnError: { code: 'ENOENT' } });
  });

  it('ends a program past its time limit, with its children, and says so', async () => {
    const started = performance.now();
    const script = "require('child_process').spawn(process.execPath,['-e','console.log(process.pid);setInterval(()=>{},1000)'],{stdio:'inherit'});setInterval(()=>{},1000)";
    const result = await runner.run({ file: process.execPath, args: ['-e', script], timeoutMs: 800 });
    expect(result).toMatchObject({ exitCode: null, timedOut: true });
    expect(performance.now() - started).toBeLessThan(5000);
    const grandchild = Number(result.stdout.trim());
    expect(grandchild).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Ended: gone, or a zombie waiting to be reaped (State Z) where PID 1 does not reap.
    const state = existsSync(`/proc/${grandchild}/status`) ? /State:\s+(\w)/.exec(readFileSync(`/proc/${grandchild}/status`, 'utf8'))?.[1] : 'gone';
    expect(['gone', 'Z', 'X'], 'the grandchild was ended too').toContain(state);
  });

  it('cuts output at the cap and ends the program', async () => {
    const result = await runner.run({ file: process.execPath, args: ['-e', "setInterval(()=>process.stdout.write('x'.repeat(65536)),1)"], timeoutMs: 10_000, maxOutputBytes: 100_000 });
    expect(result).toMatchObject({ exitCode: null, truncated: true, timedOut: false });
    expect(result.stdout.length).toBe(100_000);
  });

  it('cancels on abort', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const result = await runner.run({ file: process.execPath, args: ['-e', 'setInterval(()=>{},1000)'], timeoutMs: 10_000, signal: controller.signal });
    expect(result).toMatchObject({ exitCode: null, cancelled: true });
  });
});
