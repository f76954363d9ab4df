// Checks an offline update package (.msu / .cab) before it is installed: the KB in its file name must
// be one the plan accepts, its architecture must match this Windows, and its Authenticode signature
// must be valid and Microsoft's (asked of Windows through Get-AuthenticodeSignature).
import { basename, extname } from 'node:path';
import type { CommandRunner } from '../windows/command-runner.js';
import { authenticodeCommand, commands } from './actions/commands.js';
import { localFiles, type FileAccess } from './files.js';
import type { CheckResult } from './types.js';

export interface PackageName {
  kb: string | null;
  architecture: 'x64' | 'x86' | 'arm64' | null;
  extension: '.msu' | '.cab' | null;
}

/** "windows10.0-kb5011487-x64_8ea6b6d0.msu" -> KB5011487, x64, .msu. */
export function parsePackageName(path: string): PackageName {
  const name = basename(path.replace(/\\/g, '/')).toLowerCase();
  const kb = /(?:^|[^a-z0-9])kb(\d{6,7})(?=[^0-9]|$)/.exec(name)?.[1];
  const arch = /(?:^|[-_.])(x64|amd64|x86|arm64)(?=[-_.]|$)/.exec(name)?.[1];
  const extension = extname(name);
  return {
    kb: kb ? `KB${kb}` : null,
    architecture: arch === 'amd64' ? 'x64' : ((arch as PackageName['architecture']) ?? null),
    extension: extension === '.msu' || extension === '.cab' ? extension : null,
  };
}

export interface AuthenticodeResult {
  status: string;
  signerSubject: string | null;
  statusMessage: string | null;
}

/** A valid signature whose signer is Microsoft Corporation (O=Microsoft Corporation). */
export function isMicrosoftSignature(signature: AuthenticodeResult): boolean {
  return signature.status === 'Valid' && /(^|,\s*)O=Microsoft Corporation(,|$)/.test(signature.signerSubject ?? '');
}

export async function readAuthenticode(runner: CommandRunner, path: string, timeoutMs = 120_000): Promise<AuthenticodeResult | { error: string }> {
  const result = await runner.run(authenticodeCommand(path, timeoutMs));
  if (result.exitCode !== 0) return { error: `Windows could not read the package's signature (exit ${result.exitCode ?? 'none'}${result.timedOut ? ', timed out' : ''}).` };
  try {
    const parsed = JSON.parse(result.stdout.trim()) as Partial<AuthenticodeResult>;
    return { status: String(parsed.status ?? 'UnknownError'), signerSubject: parsed.signerSubject ?? null, statusMessage: parsed.statusMessage ?? null };
  } catch {
    return { error: 'The signature check printed something unexpected.' };
  }
}

export interface PackageCheck {
  ok: boolean;
  checks: CheckResult[];
  name: PackageName;
  sizeBytes: number | null;
  sha256: string | null;
  installer: 'wusa' | 'dism' | null;
}

export interface PackageExpectation {
  /** KBs the plan accepts for this Windows (the step's kb plus acceptedKbs). */
  acceptedKbs: readonly string[];
  /** Also accept any KB numbered above this one (a later cumulative update of Windows 10/11/Server). */
  acceptLaterThan?: string | null;
  architecture: string;
}

function kbNumber(kb: string): number {
  return Number(/^KB(\d+)$/i.exec(kb)?.[1] ?? 0);
}

