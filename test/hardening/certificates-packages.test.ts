// Certificates and packages a technician (or an attacker) hands the fixes: a certificate with the
// right name but another key (made at test time with openssl; no private key is kept), every
// truncation and bit flip of the real certificate, a bundle that smuggles a second certificate, and
// an update package renamed to a KB the plan accepts. Each is refused with the reason.
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACS_ROOT_CERTIFICATE } from '../../src-main/catalogue/root-certificate.js';
import { bundledRootCertificatePath, type FileAccess } from '../../src-main/fixes/index.js';
import { checkRootCertificateFile } from '../../src-main/fixes/certificate-check.js';
import type { LocalFile } from '../windows-double/host/index.js';
import { simulatedFix } from './support/simulated-fix.js';

const SUBJECT = '/C=US/O=Microsoft Corporation/CN=Microsoft Identity Verification Root Certificate Authority 2020';
let dir: string;
let lookalikePem: string;
let genuineDer: Buffer;
let genuinePem: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'acs-certs-'));
  const key = join(dir, 'throwaway.key');
  lookalikePem = join(dir, 'Microsoft Identity Verification Root Certificate Authority 2020.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', SUBJECT, '-days', '9000', '-keyout', key, '-out', lookalikePem], { stdio: 'ignore', timeout: 30_000 });
  await rm(key); // no private key stays on disk
  genuineDer = await readFile(bundledRootCertificatePath());
  genuinePem = await readFile(bundledRootCertificatePath().replace(/\.cer$/, '.pem'), 'utf8');
});

/** Serves one file's bytes, whatever path is asked (for the pure checks). */
function bytesAccess(bytes: Buffer): FileAccess {
  return { size: async () => bytes.length, read: async () => bytes, sha256: async () => '0'.repeat(64) };
}

