// Issue 11: the elevated helper trusts nothing an unelevated process could have written. Every test runs
// the REAL assets/fixes/acs-fix-helper.ps1 under pwsh on the Windows double, elevated as an
// administrator would start it, and shows for each field of the request: the untampered request does
// its job, a tampered value is refused and changes nothing (machine state, stores, services, files).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ACS_ROOT_CERTIFICATE } from '#product/catalogue/root-certificate.js';
import { TREND_AGENT_SERVICE_NAMES } from '#product/catalogue/trend-agents.js';
import { RESTART_COMMENT } from '#product/fixes/reboot.js';
import { loadMachineProfile } from '../windows-double/host/index.js';
import type { MachineState } from '../windows-double/host/machine-state.js';
import { ADMINISTRATORS, createHelperMachine, envelopeFor, HELPER_SCRIPT, runHelper, USER_WRITABLE_ACL, type HelperMachine } from '../support/helper-double.js';
import { pwshMissingOutsideCi, REPO_ROOT } from '../support/pwsh.js';

const missing = pwshMissingOutsideCi();
const suite = missing ? describe.skip : describe;

const ROOT = { action: 'import-root-certificate', sha1Thumbprint: ACS_ROOT_CERTIFICATE.sha1Thumbprint, sha256Fingerprint: ACS_ROOT_CERTIFICATE.sha256Fingerprint };
const MS_ROOT_2010 = '3B1EFD3A66EA28B16697394703A72CA340A05BD5';
const PACKAGE = 'E:\\Updates\\windows10.0-kb5011487-x64_2a2a52c1f25c1fc5dd9bbdd9f6bb7a1a1ef0cc5e.msu';
const X86_PACKAGE = 'E:\\Updates\\windows10.0-kb5011487-x86_6b6fa9bb4e4cc2a5c2b8fcd37a0a0e9df4ad8e4b.msu';
const TIMEOUT = 180_000;

const machines: HelperMachine[] = [];
afterEach(async () => {
  await Promise.all(machines.splice(0).map((machine) => machine.dispose()));
});

async function machineFor(profile = 'win10-21h2-offline-unpatched', change?: (state: MachineState) => void): Promise<HelperMachine> {
  const { machine: state } = await loadMachineProfile(profile);
  change?.(state);
  const machine = await createHelperMachine(state);
  machines.push(machine);
  return machine;
}

const acsRoot = () => ({
  thumbprint: ACS_ROOT_CERTIFICATE.sha1Thumbprint,
  subject: ACS_ROOT_CERTIFICATE.subject,
  issuer: ACS_ROOT_CERTIFICATE.subject,
  notBefore: ACS_ROOT_CERTIFICATE.notBefore,
  notAfter: ACS_ROOT_CERTIFICATE.notAfter,
  serialNumber: ACS_ROOT_CERTIFICATE.serialNumber,
});
const rootThumbprints = async (machine: HelperMachine) => (await machine.state()).certificateStores.Root.map((cert) => cert.thumbprint).sort();
const refusedFor = (field: string) => expect.objectContaining({ status: 'refused', reason: 'request-invalid', message: expect.stringContaining(`(${field})`) });

