// Static checks of the Intune Remediations pair (no PowerShell on this machine): Windows PowerShell 5.1
// syntax only, no input spliced anywhere, tables equal to the catalogue, embedded root equal to the asset.
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { acceptedRollupKbs, REQUIREMENTS } from '../../../src-main/catalogue/kb5022661.js';
import { ACS_ROOT_CERTIFICATE } from '../../../src-main/catalogue/root-certificate.js';
import { TREND_AGENT_SERVICE_NAMES } from '../../../src-main/catalogue/trend-agents.js';
import { identifyWindows } from '../../../src-main/catalogue/windows-versions.js';

const asset = (name: string) => new URL(`../../../assets/fleet/${name}`, import.meta.url);
const detection = readFileSync(asset('detect-acs-readiness.ps1'), 'utf8');
const remediation = readFileSync(asset('remediate-acs-root.ps1'), 'utf8');

describe.each([
  ['detection', detection],
  ['remediation', remediation],
])('%s script', (_name, script) => {
  it('is plain ASCII with Windows line endings (PowerShell 5.1 reads BOM-less files as ANSI)', () => {
    expect(script).toMatch(/^[\x20-\x7E\r\n\t]*$/);
    expect(script.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('uses no syntax newer than Windows PowerShell 5.1', () => {
    const code = script.replace(/<#[\s\S]*?#>/, '').replace(/#.*$/gm, '');
    expect(code).not.toMatch(/\?\?|\?\.|&&|\|\||-Parallel\b|\bclean\s*\{|\$PSStyle|ConvertFrom-Json\s+-AsHashtable/);
  });

  it('takes no input and builds no code from text', () => {
    // The only environment values read: the 32-bit check and the double's test seam (off Windows only).
    const allowed = script
      .replace('if ([Environment]::OSVersion.Platform -ne [PlatformID]::Win32NT -and $env:ACS_WINDOWS_DOUBLE) { Import-Module -Name ([string]$env:ACS_WINDOWS_DOUBLE) -DisableNameChecking }', '')
      .replace('if ($env:PROCESSOR_ARCHITEW6432) {', '');
    expect(allowed).not.toMatch(/\bparam\s*\(|\$args\b|Read-Host|Invoke-Expression|\biex\b|\[scriptblock\]::Create|Start-Process|cmd(\.exe)?\s*\/c|\$env:/i);
  });

  it('ends every path with an explicit exit code', () => {
    expect(script).toMatch(/exit 0\s*$/m);
    expect(script).toContain('exit 1');
    expect(script).toContain("$ErrorActionPreference = 'Stop'");
  });
});

describe('detection script', () => {
  it('keeps its one line of output under the 2,048-character Intune limit', () => {
    expect(detection).toContain("if ($line.Length -gt 2000) { $line = $line.Substring(0, 1997) + '...' }");
    // One line on every path: the two refusals (32-bit process, ConstrainedLanguage) exit right after theirs.
    expect(detection.match(/Write-Output/g)).toHaveLength(3);
    expect(detection.match(/Write-Output [^\n]*\r?\n\s*exit 1/g)).toHaveLength(2);
  });

  it('has the minimum builds of the catalogue (Trend Micro’s stricter rule included)', () => {
    const table = /\$MinimumUbr = @\{([^}]*)\}/.exec(detection)?.[1] ?? '';
    const scripted = Object.fromEntries([...table.matchAll(/(\d+) = (\d+)/g)].map((match) => [match[1], Number(match[2])]));
    const expected: Record<string, number> = {};
    for (const requirement of Object.values(REQUIREMENTS)) {
      if (requirement.rule !== 'cumulative') continue;
      const minimum = requirement.stricter?.minimumUbr ?? requirement.minimumUbr;
      expected[String(requirement.build)] = Math.max(expected[String(requirement.build)] ?? 0, minimum);
    }
    expect(scripted).toEqual(expected);
  });

  it('counts the same builds as native as the catalogue', () => {
    expect(detection).toContain('if ($build -eq 19045 -or $build -ge $FirstNativeBuild) {');
    expect(detection).toContain('$FirstNativeBuild = 22000');
    const scriptNative = (build: number) => build === 19045 || build >= 22000;
    const builds = [7601, 9200, 9600, 10240, 14393, 17763, 18363, 19041, 19042, 19043, 19044, 19045, 20348, 22000, 22621, 22631, 25398, 26100, 26200, 28000];
    for (const installationType of ['Client', 'Server'] as const) {
      for (const build of builds) {
        const os = { productName: 'Windows', editionId: 'x', installationType, currentBuild: build, ubr: 1, displayVersion: null, architecture: 'x64' as const };
        const identified = identifyWindows(os);
        if (!identified.ok) continue;
        expect({ installationType, build, native: scriptNative(build) }).toEqual({ installationType, build, native: identified.requirement.rule === 'native' });
      }
    }
  });

  it('accepts exactly the catalogue’s rollups before Windows 10', () => {
    const rollupLine = (build: number) => new RegExp(`^  ${build} = '([^']*)'`, 'm').exec(detection)?.[1]?.split(' ');
    expect(rollupLine(9600)).toEqual(acceptedRollupKbs(REQUIREMENTS.server_2012r2));
    expect(rollupLine(9600)).toEqual(acceptedRollupKbs(REQUIREMENTS.win81));
    expect(rollupLine(9200)).toEqual(acceptedRollupKbs(REQUIREMENTS.server_2012));
    expect(rollupLine(7601)).toEqual(acceptedRollupKbs(REQUIREMENTS.win7_sp1));
    expect(rollupLine(7601)).toEqual(acceptedRollupKbs(REQUIREMENTS.server_2008r2_sp1));
    expect(rollupLine(6002)).toEqual(acceptedRollupKbs(REQUIREMENTS.server_2008_sp2));
    expect(rollupLine(6003)).toEqual(acceptedRollupKbs(REQUIREMENTS.server_2008_sp2));
  });

  it('looks at every Trend Micro agent service of the catalogue, selected exactly as the remediation does', () => {
    const list = /\$AgentServiceNames = @\(([^)]*)\)/.exec(detection)?.[1] ?? '';
    expect([...list.matchAll(/'([^']+)'/g)].map((match) => match[1])).toEqual([...TREND_AGENT_SERVICE_NAMES]);
    const selection = (script: string) => /\$AgentServiceNames = [\s\S]*?function Get-AgentService \{[\s\S]*?\r?\n\}/.exec(script)?.[0];
    expect(selection(detection)).toBeDefined();
    expect(selection(remediation)).toBe(selection(detection));
  });
});

describe('remediation script', () => {
  it('embeds exactly the bundled root certificate and pins its fingerprints', () => {
    const base64 = [...(/\$AcsRootBase64 = -join @\(([\s\S]*?)\)/.exec(remediation)?.[1] ?? '').matchAll(/'([A-Za-z0-9+/=]+)'/g)].map((match) => match[1]).join('');
    const embedded = Buffer.from(base64, 'base64');
    const bundled = readFileSync(new URL('../../../assets/certificates/microsoft-identity-verification-root-2020.cer', import.meta.url));
    expect(embedded.equals(bundled)).toBe(true);
    const certificate = new X509Certificate(embedded);
    expect(certificate.fingerprint.replace(/:/g, '')).toBe(ACS_ROOT_CERTIFICATE.sha1Thumbprint);
    expect(createHash('sha256').update(embedded).digest('hex').toUpperCase()).toBe(ACS_ROOT_CERTIFICATE.sha256Fingerprint);
    expect(remediation).toContain(`$AcsRootThumbprint = '${ACS_ROOT_CERTIFICATE.sha1Thumbprint}'`);
    expect(remediation).toContain(`$AcsRootSha256 = '${ACS_ROOT_CERTIFICATE.sha256Fingerprint}'`);
  });

  it('checks the fingerprints before adding, adds only to LocalMachine Root, and leaves Disallowed alone', () => {
    const check = remediation.indexOf('$certificate.Thumbprint -ne $AcsRootThumbprint');
    const add = remediation.indexOf('$store.Add($certificate)');
    expect(check).toBeGreaterThan(0);
    expect(add).toBeGreaterThan(check);
    expect(remediation).toContain("X509Store -ArgumentList 'Root', 'LocalMachine'");
    expect(remediation.indexOf("Test-CertificateIn 'Disallowed'")).toBeLessThan(add);
    expect(remediation).not.toMatch(/\.Remove\(/);
  });
});