describe('certificate files', () => {
  it('a look-alike made now (same subject, another key) is refused by both fingerprints, naming the look-alike; nothing is imported', async () => {
    const derFile = join(dir, 'lookalike.cer');
    execFileSync('openssl', ['x509', '-in', lookalikePem, '-outform', 'DER', '-out', derFile], { timeout: 10_000 });
    for (const file of [lookalikePem, derFile]) {
      const check = await checkRootCertificateFile(file);
      expect(check.ok).toBe(false);
      expect(check.subject).toContain('Microsoft Identity Verification Root Certificate Authority 2020');
      expect(check.checks.find((item) => item.id === 'sha1-pinned')).toMatchObject({ passed: false, message: expect.stringMatching(/same name, different key/) });
      expect(check.checks.find((item) => item.id === 'sha256-pinned')?.passed).toBe(false);
      const setup = await simulatedFix('server2019-airgapped-missing-root');
      const outcome = await setup.fixFor('install-root-certificate').apply({ certificateFile: file });
      expect(outcome.status).toBe('refused');
      expect(outcome.message.length).toBeGreaterThan(10);
      // The helper that could add a root was never started.
      expect(setup.runner.requests.some((request) => request.args.some((arg) => /acs-(elevate|fix-helper)\.ps1$/i.test(arg)))).toBe(false);
      expect(
        Object.values(setup.host.machine.state.certificateStores)
          .flat()
          .some((cert) => cert.thumbprint === check.sha1Thumbprint),
      ).toBe(false);
      expect(await setup.journal.unfinished()).toEqual([]);
    }
  });

  it('every truncation of the real certificate (DER and PEM) is refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }), async (pem, fraction) => {
        const whole = pem ? Buffer.from(genuinePem) : genuineDer;
        const cut = Math.min(whole.length - 1, Math.floor(whole.length * fraction));
        // A PEM cut only in its trailing newline is still the whole certificate.
        if (pem && whole.subarray(0, cut).toString().includes('-----END CERTIFICATE-----')) return;
        const check = await checkRootCertificateFile('cut.cer', new Date('2030-01-01T00:00:00Z'), bytesAccess(whole.subarray(0, cut)));
        expect(check.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('any single changed byte of the real certificate is refused (never accepted)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 10_000 }), fc.integer({ min: 1, max: 255 }), async (index, xor) => {
        const bytes = Buffer.from(genuineDer);
        bytes[index % bytes.length]! ^= xor;
        const check = await checkRootCertificateFile('flipped.cer', new Date('2030-01-01T00:00:00Z'), bytesAccess(bytes)).catch(() => null);
        expect(check?.ok ?? false).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  // Was a bug (reported, fixed in 571b3f9): a damaged validity date made the check throw.
  it('a damaged validity date is refused with a reason, not thrown', async () => {
    const bytes = Buffer.from(genuineDer);
    bytes[173]! ^= 1;
    const check = await checkRootCertificateFile('damaged.cer', new Date('2030-01-01T00:00:00Z'), bytesAccess(bytes));
    expect(check.ok).toBe(false);
    expect(check.checks.find((item) => !item.passed)?.message).toMatch(/damaged|cannot be read/);
  });

  // Was a bug (reported, fixed in 571b3f9): only the first certificate of a file was checked, and the
  // whole file went to certutil.
  it('a file holding the pinned root plus a second certificate (or extra bytes) is refused, or only the checked bytes reach certutil', async () => {
    const bundle = join(dir, 'root-bundle.pem');
    await writeFile(bundle, genuinePem + (await readFile(lookalikePem, 'utf8')));
    const setup = await simulatedFix('server2019-airgapped-missing-root');
    const outcome = await setup.fixFor('install-root-certificate').apply({ certificateFile: bundle });
    const derPlus = join(dir, 'root-plus-bytes.cer');
    await writeFile(derPlus, Buffer.concat([genuineDer, Buffer.from('trailing data')]));
    const second = await checkRootCertificateFile(derPlus);
    expect(second.ok).toBe(false);
    if (outcome.status === 'refused') return expect(outcome.message).toMatch(/more than one certificate|extra data/);
    // Accepted: the helper adds its own pinned bytes (from memory), never the bundle's.
    const add = outcome.commands.find((command) => command.file === 'X509Store');
    expect(add?.args).toEqual(['LocalMachine\\Root', 'Add', ACS_ROOT_CERTIFICATE.sha1Thumbprint]);
  });
});

describe('update packages', () => {
  // Was a bug: the KB was read only from the file name. Now expand.exe -D lists the inner packages and a
  // renamed file is refused before anything is installed.
  it('a package renamed to an accepted KB is refused with the reason (or at least not reported as installed)', async () => {
    const path = 'E:\\Updates\\windows10.0-kb5011487-x64_2a2a52c1f25c1fc5dd9bbdd9f6bb7a1a1ef0cc5e.msu';
    const renamed = { kind: 'msu', path, kb: 'KB5009543', architecture: 'x64', forBuild: 19044, resultingUbr: 1466, grantsAcsSupport: false, sizeBytes: 600_000_000 } as LocalFile;
    const setup = await simulatedFix('win10-21h2-offline-unpatched', {
      overrides: { localFiles: [renamed], user: { name: 'technician', isAdmin: true, elevated: true, uacAnswer: 'accept' } } as never,
    });
    const outcome = await setup.fixFor('install-windows-update').apply({ packagePath: path, updateSource: 'offline' });
    expect(['refused', 'failed']).toContain(outcome.status);
    expect(outcome.message).toMatch(/KB5009543|does not contain|not KB5011487/);
  });

  it('a renamed package that installs never leaves the journal half-written', async () => {
    const path = 'E:\\Updates\\windows10.0-kb5011487-x64_renamed.msu';
    const renamed = { kind: 'msu', path, kb: 'KB5009543', architecture: 'x64', forBuild: 19044, resultingUbr: 1466, grantsAcsSupport: false, sizeBytes: 600_000_000 } as LocalFile;
    const setup = await simulatedFix('win10-21h2-offline-unpatched', {
      overrides: { localFiles: [renamed], user: { name: 'technician', isAdmin: true, elevated: true, uacAnswer: 'accept' } } as never,
    });
    await setup.fixFor('install-windows-update').apply({ packagePath: path, updateSource: 'offline' });
    const journal = await setup.journal.read();
    expect(journal.damagedLines).toEqual([]);
    expect(await setup.journal.unfinished()).toEqual([]);
    expect(journal.entries.map((entry) => entry.event)).toEqual(['started', 'finished']);
  });

  it('a package of the wrong kind, architecture or KB is refused before Windows is asked anything', async () => {
    for (const [name, reason] of [
      ['windows10.0-kb5011487-x64_x.exe', /Only .msu and .cab/],
      ['windows10.0-kb5011487-arm64_x.msu', /Built for arm64, but this Windows is x64/],
      ['windows10.0-kb5000000-x64_x.msu', /KB5000000 is not an update that fixes this Windows/],
      ['windows10.0-x64_x.msu', /does not contain a KB number/],
    ] as const) {
      const path = `E:\\Updates\\${name}`;
      const file = { kind: 'msu', path, kb: 'KB5011487', architecture: 'x64', forBuild: 19044, resultingUbr: 1586, grantsAcsSupport: true, sizeBytes: 1000 } as LocalFile;
      const setup = await simulatedFix('win10-21h2-offline-unpatched', {
        overrides: { localFiles: [file], user: { name: 'technician', isAdmin: true, elevated: true, uacAnswer: 'accept' } } as never,
      });
      const outcome = await setup.fixFor('install-windows-update').apply({ packagePath: path, updateSource: 'offline' });
      expect(outcome.status, name).toBe('refused');
      expect(outcome.message, name).toMatch(reason);
      expect(
        setup.runner.requests.filter((request) => /wusa|dism|powershell/i.test(request.file)),
        name,
      ).toEqual([]);
    }
  });
});
