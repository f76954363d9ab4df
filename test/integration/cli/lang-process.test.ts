// --lang on the commands that print or write text, run as real processes (bin/acs-assistant.js on the
// built dist/): diagnose, fix --plan, report and decode in Japanese and German; the system locale
// (LANG) when --lang is absent; a language the program does not have is a usage error (64).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = `${root}bin/acs-assistant.js`;
const fixture = `${root}test/fixtures/snapshots/server2019-air-gapped-missing-update-and-root.json`;

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { cwd: root, timeout: 20_000, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'C', ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
    child.stdin?.end();
  });
}

let folder: string;
beforeAll(async () => {
  if (!existsSync(`${root}dist/main/cli/lang.js`)) throw new Error('build first: npm run build (npm test does it)');
  folder = await mkdtemp(join(tmpdir(), 'acs-cli-lang-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('--lang as processes', () => {
  it('diagnose --lang ja and --lang de; English without --lang under LANG=C; LANG=de_DE picks German', async () => {
    const ja = await run(['diagnose', fixture, '--lang', 'ja', '--verbose']);
    expect(ja.code).toBe(1);
    expect(ja.stdout).toContain('判定: 対処が必要');
    expect(ja.stdout).toContain('検出事項:');
    expect(ja.stdout).toContain('信頼されたルート証明機関');
    const de = await run(['diagnose', fixture, '--lang', 'de', '--verbose']);
    expect(de.stdout).toContain('Ergebnis: HANDLUNGSBEDARF');
    expect(de.stdout).toContain('Vertrauenswürdige Stammzertifizierungsstellen');
    const en = await run(['diagnose', fixture, '--verbose']);
    expect(en.stdout).toContain('Verdict: ACTION REQUIRED');
    const system = await run(['diagnose', fixture, '--verbose'], { LANG: 'de_DE.UTF-8' });
    expect(system.stdout).toContain('Befunde:');
  });

  it('fix --plan --lang ja prints the headline and the steps in Japanese', async () => {
    const plan = await run(['fix', '--plan', fixture, '--lang', 'ja']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('Windows の更新プログラムをインストールする');
    expect(plan.stdout).toContain('理由:');
    expect(plan.stdout).not.toContain('Why:');
  });

  it('fix --plan --lang de and --lang ja: what each fix does, its facts, safety checks and undo note are in that language', async () => {
    const de = await run(['fix', '--plan', fixture, '--lang', 'de']);
    expect(de.code).toBe(0);
    expect(de.stdout).toContain('dem Speicher „Vertrauenswürdige Stammzertifizierungsstellen“ dieses Computers hinzu');
    expect(de.stdout).toContain('Zertifikatspeicher: LocalMachine\\Root (Vertrauenswürdige Stammzertifizierungsstellen)');
    expect(de.stdout).toContain('[OK] Der SHA-256-Fingerabdruck entspricht dem erwarteten Wert.');
    expect(de.stdout).toContain('(mit Administratorrechten)');
    expect(de.stdout).toContain('Rückgängig: Sicherheitsupdates entfernt diese App nicht');
    expect(de.stdout).toContain('Reihenfolge: ntrtscan → TmListen');
    for (const english of ['What', 'Undo:', 'equals the pinned value', 'Trusted Root', '(elevated)', 'Start ntrtscan']) expect(de.stdout).not.toContain(english);
    const ja = await run(['fix', '--plan', fixture, '--lang', 'ja']);
    expect(ja.code).toBe(0);
    expect(ja.stdout).toContain('をこのコンピューターの「信頼されたルート証明機関」ストアに追加します。');
    expect(ja.stdout).toContain('証明書ストア: LocalMachine\\Root (信頼されたルート証明機関)');
    expect(ja.stdout).toContain('[OK] SHA-256 フィンガープリントは想定される値と一致します。');
    expect(ja.stdout).toContain('元に戻す: 再起動は元に戻せません。');
    expect(ja.stdout).toContain('Windows の [設定] > [更新の履歴]');
    for (const english of ['Undo:', 'equals the pinned value', 'Trusted Root', '(elevated)', 'Restarts Windows']) expect(ja.stdout).not.toContain(english);
    // --json is the same in every language: English text fields with their messages.
    const json = JSON.parse((await run(['fix', '--plan', fixture, '--lang', 'ja', '--json'])).stdout) as { steps: { description: { what: string; whatMessage: { id: string } } }[] };
    expect(json.steps[1]!.description.what).toContain("to this computer's Trusted Root store");
    expect(json.steps[1]!.description.whatMessage.id).toBe('fix.root.what');
  });

  it('report --lang ja writes report.html in Japanese and summary.json with the language; decode --lang de reads the code', async () => {
    const out = join(folder, 'report-ja');
    const report = await run(['report', fixture, '--out', out, '--lang', 'ja']);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('レポートを');
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('Yu Gothic UI');
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as { language: string; localizedHeadline: string; headline: string };
    expect(summary.language).toBe('ja');
    expect(summary.localizedHeadline).not.toBe(summary.headline);
    const code = /(ACS-\w{4}-\w{4})/.exec(report.stdout)?.[1];
    expect(code).toBeDefined();
    const decode = await run(['decode', code!, '--lang', 'de']);
    expect(decode.code).toBe(0);
    expect(decode.stdout).toContain(`Supportcode ${code}`);
    expect(decode.stdout).toContain('Ergebnis');
    const decodeJa = await run(['decode', code!, '--lang', 'ja']);
    expect(decodeJa.stdout).toContain('判定');
  });

  it('an unknown language is a usage error (64)', async () => {
    const bad = await run(['diagnose', fixture, '--lang', 'fr']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('en, de or ja');
  });
});
