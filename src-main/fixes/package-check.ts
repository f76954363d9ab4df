// Checks an offline update package (.msu / .cab) before it is installed: the KB in its file name must
// be one the plan accepts, its architecture must match this Windows, and its Authenticode signature
// must be valid and Microsoft's (asked of Windows through Get-AuthenticodeSignature).
import { basename, extname } from 'node:path';
import type { CommandRunner } from '../windows/command-runner.js';
import { authenticodeCommand, commands } from './actions/commands.js';
import { localFiles, type FileAccess } from './files.js';
import { checked, english, said, type MessageRef } from './texts.js';
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

export async function readAuthenticode(runner: CommandRunner, path: string, timeoutMs = 120_000): Promise<AuthenticodeResult | { error: string; errorMessage: MessageRef }> {
  const result = await runner.run(authenticodeCommand(path, timeoutMs));
  const failed = (ref: MessageRef) => ({ error: english(ref), errorMessage: ref });
  if (result.exitCode !== 0) return failed(said('fix.package.signatureUnreadable', { code: result.exitCode === null ? said('fix.code.none') : String(result.exitCode), timedOut: result.timedOut }));
  try {
    const parsed = JSON.parse(result.stdout.trim()) as Partial<AuthenticodeResult>;
    return { status: String(parsed.status ?? 'UnknownError'), signerSubject: parsed.signerSubject ?? null, statusMessage: parsed.statusMessage ?? null };
  } catch {
    return failed(said('fix.package.signatureGarbled'));
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
    checks.push(checked('file-readable', false, said('fix.package.notFound', { path })));
    return result;
  }
  checks.push(checked('file-type', name.extension !== null, name.extension ? said('fix.package.type', { extension: name.extension }) : said('fix.package.wrongType')));
  const accepted = expected.acceptedKbs.map((kb) => kb.toUpperCase());
  const later = name.kb !== null && !!expected.acceptLaterThan && kbNumber(name.kb) > kbNumber(expected.acceptLaterThan);
  const kbOk = name.kb !== null && (accepted.includes(name.kb) || later);
  const expectedText = said('fix.package.expected', {
    kbs: accepted.length > 0 ? accepted : [said('fix.package.noneKnown')],
    later: !!expected.acceptLaterThan,
    after: expected.acceptLaterThan ?? '',
  });
  checks.push(
    checked(
      'kb-accepted',
      kbOk,
      name.kb === null
        ? said('fix.package.noKb')
        : accepted.includes(name.kb)
          ? said('fix.package.kbNeeded', { kb: name.kb })
          : later
            ? said('fix.package.kbLater', { kb: name.kb, after: expected.acceptLaterThan ?? '' })
            : said('fix.package.kbOther', { kb: name.kb, expected: expectedText }),
    ),
  );
  const archOk = name.architecture !== null && name.architecture === expected.architecture;
  checks.push(
    checked(
      'architecture',
      archOk,
      name.architecture === null
        ? said('fix.package.noArch')
        : archOk
          ? said('fix.package.archMatches', { arch: name.architecture })
          : said('fix.package.archOther', { arch: name.architecture, expected: expected.architecture }),
    ),
  );
  if (checks.some((check) => !check.passed)) return result;
  if (name.extension === '.msu') {
    checks.push(await checkPackageContents(runner, path, name.kb!));
    if (checks.some((check) => !check.passed)) return result;
  }
  result.sha256 = await files.sha256(path);
  const signature = await readAuthenticode(runner, path);
  if ('error' in signature) checks.push(checked('signature', false, signature.errorMessage));
  else
    checks.push(
      checked(
        'signature',
        isMicrosoftSignature(signature),
        isMicrosoftSignature(signature)
          ? said('fix.package.signedMicrosoft')
          : signature.status === 'Valid'
            ? said('fix.package.signedOther', { signer: signature.signerSubject ?? said('fix.package.unknownSigner') })
            : said('fix.package.signatureInvalid', { status: signature.status, hasDetail: !!signature.statusMessage, detail: signature.statusMessage ?? '' }),
      ),
    );
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
  if (kbs.length === 0) return checked('package-contents', true, said('fix.package.contentsUnknown'));
  if (kbs.includes(kb)) return checked('package-contents', true, said('fix.package.contentsMatch', { kbs: kbs.join(', ') }));
  return checked('package-contents', false, said('fix.package.contentsRenamed', { kb, kbs: kbs.join(', ') }));
}
