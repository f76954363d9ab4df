// The report, decode and fleet commands: what they print, what they write, and their exit codes.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main.js';
import { saltedSnapshot, survivingSaltedValues } from '../redaction/salted.js';
import { journalEntries } from '../report/fixtures.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'acs-cli-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function run(argv: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), readStdin: async () => stdin });
  return { code, stdout, stderr };
}

const fixture = (name: string) => new URL(`../../fixtures/snapshots/${name}`, import.meta.url).pathname;

describe('acs-assistant report', () => {
  it('writes a redacted report folder and prints the files, verdict and support code', async () => {
    const snapshotFile = join(folder, 'in.json');
    await writeFile(snapshotFile, JSON.stringify(saltedSnapshot()));
    const out = join(folder, 'out');
    const result = await run(['report', snapshotFile, '--out', out]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Report written to .*out\n {2}snapshot\.json +[0-9a-f]{64}\n/);
    expect(result.stdout).toMatch(/Support code: ACS-[0-9A-Z]{4}-[0-9A-Z]{4}\n/);
    expect(result.stdout).toContain('Redacted: ');
    expect(survivingSaltedValues(result.stdout)).toEqual([]);
    for (const name of await readdir(out)) expect(survivingSaltedValues(await readFile(join(out, name), 'utf8'))).toEqual([]);
  });

  it('keeps names with --no-redact, reads standard input with "-"', async () => {
    const out = join(folder, 'out');
    const result = await run(['report', '-', '--out', out, '--no-redact'], JSON.stringify(saltedSnapshot()));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Not redacted');
    expect(await readFile(join(out, 'snapshot.json'), 'utf8')).toContain('WS-SALT-7731');
  });

  it('puts this computer’s journal entries into the report with --journal, redacted', async () => {
    const snapshotFile = join(folder, 'in.json');
    await writeFile(snapshotFile, JSON.stringify(saltedSnapshot()));
    const entries = [...journalEntries('SALTMINE\\carol.xyz', 'WS-SALT-7731'), ...journalEntries('OTHER\\zed', 'OTHER-PC')];
    await writeFile(join(folder, 'journal.jsonl'), `${entries.map((entry) => JSON.stringify(entry)).join('\n')}\n{"torn`);
    const out = join(folder, 'out');
    const result = await run(['report', snapshotFile, '--out', out, '--journal', join(folder, 'journal.jsonl')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('acs-assistant: 1 damaged journal line(s) left out\n');
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('certutil.exe -addstore Root');
    expect(html).not.toContain('OTHER-PC');
    expect(survivingSaltedValues(html)).toEqual([]);
  });

  it('exits 65 for an invalid snapshot and 64 without --out', async () => {
    const bad = await run(['report', fixture('broken/truncated.json'), '--out', join(folder, 'x')]);
    expect(bad.code).toBe(65);
    expect(bad.stderr).toMatch(/^acs-assistant: invalid snapshot: not valid JSON/);
    expect((await run(['report', fixture('win11-23h2-healthy.json')])).code).toBe(64);
  });

  it('exits 4 when the report cannot be written', async () => {
    const blocker = join(folder, 'file');
    await writeFile(blocker, 'x');
    const result = await run(['report', fixture('win11-23h2-healthy.json'), '--out', join(blocker, 'sub')]);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/cannot write the report into/);
  });
});

describe('acs-assistant decode', () => {
  it('prints the summary of a code, however it was typed, with what is missing and what to tell the caller next', async () => {
    const result = await run(['decode', 'acs', '2npx', '1yfx']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'Support code ACS-2NPX-1YFX',
        '  Verdict                  Action required',
        '  Windows                  Windows Server 2019 (build 17763.1999)',
        '  Required Windows update  missing',
        '  ACS root certificate     missing',
        '  Automatic root updates   turned off by policy',
        '  Agent services           failing: signature not trusted (error 577)',
        '  Restart pending          no',
        '',
        'What is missing',
        '  - The Windows update KB5005625, or any later cumulative update for this Windows (build 17763.2210 or later).',
        '  - The Microsoft root certificate “Microsoft Identity Verification Root Certificate Authority 2020”.',
        '',
        'What to tell the caller next',
        '  1. Install KB5005625: through Windows Update, or from the Microsoft Update Catalog with the assistant’s step “Install the update” (the file is checked first).',
        '  2. Install the certificate with the assistant’s step “Install the certificate”: it comes with the assistant, no internet is needed.',
        '  3. Restart Windows when the update is installed.',
        '  4. Start the security agent again with the assistant’s last step “Start the security agent”.',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON with --json', async () => {
    const result = await run(['decode', 'ACS-001J-4BCS', '--json']);
    expect(JSON.parse(result.stdout)).toMatchObject({
      code: 'ACS-001J-4BCS',
      summary: { verdict: 'ready', windows: { build: 22631, ubr: 4460 } },
      advice: { missingUpdate: null, next: ['nothing'] },
      missing: ['Nothing: Windows has what the security agent needs.'],
    });
  });

  it('exits 65 with the reason for a misheard code', async () => {
    const result = await run(['decode', 'ACS-2NPX-1YFY']);
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('ACS-2NPX-1YFY: the check character does not match');
  });
});

describe('acs-assistant fleet', () => {
  it('summarises a folder and writes CSV and HTML', async () => {
    for (const name of ['win11-23h2-healthy.json', 'server2019-airgapped-root-missing.json', 'win10-1803-unsupported.json']) {
      await writeFile(join(folder, name), await readFile(fixture(name)));
    }
    await writeFile(join(folder, 'broken.json'), '{');
    const csv = join(folder, 'out', 'fleet.csv');
    const html = join(folder, 'fleet.html');
    await rm(join(folder, 'out'), { recursive: true, force: true });
    const noFolder = await run(['fleet', folder, '--csv', csv]);
    expect(noFolder.code).toBe(4);
    const result = await run(['fleet', folder, '--csv', join(folder, 'fleet.csv'), '--html', html]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Fleet summary of acs-cli-\w+: 3 machines from 3 snapshots \(4 JSON files read\)/);
    expect(result.stdout).toContain('Unreadable files (1):\n  broken.json: not valid JSON');
    expect((await readFile(join(folder, 'fleet.csv'), 'utf8')).trimEnd().split('\r\n')).toHaveLength(4);
    expect(await readFile(html, 'utf8')).toContain('<h1>ACS fleet summary</h1>');
  });

  it('prints JSON with --json and exits 65 for a missing folder', async () => {
    await writeFile(join(folder, 'a.json'), await readFile(fixture('win11-23h2-healthy.json')));
    const json = await run(['fleet', folder, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ format: 'acs-fleet-summary', machines: 1, byVerdict: { ready: 1 } });
    const missing = await run(['fleet', join(folder, 'nope')]);
    expect(missing.code).toBe(65);
    expect(missing.stderr).toContain('does not exist');
  });
});

describe('fleet output with hostile names', () => {
  it('escapes C1 and bidirectional controls in --json, as in text', async () => {
    const snapshot = JSON.parse(await readFile(fixture('win11-23h2-healthy.json'), 'utf8'));
    snapshot.host.computerName = 'PC\u202Egpj.exe\u009B31m';
    await writeFile(join(folder, 'a.json'), JSON.stringify(snapshot));
    const json = await run(['fleet', folder, '--json']);
    expect(json.stdout).not.toMatch(/[\u0080-\u009F\u202A-\u202E]/);
    expect(JSON.parse(json.stdout).rows[0].computerName).toBe('PC\u202Egpj.exe\u009B31m');
    const text = await run(['fleet', folder]);
    expect(text.stdout).not.toMatch(/[\u0080-\u009F\u202A-\u202E]/);
  });
});
