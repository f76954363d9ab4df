import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACS_ROOT_CERTIFICATE } from '../../../src-main/catalogue/root-certificate.js';
import { bundledRootCertificatePath, checkRootCertificateFile } from '../../../src-main/fixes/certificate-check.js';
import { assetPath } from '../../../src-main/paths.js';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);
const failed = (checks: { id: string; passed: boolean }[]) => checks.filter((check) => !check.passed).map((check) => check.id);

describe('root certificate file check', () => {
  it('accepts the bundled DER certificate: both fingerprints equal the pinned ones', async () => {
    const check = await checkRootCertificateFile(bundledRootCertificatePath(), new Date('2026-11-24T00:00:00Z'));
    expect(check.ok).toBe(true);
    expect(check.sha1Thumbprint).toBe(ACS_ROOT_CERTIFICATE.sha1Thumbprint);
    expect(check.sha256Fingerprint).toBe(ACS_ROOT_CERTIFICATE.sha256Fingerprint);
    expect(check.subject).toContain('CN=Microsoft Identity Verification Root Certificate Authority 2020');
  });

  it('accepts the PEM form of the same certificate from a path with spaces, quotes, &, ;, %, backticks and Unicode', async () => {
    const dir = await mkdtemp(join(tmpdir(), "tech's USB & certs; 100% `x` é "));
    const file = join(dir, '..', dir.split('/').pop()!, 'root 2020 ünïcode.pem');
    await copyFile(assetPath(ACS_ROOT_CERTIFICATE.pemFile), file);
    expect((await checkRootCertificateFile(file)).ok).toBe(true);
  });

  it('refuses another Microsoft CA (wrong fingerprints)', async () => {
    const check = await checkRootCertificateFile(fixture('wrong-ca-pca-2021.pem'));
    expect(check.ok).toBe(false);
    expect(failed(check.checks)).toEqual(['sha1-pinned', 'sha256-pinned']);
  });

  it('refuses a look-alike with the same name but another key, and says so', async () => {
    const check = await checkRootCertificateFile(fixture('lookalike-acs-root.pem'));
    expect(check.ok).toBe(false);
    expect(check.checks.find((item) => item.id === 'sha1-pinned')!.message).toMatch(/same name, different key/);
  });

  it('refuses a truncated file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'acs-cert-'));
    const file = join(dir, 'truncated.cer');
    const bytes = await readFile(bundledRootCertificatePath());
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const check = await checkRootCertificateFile(file);
    expect(check.ok).toBe(false);
    expect(failed(check.checks)).toEqual(['file-is-certificate']);
    expect(check.checks[0]!.message).toMatch(/truncated/);
  });

  it('refuses the right certificate when it is expired (after 2045-04-16)', async () => {
    const check = await checkRootCertificateFile(bundledRootCertificatePath(), new Date('2046-01-01T00:00:00Z'));
    expect(check.ok).toBe(false);
    expect(failed(check.checks)).toEqual(['valid-now']);
  });

  it('says plainly when the file does not exist', async () => {
    const check = await checkRootCertificateFile('/nowhere/root.cer');
    expect(check.ok).toBe(false);
    expect(check.checks[0]!.message).toMatch(/not found/);
  });
});