suite('the elevated helper (real script, pwsh, Windows double)', () => {
  test(
    "untampered root request: adds the pinned root from the helper's own bytes; result and journal in its admins-only folder",
    async () => {
      const machine = await machineFor();
      expect(await rootThumbprints(machine)).not.toContain(ACS_ROOT_CERTIFICATE.sha1Thumbprint);
      const run = await runHelper(machine, ROOT);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.result).toMatchObject({ action: 'import-root-certificate', status: 'ok', alreadyPresent: false });
      expect(await rootThumbprints(machine)).toContain(ACS_ROOT_CERTIFICATE.sha1Thumbprint);
      const journal = await machine.journal();
      expect(journal.map((line) => line.event)).toEqual(['started', 'finished']);
      expect(journal[1]).toMatchObject({
        writer: 'helper',
        status: 'succeeded',
        details: expect.objectContaining({ added: true, thumbprint: ACS_ROOT_CERTIFICATE.sha1Thumbprint, requestRunId: run.runId }),
      });
      // The folder the helper created: owner Administrators, no write right for anyone else.
      const acl = (await machine.acls())[machine.dataFolder()]!;
      expect(acl.owner).toBe(ADMINISTRATORS);
      expect(acl.access.map((ace) => ace.sid).sort()).toEqual(['S-1-5-18', 'S-1-5-32-544', 'S-1-5-32-545']);
      // Nothing is left next to the request in the person's profile.
      expect(await readdir(join(run.requestFile, '..'))).toEqual(['request.json']);
    },
    TIMEOUT,
  );

  test(
    'an extra root: a request naming any other thumbprint or fingerprint is refused, nothing imported',
    async () => {
      const machine = await machineFor();
      const before = await rootThumbprints(machine);
      const run = await runHelper(machine, { ...ROOT, sha1Thumbprint: '0563B8630D62D75ABBC8AB1E4BDFB5A899B24D43' });
      expect(run.result).toEqual(refusedFor('sha1Thumbprint'));
      const other = await runHelper(machine, { ...ROOT, sha256Fingerprint: '0'.repeat(64) });
      expect(other.result).toEqual(refusedFor('sha256Fingerprint'));
      expect(await rootThumbprints(machine)).toEqual(before);
    },
    TIMEOUT,
  );

  test(
    'a PKCS#7 file with two certificates named in the request is refused; the untampered import adds exactly one root',
    async () => {
      const machine = await machineFor();
      const folder = join(machine.dir, 'profile', 'Downloads');
      await mkdir(folder, { recursive: true });
      const extraKey = join(folder, 'extra.key');
      const extraPem = join(folder, 'extra.pem');
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', extraKey, '-out', extraPem, '-days', '30', '-subj', '/CN=Extra Root/O=Attacker'], { stdio: 'ignore' });
      const p7b = join(folder, 'acs-root.p7b');
      execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', join(REPO_ROOT, 'assets', ACS_ROOT_CERTIFICATE.pemFile), '-certfile', extraPem, '-out', p7b, '-outform', 'DER']);
      const before = await rootThumbprints(machine);
      const run = await runHelper(machine, { ...ROOT, certificateFile: p7b });
      expect(run.result).toEqual(refusedFor('certificateFile'));
      expect(await rootThumbprints(machine)).toEqual(before);
      const good = await runHelper(machine, ROOT);
      expect(good.result).toMatchObject({ status: 'ok' });
      expect(await rootThumbprints(machine)).toEqual([...before, ACS_ROOT_CERTIFICATE.sha1Thumbprint].sort());
    },
    TIMEOUT,
  );

  test(
    'a certificate swapped after the check cannot matter: the helper never reads a certificate file it was given',
    async () => {
      const machine = await machineFor();
      const source = await readFile(HELPER_SCRIPT, 'utf8');
      // The bytes it imports are a constant of the script, equal to the shipped certificate.
      const der = await readFile(join(REPO_ROOT, 'assets', ACS_ROOT_CERTIFICATE.derFile));
      expect(source).toContain(`$PinnedRootBase64 = '${der.toString('base64')}'`);
      expect(source).not.toMatch(/certificateFile/);
      const run = await runHelper(machine, ROOT);
      expect(run.result).toMatchObject({ status: 'ok' });
      // Added from memory (X509Store): no certificate file exists at any moment, in any folder.
      const commands = run.result!.commands as { file: string; args: string[] }[];
      expect(commands.map((command) => [command.file.split(/[\\/]/).pop(), ...command.args].join(' '))).toEqual([
        `certutil.exe -store Root ${ACS_ROOT_CERTIFICATE.sha1Thumbprint}`,
        `X509Store LocalMachine\\Root Add ${ACS_ROOT_CERTIFICATE.sha1Thumbprint}`,
        `certutil.exe -store Root ${ACS_ROOT_CERTIFICATE.sha1Thumbprint}`,
      ]);
      expect(existsSync(join(machine.dataFolder(), 'work', run.runId))).toBe(false);
    },
    TIMEOUT,
  );

  test(
    'a foreign thumbprint to remove is refused (the store keeps it); the pinned root is removed',
    async () => {
      const machine = await machineFor();
      expect(await rootThumbprints(machine)).toContain(MS_ROOT_2010);
      const run = await runHelper(machine, { action: 'remove-root-certificate', sha1Thumbprint: MS_ROOT_2010 });
      expect(run.result).toEqual(refusedFor('sha1Thumbprint'));
      expect(await rootThumbprints(machine)).toContain(MS_ROOT_2010);
      await runHelper(machine, ROOT);
      const removed = await runHelper(machine, { action: 'remove-root-certificate', sha1Thumbprint: ACS_ROOT_CERTIFICATE.sha1Thumbprint });
      expect(removed.result).toMatchObject({ status: 'ok' });
      expect(await rootThumbprints(machine)).not.toContain(ACS_ROOT_CERTIFICATE.sha1Thumbprint);
      expect(await rootThumbprints(machine)).toContain(MS_ROOT_2010);
    },
    TIMEOUT,
  );

  test(
    'services: an unknown or system service (TrustedInstaller) is refused and nothing starts; agent services start',
    async () => {
      const machine = await machineFor('win10-21h2-offline-unpatched', (state) => {
        state.os.acsSupport = true;
        state.certificateStores.Root.push(acsRoot());
        state.services.push({
          name: 'TrustedInstaller',
          displayName: 'Windows Modules Installer',
          state: 'Stopped',
          startType: 'Manual',
          exitCode: 0,
          imagePath: 'C:\\Windows\\servicing\\TrustedInstaller.exe',
          dependsOn: [],
          protectedProcess: false,
        });
      });
      const states = async () => Object.fromEntries((await machine.state()).services.map((service) => [service.name, service.state]));
      const before = await states();
      for (const services of [['TrustedInstaller'], ['TmListen', 'TrustedInstaller'], ['EvilSvc'], ['TmListen', 'TmListen'], []]) {
        const run = await runHelper(machine, { action: 'start-services', services, timeoutMs: 5_000, pollIntervalMs: 100 });
        expect(run.result, services.join(',')).toEqual(refusedFor('services'));
      }
      const wrongType = await runHelper(machine, { action: 'start-services', services: ['TmListen'], timeoutMs: '5000', pollIntervalMs: 100 });
      expect(wrongType.result).toEqual(refusedFor('timeoutMs'));
      expect(await states()).toEqual(before);
      const good = await runHelper(machine, { action: 'start-services', services: ['TmListen'], timeoutMs: 5_000, pollIntervalMs: 100 });
      expect(good.result).toMatchObject({ status: 'ok', services: [expect.objectContaining({ name: 'TmListen', running: true })] });
      expect((await states()).TmListen).toBe('Running');
      expect((await states()).TrustedInstaller).toBe('Stopped');
    },
    TIMEOUT,
  );

  test('environment: tools only from [Environment]::SystemDirectory, modules only from $PSHOME (static check of the script)', async () => {
    const source = await readFile(HELPER_SCRIPT, 'utf8');
    const code = source
      .replace(/<#[\s\S]*?#>/, '')
      .split('\n')
      .filter((line) => !line.trim().startsWith('#'))
      .join('\n');
    // PSModulePath is reset before the first module import (the double's, in the test seam) or any command that could autoload one.
    const reset = code.indexOf("$env:PSModulePath = [System.IO.Path]::Combine($PSHOME, 'Modules')");
    expect(reset).toBeGreaterThan(0);
    expect(reset).toBeLessThan(code.indexOf('Import-Module'));
    expect(code).toContain('$System32 = [Environment]::SystemDirectory');
    expect(code).not.toMatch(/\$env:(SystemRoot|windir|PATH)\b/i);
    // Every Windows program by the full path Get-SystemTool builds, never by a bare name.
    expect(code).not.toMatch(/&\s*['"]?(certutil|sc|wusa|dism|shutdown|expand|icacls)(\.exe)?['"]?\s/i);
    expect(code.match(/Get-SystemTool '([a-z]+\.exe)'/g)!.length).toBeGreaterThanOrEqual(7);
  });

  test("the helper's service list is the agent catalogue", async () => {
    const source = await readFile(HELPER_SCRIPT, 'utf8');
    const list = /\$AgentServices = @\(([^)]*)\)/
      .exec(source)![1]!
      .split(',')
      .map((item) => item.trim().replace(/^'|'$/g, ''));
    expect(list).toEqual([...TREND_AGENT_SERVICE_NAMES]);
  });

  test(
    "restart: `shutdown /m \\\\host`, quotes and & in the comment, a delay that is not a number are refused; the app's own request restarts",
    async () => {
      const machine = await machineFor();
      const clock = async () => (await machine.state()).now;
      const before = await clock();
      const tampered: [Record<string, unknown>, string][] = [
        [{ delaySeconds: 60, comment: 'Restarting" /m \\\\fileserver /c "bye' }, 'comment'],
        [{ delaySeconds: 60, comment: 'Save your work & go' }, 'comment'],
        [{ delaySeconds: 60, comment: 'x\n/m \\\\fileserver' }, 'comment'],
        [{ delaySeconds: '60 /m \\\\fileserver', comment: 'Restarting' }, 'delaySeconds'],
        [{ delaySeconds: 86_400, comment: 'Restarting' }, 'delaySeconds'],
        [{ delaySeconds: 60, comment: 'Restarting', force: '/f' }, 'force'],
      ];
      for (const [fields, field] of tampered) {
        const run = await runHelper(machine, { action: 'restart-computer', ...fields });
        expect(run.result, JSON.stringify(fields)).toEqual(refusedFor(field));
      }
      expect(await clock()).toBe(before);
      const good = await runHelper(machine, { action: 'restart-computer', delaySeconds: 60, comment: RESTART_COMMENT });
      expect(good.result).toMatchObject({ status: 'ok' });
      expect((good.result!.commands as { args: string[] }[])[0]!.args).toEqual(['/r', '/t', '60', '/c', RESTART_COMMENT]);
      expect(await clock()).not.toBe(before);
    },
    TIMEOUT,
  );

  test(
    'result and journal paths in the request are refused; nothing is written where they point',
    async () => {
      const machine = await machineFor();
      const planted = join(machine.dir, 'profile', 'Startup', 'evil.cmd');
      for (const extra of [{ resultFile: planted }, { journalFile: planted }]) {
        const runId = crypto.randomUUID();
        const run = await runHelper(machine, ROOT, { runId, envelope: { ...envelopeFor(ROOT, runId), ...extra } });
        expect(run.result).toEqual(refusedFor(Object.keys(extra)[0]!));
      }
      expect(existsSync(planted)).toBe(false);
      expect(await rootThumbprints(machine)).not.toContain(ACS_ROOT_CERTIFICATE.sha1Thumbprint);
    },
    TIMEOUT,
  );

  test(
    'a request changed after its hash was taken is refused before it is read',
    async () => {
      const machine = await machineFor('win10-21h2-offline-unpatched', (state) => {
        state.os.acsSupport = true;
      });
      const run = await runHelper(
        machine,
        { action: 'start-services', services: ['TmListen'], timeoutMs: 5_000, pollIntervalMs: 100 },
        {
          afterHash: async (file) => {
            const envelope = JSON.parse(await readFile(file, 'utf8')) as { request: { services: string[] } };
            envelope.request.services = ['ntrtscan'];
            await writeFile(file, JSON.stringify(envelope), 'utf8');
          },
        },
      );
      expect(run.result).toMatchObject({ status: 'refused', reason: 'request-changed' });
      const services = (await machine.state()).services;
      expect(services.find((service) => service.name === 'ntrtscan')!.state).toBe('Stopped');
      expect(services.find((service) => service.name === 'TmListen')!.state).toBe('Stopped');
      expect(await machine.journal()).toEqual([]);
    },
    TIMEOUT,
  );

  test(
    'invocation without a valid hash or run id: no result, exit code 2',
    async () => {
      const machine = await machineFor();
      const run = await runHelper(machine, ROOT, { sha256: 'not-a-hash' });
      expect(run.exitCode).toBe(2);
      expect(run.result).toBeNull();
    },
    TIMEOUT,
  );
});

suite('update packages in the helper (real script, pwsh, Windows double)', () => {
  const request = (sha256: string, packagePath = PACKAGE) => ({ action: 'install-update-package', packagePath, packageSha256: sha256, kb: 'KB5011487', installer: 'wusa', timeoutMs: 600_000 });
  const hotfixes = async (machine: HelperMachine) => (await machine.state()).hotfixes.map((hotfix) => hotfix.id);

  test(
    'untampered: copies the package into its own folder, checks it there, installs that copy (restart needed)',
    async () => {
      const machine = await machineFor();
      const { sha256 } = await machine.placePackage(PACKAGE);
      const run = await runHelper(machine, request(sha256));
      expect(run.result, String(run.result?.message) + run.stderr).toMatchObject({ status: 'reboot-required', exitCode: 3010 });
      expect(await hotfixes(machine)).toContain('KB5011487');
      const commands = run.result!.commands as { file: string; args: string[] }[];
      const copy = `C:\\ProgramData\\ACS Support Assistant\\work\\${run.runId}\\windows10.0-kb5011487-x64_2a2a52c1f25c1fc5dd9bbdd9f6bb7a1a1ef0cc5e.msu`;
      expect(commands.map((command) => command.args)).toEqual([
        ['-D', copy],
        [copy, '/quiet', '/norestart'],
      ]);
      // The copy is gone afterwards.
      expect(await readdir(join(machine.dataFolder(), 'work', run.runId))).toEqual([]);
    },
    TIMEOUT,
  );

  test(
    "a package swapped after the app checked it is refused (hash of the helper's copy), nothing installed",
    async () => {
      const machine = await machineFor();
      const { sha256 } = await machine.placePackage(PACKAGE);
      const x86 = await machine.placePackage(X86_PACKAGE);
      await cp(x86.local, machine.local(PACKAGE));
      const run = await runHelper(machine, request(sha256));
      expect(run.result).toMatchObject({ status: 'refused', reason: 'package-changed' });
      expect(await hotfixes(machine)).not.toContain('KB5011487');
    },
    TIMEOUT,
  );

  test(
    'a package swapped while the helper runs (after it copied and checked it) changes nothing: its checked copy is installed',
    async () => {
      const machine = await machineFor();
      const { sha256, local } = await machine.placePackage(PACKAGE);
      const x86 = await machine.placePackage(X86_PACKAGE);
      // The attacker replaces the original with the x86 package when the helper lists the package's content.
      const run = await runHelper(machine, request(sha256), { env: { ACS_DOUBLE_SWAP: `expand|${local}|${x86.local}` } });
      expect(await readFile(local, 'utf8')).toBe(await readFile(x86.local, 'utf8'));
      // Installing the x86 file would be "not applicable" on this x64 machine: the x64 copy was installed.
      expect(run.result).toMatchObject({ status: 'reboot-required', exitCode: 3010 });
      expect(await hotfixes(machine)).toContain('KB5011487');
    },
    TIMEOUT,
  );

  test(
    'UNC, device and mapped-network paths are refused with a clear message, nothing installed',
    async () => {
      const machine = await machineFor();
      const { sha256 } = await machine.placePackage(PACKAGE);
      const name = 'windows10.0-kb5011487-x64_2a2a52c1f25c1fc5dd9bbdd9f6bb7a1a1ef0cc5e.msu';
      for (const path of [
        `\\\\fileserver\\updates\\${name}`,
        `\\\\?\\E:\\Updates\\${name}`,
        `\\\\.\\E:\\Updates\\${name}`,
        `\\\\?\\UNC\\fileserver\\updates\\${name}`,
        `N:\\Updates\\${name}`,
        `E:\\Updates\\..\\Updates\\${name}`,
        `E:\\Updates\\${name}:evil.msu`,
      ]) {
        const run = await runHelper(machine, request(sha256, path), { env: { ACS_DOUBLE_NETWORK_DRIVES: 'N' } });
        expect(run.result, path).toMatchObject({ status: 'refused', reason: 'package-not-local', message: expect.stringContaining('local disk') });
      }
      expect(await hotfixes(machine)).not.toContain('KB5011487');
    },
    TIMEOUT,
  );

  test(
    'a look-alike Microsoft subject (CN=Evil Ltd, OU="Build, O=Microsoft Corporation, Team") is refused by the chain\'s root thumbprint',
    async () => {
      const lookAlike = 'CN=Evil Ltd, OU="Build, O=Microsoft Corporation, Team"';
      const path = 'E:\\Updates\\windows10.0-kb5011487-x64_evil.msu';
      const machine = await machineFor('win10-21h2-offline-unpatched', (state) => {
        const original = state.localFiles.find((file) => file.path === PACKAGE)!;
        state.localFiles.push({ ...original, path, signer: lookAlike } as MachineState['localFiles'][number]);
      });
      // The subject test the helper used before (and the app's package check still shows) passes it.
      expect(/(^|,\s*)O=Microsoft Corporation(,|$)/.test(lookAlike)).toBe(true);
      const { sha256 } = await machine.placePackage(path);
      const run = await runHelper(machine, request(sha256, path));
      expect(run.result).toMatchObject({ status: 'refused', reason: 'package-not-microsoft' });
      expect(await hotfixes(machine)).not.toContain('KB5011487');
    },
    TIMEOUT,
  );

  test(
    'a package named for one KB that holds another is refused; an installer that does not fit the file is refused',
    async () => {
      const machine = await machineFor();
      const { sha256 } = await machine.placePackage(PACKAGE);
      const wrongKb = await runHelper(machine, { ...request(sha256), kb: 'KB5009543' });
      expect(wrongKb.result).toMatchObject({ status: 'refused', reason: 'package-wrong-kb' });
      const dism = await runHelper(machine, { ...request(sha256), installer: 'dism' });
      expect(dism.result).toEqual(refusedFor('installer'));
      expect(await hotfixes(machine)).not.toContain('KB5011487');
    },
    TIMEOUT,
  );
});

suite('where the helper runs and writes (real script, pwsh, Windows double)', () => {
  test(
    'a helper in a folder non-administrators can change refuses to act (profile copy, C:\\Tools-style Modify)',
    async () => {
      const machine = await machineFor();
      for (const acl of [null, USER_WRITABLE_ACL]) {
        const folder = join(machine.dir, acl ? 'Tools' : 'profile-copy');
        await mkdir(folder, { recursive: true });
        const copy = join(folder, 'acs-fix-helper.ps1');
        await cp(HELPER_SCRIPT, copy);
        if (acl) await machine.setAcl(folder, acl);
        const run = await runHelper(machine, ROOT, { script: copy });
        expect(run.result).toMatchObject({ status: 'refused', reason: 'helper-location' });
      }
      expect(await rootThumbprints(machine)).not.toContain(ACS_ROOT_CERTIFICATE.sha1Thumbprint);
    },
    TIMEOUT,
  );

  test(
    'a helper folder a standard user created in ProgramData beforehand is refused (exit 3, no result there)',
    async () => {
      const machine = await machineFor();
      await mkdir(join(machine.dataFolder(), 'results'), { recursive: true });
      const run = await runHelper(machine, ROOT);
      expect(run.exitCode).toBe(3);
      expect(run.stderr).toContain('was not created by an administrator');
      expect(run.result).toBeNull();
      expect(await rootThumbprints(machine)).not.toContain(ACS_ROOT_CERTIFICATE.sha1Thumbprint);
    },
    TIMEOUT,
  );

  test(
    'Constrained Language Mode: a clear message and exit 86 instead of "Cannot create type" (issue 10, defect 6)',
    async () => {
      const machine = await machineFor();
      const { runScriptOnDouble } = await import('../support/pwsh.js');
      const run = await runScriptOnDouble(machine, HELPER_SCRIPT, {
        languageMode: 'ConstrainedLanguage',
        params: { ActionId: 'import-root-certificate', RequestFile: 'x', RequestSha256: '0'.repeat(64), RunId: crypto.randomUUID() },
        env: machine.env(true),
      });
      expect(run.exitCode).toBe(86);
      expect(JSON.parse(run.stdout.trim().split('\n')[0]!)).toEqual({ acsHelperUnavailable: true, languageMode: 'ConstrainedLanguage' });
      expect(run.stdout).toContain('PowerShell is in ConstrainedLanguage mode on this machine (application control)');
      expect(run.stdout + run.stderr).not.toContain('Cannot create type');
      expect(await rootThumbprints(machine)).not.toContain(ACS_ROOT_CERTIFICATE.sha1Thumbprint);
    },
    TIMEOUT,
  );
});
