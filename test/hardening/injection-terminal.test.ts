// Terminal injection: every free-text field of a snapshot salted with ANSI escapes, OSC links, bidi
// overrides and markup; nothing the CLI prints to the terminal may carry an escape or bidi control.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src-main/cli/io.js';
import { runCli } from '../../src-main/cli/main.js';
import { terminalSafe } from '../../src-main/cli/terminal-text.js';
import { fixture, HOSTILE_PAYLOAD, saltSnapshot, TERMINAL_UNSAFE } from './support/hostile.js';

const FIXTURES = [
  'win10-21h2-offline-german-unpatched.json',
  'server2019-airgapped-root-missing.json',
  'win7-sp1-no-esu-rollups.json',
  'server2016-damaged-agent-binary.json',
  'win10-22h2-test-signing-on.json',
];

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], stdin = ''): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), readStdin: async () => stdin, isInteractive: () => false };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

function expectTerminalSafe(text: string, what: string): void {
  const match = TERMINAL_UNSAFE.exec(text);
  expect(
    match ? `${what}: U+${match[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${match.index}: …${JSON.stringify(text.slice(Math.max(0, match.index - 40), match.index + 10))}` : null,
  ).toBeNull();
}

let dir: string;
const files: string[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'acs-salted-cli-'));
  await mkdir(join(dir, 'fleet'));
  for (const name of FIXTURES) {
    const { snapshot, salted } = saltSnapshot(fixture(name));
    expect(salted).toBeGreaterThan(10);
    const file = join(dir, `salted-${name}`);
    await writeFile(file, JSON.stringify(snapshot));
    await writeFile(join(dir, 'fleet', name), JSON.stringify(snapshot));
    files.push(file);
  }
});

describe('the terminal stays clean of hostile text from a snapshot', () => {
  it('terminalSafe escapes every unsafe character visibly and keeps the rest', () => {
    const safe = terminalSafe(HOSTILE_PAYLOAD);
    expectTerminalSafe(safe, 'terminalSafe');
    expect(safe).toContain('\\u{1b}[31mRED');
    expect(safe).toContain('\\u{202e}evil');
    expect(safe).toContain('<script>'); // not a terminal hazard: shown as typed
  });

  it('diagnose, report and fleet print no escape or bidi control', async () => {
    for (const file of files) {
      for (const args of [
        ['diagnose', file],
        ['report', file, '--out', join(dir, 'out', String(files.indexOf(file)))],
        ['report', file, '--no-redact', '--out', join(dir, 'raw', String(files.indexOf(file)))],
      ]) {
        const result = await cli(args);
        expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBeLessThan(64);
        expectTerminalSafe(result.stdout, `stdout of ${args[0]} ${args[1]}`);
        expectTerminalSafe(result.stderr, `stderr of ${args[0]} ${args[1]}`);
      }
    }
    const fleet = await cli(['fleet', join(dir, 'fleet')]);
    expect(fleet.code).toBe(0);
    expectTerminalSafe(fleet.stdout, 'fleet');
  });

  // Was a bug (reported): fix --plan printed facts from the snapshot without terminalSafe.
  it('fix --plan prints no escape or bidi control', async () => {
    for (const file of files) {
      const result = await cli(['fix', '--plan', file]);
      expect(result.code).toBe(0);
      expectTerminalSafe(result.stdout, `fix --plan ${file}`);
    }
  });

  // Was a bug (reported, fixed in b2a6d5c): --json left bidi overrides and C1 controls raw.
  it('--json output carries no raw bidi or C1 control either', async () => {
    for (const args of [
      ['diagnose', files[0]!, '--json'],
      ['fleet', join(dir, 'fleet'), '--json'],
      ['fix', '--plan', files[0]!, '--json'],
    ]) {
      const result = await cli(args);
      expectTerminalSafe(result.stdout, `${args[0]} --json`);
    }
  });

  it('the salted text is shown (escaped), not dropped: the reader still sees what the file said', async () => {
    const result = await cli(['diagnose', files[0]!]);
    expect(result.stdout).toContain('\\u{1b}[31mRED');
  });

  it('a hostile file name is printed safely', async () => {
    const name = join(dir, 'evil\u001b[2J\u202Ename.json');
    await writeFile(name, JSON.stringify(fixture('win11-23h2-healthy.json')));
    for (const args of [
      ['diagnose', name],
      ['report', name, '--out', join(dir, 'named')],
    ]) {
      const result = await cli(args);
      expectTerminalSafe(result.stdout + result.stderr, args[0]!);
    }
  });

  // Was a bug (reported, fixed in b2a6d5c): CliExit messages were printed raw.
  it('an invalid snapshot with escapes in it gets a clean one-line error on stderr', async () => {
    const result = await cli(['diagnose', '-'], '\u001b[31mred\u202E');
    expect(result.code).toBe(65);
    expectTerminalSafe(result.stderr, 'stderr');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

// Issue 15: the preview server's log lines (refused requests name the path and Origin the browser sent)
// reached stderr raw, C1 controls included.
describe('preview log lines', () => {
  it('pass through the terminal-safe writer, one line each', async () => {
    const { previewLogWriter } = await import('../../src-main/preview/log-writer.js');
    let written = '';
    const log = previewLogWriter((text) => void (written += text));
    log('refused GET /api/\u009b31mx\u001b]8;;http://evil\u0007 from https://\u202Eevil.example\nsecond: 403 forbidden');
    expectTerminalSafe(written, 'preview log');
    expect(written.split('\n')).toEqual([expect.stringContaining('refused GET /api/'), '']);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(new URL('../../src-main/preview/main.ts', import.meta.url), 'utf8')).toMatch(/log: previewLogWriter\(/);
  });
});
