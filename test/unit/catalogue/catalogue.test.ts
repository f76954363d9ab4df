// The catalogue against its sources: the bundled root certificate's fingerprints, and the KB table
// against the researched reference table (test/fixtures/reference/kb5022661.json, from shared/reference).
import { X509Certificate, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACS_ROOT_CERTIFICATE } from '../../../src-main/catalogue/root-certificate.js';
import { REQUIREMENTS, acceptedRollupKbs, type UpdateRequirement } from '../../../src-main/catalogue/kb5022661.js';
import { assetPath } from '../../../src-main/paths.js';

interface ReferenceRow {
  product: string;
  min_kb: string | null;
  min_build: string | null;
  channel: string | null;
  later_rollups?: { kb: string; date: string }[];
}
const reference: ReferenceRow[] = JSON.parse(readFileSync(new URL('../../fixtures/reference/kb5022661.json', import.meta.url), 'utf8'));
const rows = Object.values(REQUIREMENTS) as UpdateRequirement[];

function colonless(fingerprint: string): string {
  return fingerprint.replace(/:/g, '').toUpperCase();
}

describe('the bundled ACS root certificate', () => {
  for (const file of [ACS_ROOT_CERTIFICATE.derFile, ACS_ROOT_CERTIFICATE.pemFile]) {
    it(`${file} has the pinned SHA-1 and SHA-256 fingerprints`, () => {
      const certificate = new X509Certificate(readFileSync(assetPath(file)));
      expect(colonless(certificate.fingerprint)).toBe(ACS_ROOT_CERTIFICATE.sha1Thumbprint);
      expect(colonless(certificate.fingerprint256)).toBe(ACS_ROOT_CERTIFICATE.sha256Fingerprint);
      expect(certificate.subject).toContain('CN=Microsoft Identity Verification Root Certificate Authority 2020');
      expect(certificate.serialNumber.toUpperCase()).toBe(ACS_ROOT_CERTIFICATE.serialNumber);
      expect(certificate.verify(certificate.publicKey)).toBe(true);
      expect(certificate.ca).toBe(true);
    });
  }

  it('the SHA-1 thumbprint is the hash of the DER bytes', () => {
    const der = readFileSync(assetPath(ACS_ROOT_CERTIFICATE.derFile));
    expect(createHash('sha1').update(der).digest('hex').toUpperCase()).toBe('F40042E2E5F7E8EF8189FED15519AECE42C3BFA2');
  });
});

describe('the KB5022661 table', () => {
  it('every row carries a source link', () => {
    for (const row of rows) {
      expect(row.sources.length, row.key).toBeGreaterThan(0);
      for (const source of row.sources) expect(source.url, row.key).toMatch(/^https:\/\//);
    }
  });

  it('matches the researched minimum KB and build of every Windows 10 / Server row', () => {
    const checks: [string, string, string][] = [
      ['Windows Server 2022', 'KB5005619', '20348.261'],
      ['Windows 10, version 2004', 'KB5005611', '19041.1266'],
      ['Windows 10, version 20H2', 'KB5005611', '19042.1266'],
      ['Windows 10, version 21H1', 'KB5005611', '19043.1266'],
      ['Windows 10, version 1909', 'KB5005624', '18363.1830'],
      ['Windows Server 2019', 'KB5005625', '17763.2210'],
      ['Windows Server 2016', 'KB5006669', '14393.4704'],
      ['Windows 10, version 1507 (RTM / Enterprise LTSB 2015)', 'KB5006675', '10240.19086'],
    ];
    for (const [product, kb, build] of checks) {
      const ref = reference.find((row) => row.product === product);
      expect(ref, product).toBeDefined();
      expect([ref!.min_kb, ref!.min_build]).toEqual([kb, build]);
      const [major, ubr] = build.split('.').map(Number);
      const ours = rows.find((row) => row.rule === 'cumulative' && row.build === major && row.requiredKb === kb);
      expect(ours && ours.rule === 'cumulative' && ours.minimumUbr, product).toBe(ubr);
    }
  });

  it('holds the researched later monthly rollups of every pre-Windows 10 branch', () => {
    const branches: [string, UpdateRequirement][] = [
      ['KB5006714', REQUIREMENTS.server_2012r2],
      ['KB5006739', REQUIREMENTS.server_2012],
      ['KB5006743', REQUIREMENTS.win7_sp1],
      ['KB5006736', REQUIREMENTS.server_2008_sp2],
    ];
    for (const [monthlyRollup, requirement] of branches) {
      const ref = reference.find((row) => row.min_kb === monthlyRollup && row.channel === 'monthly-rollup');
      expect(requirement.rule).toBe('rollup');
      if (requirement.rule !== 'rollup') continue;
      expect(requirement.laterRollups.map((entry) => entry.kb)).toEqual(ref!.later_rollups!.map((entry) => entry.kb));
      const securityOnly = reference.find((row) => row.product === ref!.product && row.channel === 'security-only');
      expect(requirement.securityOnly).toBe(securityOnly!.min_kb);
      expect(acceptedRollupKbs(requirement)).toContain(monthlyRollup);
    }
  });

  it("Trend Micro's stricter 21H2 row is 19044.1586 (KB5011487)", () => {
    expect(REQUIREMENTS.win10_21h2.stricter).toMatchObject({ minimumUbr: 1586, requiredKb: 'KB5011487' });
  });
});
