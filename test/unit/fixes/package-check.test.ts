import { describe, expect, it } from 'vitest';
import type { FileAccess } from '../../../src-main/fixes/files.js';
import { checkUpdatePackage, isMicrosoftSignature, parseCabinetListing, parsePackageName } from '../../../src-main/fixes/package-check.js';
import type { CommandRequest, CommandResult, CommandRunner } from '../../../src-main/windows/command-runner.js';

const ok = (stdout: string): CommandResult => ({ exitCode: 0, stdout, stderr: '', timedOut: false, cancelled: false, truncated: false, durationMs: 1 });
const MICROSOFT = 'CN=Microsoft Corporation, O=Microsoft Corporation, L=Redmond, S=Washington, C=US';

function signatureRunner(status: string, signerSubject: string | null): CommandRunner & { seen: CommandRequest[] } {
  const seen: CommandRequest[] = [];
  return { seen, run: async (request) => (seen.push(request), ok(JSON.stringify({ status, signerSubject, statusMessage: null }))) };
}

const files = (size: number | null): FileAccess => ({ size: async () => size, read: async () => Buffer.alloc(0), sha256: async () => 'A'.repeat(64) });
const expected = { acceptedKbs: ['KB5011487'], architecture: 'x64' };

describe('update package name', () => {
  it.each([
    ['windows10.0-kb5011487-x64_2a2a52c1f25c1fc5dd9bbdd9f6bb7a1a1ef0cc5e.msu', 'KB5011487', 'x64', '.msu'],
    ['E:\\Updates\\windows6.1-kb5006743-x86.msu', 'KB5006743', 'x86', '.msu'],
    ['/media/usb/Windows10.0-KB5005625-ARM64.cab', 'KB5005625', 'arm64', '.cab'],
    ['ssu-19041.1940-amd64_kb5017308.cab', 'KB5017308', 'x64', '.cab'],
    ['update.zip', null, null, null],
  ])('%s -> %s %s %s', (path, kb, arch, ext) => {
    expect(parsePackageName(path)).toEqual({ kb, architecture: arch, extension: ext });
  });
});

