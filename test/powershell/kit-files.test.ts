// Issue 14: the kit's files. Every .ps1 a kit carries passes the compatibility gate at PowerShell 2.0
// (the built fix.ps1 with its texts filled in, the helper; collect.ps1 at its own #Requires until the
// collector's 2.0 work lands), and COLLECT.cmd / FIX.cmd quote every path, so a kit folder named with
// spaces, &, %, ^ and parentheses is safe. cmd.exe itself cannot run here: the .cmd checks are of their
// text (SIMULATED by reading, not by running cmd).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCollectorKit, buildFixKit, type BuiltKit } from '#product/kit/index.js';
import { validateSnapshot } from '#product/snapshot/parse.js';
import { cmdEchoText, loadKitTexts } from '#product/kit/texts.js';
import { findPwsh, pwshMissingOutsideCi, REPO_ROOT, runProcess } from '../support/pwsh.js';

const missing = pwshMissingOutsideCi();
const suite = missing ? describe.skip : describe;
let dir: string;
let kit: BuiltKit;
let collector: BuiltKit;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'acs-kit-files-'));
  const snapshot = validateSnapshot(await simulatedSnapshot());
  if (!snapshot.ok) throw new Error(snapshot.error);
  kit = await buildFixKit({ snapshot: snapshot.snapshot, outDir: join(dir, 'fix kit & 100% ^(x)') });
  collector = await buildCollectorKit(join(dir, 'collect & 50% ^'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function simulatedSnapshot(): Promise<unknown> {
  const { collectSnapshot } = await import('#product/probe/collect.js');
  const { createSimulatedHost } = await import('../windows-double/host/index.js');
  return collectSnapshot({ runner: (await createSimulatedHost('server2019-airgapped-missing-root')).runner });
}

async function gate(path: string, minimum: number): Promise<string> {
  const module = join(REPO_ROOT, 'test/powershell/compat/PsCompatibility.psm1');
  const command = `Import-Module '${module}'; @(Get-PsCompatibilityFinding -Path $env:ACS_GATE_FILE -MinimumVersion ${minimum}) | ForEach-Object { "line $($_.Line): $($_.Construct) (PowerShell $($_.RequiresVersion))" }`;
  const run = await runProcess(findPwsh()!, ['-NoProfile', '-NonInteractive', '-Command', command], {
    env: { ...process.env, ACS_GATE_FILE: path } as Record<string, string>,
    stdin: '',
    timeoutMs: 120_000,
    cwd: dir,
  });
  if (run.exitCode !== 0) throw new Error(run.stderr);
  return run.stdout.trim();
}

suite('the kit files', () => {
  test('the built fix.ps1 and the helper pass the compatibility gate at PowerShell 2.0', async () => {
    expect(await gate(join(kit.dir, 'fix.ps1'), 2)).toBe('');
    expect(await gate(join(kit.dir, 'acs-fix-helper.ps1'), 2)).toBe('');
  });

  test('the built fix.ps1 carries every text of the English data file', async () => {
    const script = await readFile(join(kit.dir, 'fix.ps1'), 'utf8');
    const texts = await loadKitTexts('en');
    for (const key of Object.keys(texts.fix)) expect(script).toContain(`$T.${key} = '`);
    expect(script).not.toContain('@@KIT-TEXTS@@');
  });

  test('fix.ps1 and README.txt carry a UTF-8 byte-order mark (Windows PowerShell, old Notepad); the .cmd files are plain ASCII without one', async () => {
    for (const name of ['fix.ps1', 'README.txt']) expect((await readFile(join(kit.dir, name))).subarray(0, 3).toString('hex'), name).toBe('efbbbf');
    for (const name of ['FIX.cmd', 'COLLECT.cmd'])
      expect(
        [...(await readFile(join(kit.dir, name)))].every((byte) => byte === 0x0d || byte === 0x0a || (byte >= 0x20 && byte < 0x7f)),
        name,
      ).toBe(true);
  });

  test('manifest.json lists every file with its SHA-256 (and not itself)', async () => {
    const names = kit.manifest.files.map((file) => file.path).sort();
    expect(names).toEqual(['COLLECT.cmd', 'FIX.cmd', 'README.txt', 'acs-fix-helper.ps1', 'collect.ps1', 'fix.ps1', 'kit.json', 'microsoft-identity-verification-root-2020.cer'].sort());
    expect(collector.manifest.files.map((file) => file.path).sort()).toEqual(['COLLECT.cmd', 'README.txt', 'collect.ps1']);
  });

  for (const name of ['FIX.cmd', 'COLLECT.cmd']) {
    test(`${name}: every path is quoted, built from %~dp0, no delayed expansion, CRLF lines`, async () => {
      const source = name === 'FIX.cmd' ? kit.dir : collector.dir;
      const text = await readFile(join(source, name), 'utf8');
      expect(text).toMatch(/\r\n/);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
      expect(text).toContain('setlocal EnableExtensions DisableDelayedExpansion');
      expect(text).toContain('set "ACS_KIT=%~dp0"');
      const lines = text.split('\r\n');
      for (const line of lines) {
        if (/^\s*(rem|echo)\b/i.test(line) || line.trim() === '') continue;
        // Every use of a path variable sits inside double quotes.
        for (const match of line.matchAll(/%ACS_(KIT|PS|OUT)%/g)) {
          const before = line.slice(0, match.index);
          expect((before.match(/"/g) ?? []).length % 2, `${name}: ${line}`).toBe(1);
        }
        expect(line, `${name}: %~dp0 only in the one set line`).not.toMatch(/%~dp0(?!")/);
      }
      // Echo lines: no unescaped cmd syntax from the texts.
      for (const line of lines.filter((entry) => /^echo /i.test(entry))) expect(line.slice(5), line).not.toMatch(/(^|[^^])[&|<>]/);
      // PowerShell missing: a plain message, not cmd's "is not recognized".
      expect(text).toMatch(/if not exist "%ACS_PS%" goto nopowershell/);
    });
  }

  test('FIX.cmd asks for administrator rights with a plain message before the Windows prompt', async () => {
    const text = await readFile(join(kit.dir, 'FIX.cmd'), 'utf8');
    const texts = await loadKitTexts('en');
    expect(text).toContain(`echo ${cmdEchoText(texts.cmd.needAdmin)}`);
    expect(text).toMatch(/Start-Process -FilePath \$env:ACS_PS -Verb RunAs/);
    // The kit path reaches PowerShell as an environment value, never through cmd's parser.
    expect(text).toMatch(/\$env:ACS_KIT \+ 'fix\.ps1'/);
  });

  test('cmdEchoText escapes what cmd would read as syntax', () => {
    expect(cmdEchoText('50% & more ^ (a|b) <c>')).toBe('50%% ^& more ^^ ^(a^|b^) ^<c^>');
  });
});