export async function checkUpdatePackage(runner: CommandRunner, path: string, expected: PackageExpectation, files: FileAccess = localFiles): Promise<PackageCheck> {
  const name = parsePackageName(path);
  const checks: CheckResult[] = [];
  const result: PackageCheck = { ok: false, checks, name, sizeBytes: null, sha256: null, installer: null };
  result.sizeBytes = await files.size(path);
  if (result.sizeBytes === null) {
    checks.push({ id: 'file-readable', passed: false, message: `The package file was not found or cannot be read: ${path}` });
    return result;
  }
  checks.push({
    id: 'file-type',
    passed: name.extension !== null,
    message: name.extension ? `The file is a ${name.extension} update package.` : 'Only .msu and .cab update packages can be installed.',
  });
  const accepted = expected.acceptedKbs.map((kb) => kb.toUpperCase());
  const later = name.kb !== null && !!expected.acceptLaterThan && kbNumber(name.kb) > kbNumber(expected.acceptLaterThan);
  const kbOk = name.kb !== null && (accepted.includes(name.kb) || later);
  const expectedText = `${accepted.join(' or ') || 'none known'}${expected.acceptLaterThan ? `, or a later cumulative update (numbered above ${expected.acceptLaterThan})` : ''}`;
  checks.push({
    id: 'kb-accepted',
    passed: kbOk,
    message:
      name.kb === null
        ? 'The file name does not contain a KB number (Microsoft Update Catalog files do: "windows10.0-kb5011487-x64_...msu").'
        : accepted.includes(name.kb)
          ? `${name.kb} is an update this Windows needs.`
          : later
            ? `${name.kb} is newer than ${expected.acceptLaterThan}: a later cumulative update also brings the fix (the build is checked after the restart).`
            : `${name.kb} is not an update that fixes this Windows (expected ${expectedText}).`,
  });
  const archOk = name.architecture !== null && name.architecture === expected.architecture;
  checks.push({
    id: 'architecture',
    passed: archOk,
    message:
      name.architecture === null
        ? 'The file name does not say which architecture it is for (x64, x86 or arm64).'
        : archOk
          ? `Built for ${name.architecture}, like this Windows.`
          : `Built for ${name.architecture}, but this Windows is ${expected.architecture}.`,
  });
  if (checks.some((check) => !check.passed)) return result;
  if (name.extension === '.msu') {
    checks.push(await checkPackageContents(runner, path, name.kb!));
    if (checks.some((check) => !check.passed)) return result;
  }
  result.sha256 = await files.sha256(path);
  const signature = await readAuthenticode(runner, path);
  if ('error' in signature) checks.push({ id: 'signature', passed: false, message: signature.error });
  else
    checks.push({
      id: 'signature',
      passed: isMicrosoftSignature(signature),
      message: isMicrosoftSignature(signature)
        ? 'Signed by Microsoft Corporation; the signature is valid.'
        : signature.status === 'Valid'
          ? `Signed, but not by Microsoft (${signature.signerSubject ?? 'unknown signer'}).`
          : `The signature is not valid (${signature.status}${signature.statusMessage ? `: ${signature.statusMessage}` : ''}).`,
    });
  result.installer = name.extension === '.cab' ? 'dism' : 'wusa';
  result.ok = checks.every((check) => check.passed);
  return result;
}

/** The file names `expand.exe -D` lists inside a cabinet ("E:\\x.msu: Windows10.0-KB5011487-x64.cab"). */
export function parseCabinetListing(stdout: string): string[] {
  const names: string[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^(?:[a-z]:|\\\\).*?\.(?:msu|cab): (.+)$/i.exec(line.trim());
    if (match?.[1]) names.push(match[1].trim());
  }
  return names;
}

/**
 * A file can be renamed; the packages inside an .msu cannot be without breaking its signature. The KB of
 * the name must be one of the KBs inside. When Windows cannot list the contents, the check says so and
 * lets the build check after the restart decide.
 */
async function checkPackageContents(runner: CommandRunner, path: string, kb: string): Promise<CheckResult> {
  const listing = await runner.run({ ...commands.listCabinet(path), timeoutMs: 60_000 });
  const inner = listing.exitCode === 0 ? parseCabinetListing(listing.stdout) : [];
  const kbs = [...new Set(inner.flatMap((file) => (/(?:^|[^a-z0-9])kb(\d{6,7})(?=[^0-9]|$)/i.exec(file)?.[1] ? [`KB${/kb(\d{6,7})/i.exec(file)![1]}`] : [])))];
  if (kbs.length === 0) {
    return { id: 'package-contents', passed: true, message: 'Windows could not list the updates inside the file; the build is checked after the restart instead.' };
  }
  if (kbs.includes(kb)) return { id: 'package-contents', passed: true, message: `The file holds ${kbs.join(', ')}, as its name says.` };
  return { id: 'package-contents', passed: false, message: `The file is named ${kb} but holds ${kbs.join(', ')}: it was renamed, so it is refused.` };
}