describe('update package check', () => {
  it('passes a Microsoft-signed package with an accepted KB and the right architecture', async () => {
    const runner = signatureRunner('Valid', MICROSOFT);
    const path = "E:\\Fixes & 'Co'; 100% `x` ü\\windows10.0-kb5011487-x64_abc.msu";
    const check = await checkUpdatePackage(runner, path, expected, files(1000));
    expect(check.ok).toBe(true);
    expect(check.installer).toBe('wusa');
    // The path reaches PowerShell as an environment value, never inside the script text.
    const authenticode = runner.seen.find((request) => request.env?.ACS_PACKAGE_PATH !== undefined)!;
    expect(authenticode.env).toEqual({ ACS_PACKAGE_PATH: path });
    expect(authenticode.args.join(' ')).not.toContain('kb5011487');
    // expand.exe -D gets the path as one argument.
    expect(runner.seen.find((request) => request.file.endsWith('expand.exe'))?.args).toEqual(['-D', path]);
  });

  it('refuses an .msu whose inner package is another KB (a renamed file), and accepts a matching one', async () => {
    const listing = (inner: string): CommandRunner => ({
      run: async (request) =>
        request.file.endsWith('expand.exe')
          ? ok(`Microsoft (R) File Expansion Utility\r\n\r\ne:\\updates\\windows10.0-kb5011487-x64.msu: WSUSSCAN.cab\r\ne:\\updates\\windows10.0-kb5011487-x64.msu: ${inner}\r\n2 files total.\r\n`)
          : ok(JSON.stringify({ status: 'Valid', signerSubject: MICROSOFT, statusMessage: null })),
    });
    const renamed = await checkUpdatePackage(listing('Windows10.0-KB5009543-x64.cab'), 'E:\\Updates\\windows10.0-kb5011487-x64.msu', expected, files(1000));
    expect(renamed.ok).toBe(false);
    expect(renamed.checks.find((item) => item.id === 'package-contents')?.message).toBe('The file is named KB5011487 but holds KB5009543: it was renamed, so it is refused.');
    const genuine = await checkUpdatePackage(listing('Windows10.0-KB5011487-x64.cab'), 'E:\\Updates\\windows10.0-kb5011487-x64.msu', expected, files(1000));
    expect(genuine.ok).toBe(true);
  });

  it('parses the file list of expand -D', () => {
    expect(parseCabinetListing('Microsoft (R) File Expansion Utility\r\n\r\nE:\\u\\x.msu: WSUSSCAN.cab\r\nE:\\u\\x.msu: Windows10.0-KB5011487-x64.cab\r\n2 files total.\r\n')).toEqual([
      'WSUSSCAN.cab',
      'Windows10.0-KB5011487-x64.cab',
    ]);
    expect(parseCabinetListing("Can't open input file: x.msu.")).toEqual([]);
  });

  it('refuses a KB this Windows does not need, without asking Windows anything', async () => {
    const runner = signatureRunner('Valid', MICROSOFT);
    const check = await checkUpdatePackage(runner, 'windows10.0-kb5005625-x64.msu', expected, files(1000));
    expect(check.ok).toBe(false);
    expect(check.checks.find((item) => item.id === 'kb-accepted')!.message).toMatch(/KB5005625 is not an update that fixes this Windows \(expected KB5011487\)/);
    expect(runner.seen).toHaveLength(0);
  });

  it('accepts a later cumulative update (a higher KB number) when the plan allows it, and still refuses older ones', async () => {
    const cumulative = { ...expected, acceptLaterThan: 'KB5011487' };
    const later = await checkUpdatePackage(signatureRunner('Valid', MICROSOFT), 'windows10.0-kb5071546-x64_0f1e.msu', cumulative, files(1000));
    expect(later.ok).toBe(true);
    expect(later.checks.find((item) => item.id === 'kb-accepted')!.message).toMatch(/KB5071546 is newer than KB5011487/);
    const older = await checkUpdatePackage(signatureRunner('Valid', MICROSOFT), 'windows10.0-kb5005611-x64.msu', cumulative, files(1000));
    expect(older.ok).toBe(false);
    expect(older.checks.find((item) => item.id === 'kb-accepted')!.message).toMatch(/or a later cumulative update \(numbered above KB5011487\)/);
    const rollupPlan = await checkUpdatePackage(signatureRunner('Valid', MICROSOFT), 'windows6.1-kb5099999-x64.msu', { acceptedKbs: ['KB5006743'], architecture: 'x64' }, files(1000));
    expect(rollupPlan.ok).toBe(false);
  });

  it('refuses the wrong architecture', async () => {
    const check = await checkUpdatePackage(signatureRunner('Valid', MICROSOFT), 'windows10.0-kb5011487-x86.msu', expected, files(1000));
    expect(check.checks.find((item) => item.id === 'architecture')).toMatchObject({ passed: false, message: 'Built for x86, but this Windows is x64.' });
  });

  it("refuses a package whose signature is broken or not Microsoft's", async () => {
    const broken = await checkUpdatePackage(signatureRunner('HashMismatch', MICROSOFT), 'windows10.0-kb5011487-x64.msu', expected, files(1000));
    expect(broken.ok).toBe(false);
    expect(broken.checks.at(-1)!.message).toMatch(/not valid \(HashMismatch/);
    const other = await checkUpdatePackage(signatureRunner('Valid', 'CN=Contoso, O=Contoso Ltd, C=US'), 'windows10.0-kb5011487-x64.msu', expected, files(1000));
    expect(other.checks.at(-1)!.message).toMatch(/not by Microsoft/);
  });

  it('refuses a missing file and a file that is not a package', async () => {
    expect((await checkUpdatePackage(signatureRunner('Valid', MICROSOFT), 'windows10.0-kb5011487-x64.msu', expected, files(null))).checks[0]!.id).toBe('file-readable');
    const zip = await checkUpdatePackage(signatureRunner('Valid', MICROSOFT), 'windows10.0-kb5011487-x64.zip', expected, files(10));
    expect(zip.checks.find((item) => item.id === 'file-type')!.passed).toBe(false);
  });

  it('recognises Microsoft as the organisation of the signer only', () => {
    expect(isMicrosoftSignature({ status: 'Valid', signerSubject: MICROSOFT, statusMessage: null })).toBe(true);
    expect(isMicrosoftSignature({ status: 'Valid', signerSubject: 'CN=Microsoft Corporation Fake, O=Evil Inc', statusMessage: null })).toBe(false);
    expect(isMicrosoftSignature({ status: 'NotTrusted', signerSubject: MICROSOFT, statusMessage: null })).toBe(false);
  });
});
