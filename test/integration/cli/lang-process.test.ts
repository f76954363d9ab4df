// --lang on the commands that print or write text, run as real processes (bin/acs-assistant.js on the
// built dist/): diagnose, fix --plan, kit, fleet, report and decode in Japanese and German; the system locale
// (LANG) when --lang is absent; a language the program does not have is a usage error (64).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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

  it('kit --lang de and --lang ja: README.txt, the .cmd files (in the OEM code page), fix.ps1 and the output are in that language', async () => {
    const rootOnly = `${root}test/fixtures/snapshots/server2019-airgapped-root-missing.json`;
    const de = await run(['kit', rootOnly, '--out', join(folder, 'kit-de'), '--lang', 'de']);
    expect(de.code).toBe(0);
    expect(de.stdout).toContain('kit: Korrektur-Kit für SRV-SCADA-02 nach');
    expect(de.stdout).toContain('1. Das Microsoft-Stammzertifikat installieren');
    const readme = await readFile(join(folder, 'kit-de', 'README.txt'), 'utf8');
    expect(readme).toContain('Dieses Kit korrigiert einen einzigen Computer: SRV-SCADA-02');
    expect(readme).toContain('  1. Das Microsoft-Stammzertifikat installieren');
    // FIX.cmd in code page 850: "Wählen Sie Ja" with ä as 0x84.
    expect((await readFile(join(folder, 'kit-de', 'FIX.cmd'))).includes(Buffer.from('W\x84hlen Sie Ja', 'latin1'))).toBe(true);
    expect(await readFile(join(folder, 'kit-de', 'fix.ps1'), 'utf8')).toContain("$T.restartComment = 'ACS Support Assistant Feldkit: Neustart zum Abschluss des Updates'");
    const ja = await run(['kit', rootOnly, '--out', join(folder, 'kit-ja'), '--lang', 'ja']);
    expect(ja.code).toBe(0);
    expect(ja.stdout).toContain('用の修正キットを');
    expect(await readFile(join(folder, 'kit-ja', 'README.txt'), 'utf8')).toContain('このキットが修正するのは 1 台のコンピューターだけです: SRV-SCADA-02');
    expect(new TextDecoder('shift_jis').decode(await readFile(join(folder, 'kit-ja', 'FIX.cmd')))).toContain('echo この修正は Windows の設定を変更するため、管理者権限が必要です。');
    const read = await run(['kit', '--result', join(folder, 'kit-ja'), '--lang', 'ja']);
    expect(read.code).toBe(1);
    expect(read.stdout).toContain('1. Microsoft のルート証明書をインストールする: 未完了');
    const collector = await run(['kit', '--collector-only', '--out', join(folder, 'collector-de')], { LANG: 'de_DE.UTF-8' });
    expect(collector.stdout).toContain('Prüf-Stick');
    expect(await readFile(join(folder, 'collector-de', 'README.txt'), 'utf8')).toContain('Dieser Stick prüft einen Computer und ändert nichts.');
    const english = await run(['kit', '--collector-only', '--out', join(folder, 'collector-en')]);
    expect(english.stdout).toMatch(/^kit: collector written to /);
    expect([...(await readFile(join(folder, 'collector-en', 'COLLECT.cmd')))].every((byte) => byte < 0x80)).toBe(true);
  });

  it('fleet --lang de and --lang ja: the summary and the HTML page in that language; --json the same in every language', async () => {
    const fleet = join(folder, 'fleet');
    await mkdir(fleet, { recursive: true });
    for (const name of ['win11-23h2-healthy.json', 'server2019-airgapped-root-missing.json']) await writeFile(join(fleet, name), await readFile(`${root}test/fixtures/snapshots/${name}`));
    await writeFile(join(fleet, 'broken.json'), '{');
    const de = await run(['fleet', fleet, '--lang', 'de', '--html', join(folder, 'fleet-de.html')]);
    expect(de.code).toBe(0);
    expect(de.stdout).toContain('Flottenübersicht von fleet: 2 Computer aus 2 Snapshots (3 JSON-Dateien gelesen)');
    expect(de.stdout).toContain('Handlungsbedarf');
    expect(de.stdout).toContain('broken.json: kein gültiges JSON');
    const page = await readFile(join(folder, 'fleet-de.html'), 'utf8');
    expect(page).toContain('<html lang="de">');
    expect(page).toContain('<h1>ACS-Flottenübersicht</h1>');
    const ja = await run(['fleet', fleet, '--lang', 'ja']);
    expect(ja.stdout).toContain('fleet のフリート集計: 2 件のスナップショットから 2 台のコンピューター');
    const json = JSON.parse((await run(['fleet', fleet, '--lang', 'ja', '--json'])).stdout) as { unreadable: { error: string; errorMessage: { id: string } }[] };
    expect(json.unreadable[0]).toMatchObject({ error: expect.stringMatching(/^not valid JSON/), errorMessage: { id: 'fleet.notJson' } });
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
    expect(decode.stdout).toContain('Was Sie der anrufenden Person als Nächstes sagen');
    expect(decodeJa.stdout).toContain('次に電話の相手に伝えること');
  });

  it('--help in the language of --lang (before or after --help, before or after the command) or of the system; usage errors too', async () => {
    const de = await run(['fix', '--lang', 'de', '--help']);
    expect(de.code).toBe(0);
    expect(de.stdout).toContain('Aufruf: acs-assistant fix [options]');
    expect(de.stdout).toContain('Den Korrekturplan anzeigen (--plan DATEI) oder ausführen (--apply).');
    expect(de.stdout).toContain('Optionen:');
    expect(de.stdout).toContain('die Hilfe zum Befehl anzeigen');
    for (const english of ['Usage:', 'Options:', 'Show (--plan FILE)', 'display help for command', 'print the result as JSON']) expect(de.stdout).not.toContain(english);
    const ja = await run(['--help', '--lang=ja']);
    expect(ja.stdout).toContain('使い方: acs-assistant [options] [command]');
    expect(ja.stdout).toContain('コマンド:');
    expect(ja.stdout).toContain('ACS 署名の更新後に Trend Micro エージェントのサービスが開始しない原因を調べ、修正します。');
    const kit = await run(['kit', '--help'], { LANG: 'ja_JP.UTF-8' });
    expect(kit.stdout).toContain('アプリを実行できないコンピューター向けの現場用キット');
    const fleet = await run(['--lang', 'de', 'fleet', '--help']);
    expect(fleet.stdout).toContain('(Standard: 8)');
    expect(fleet.stdout).toContain('Einen Ordner mit Snapshots zusammenfassen');
    const english = await run(['diagnose', '--help']);
    expect(english.stdout).toContain('Usage: acs-assistant diagnose [options] <file>');
    expect(english.stdout).toContain('Diagnose a snapshot file');
    // commander's own usage errors, and the command's.
    const missing = await run(['diagnose', '--lang', 'ja']);
    expect(missing.code).toBe(64);
    expect(missing.stderr).toContain('エラー: 必須の引数「file」がありません');
    const typo = await run(['fix', '--plna', fixture, '--lang', 'de']);
    expect(typo.stderr).toContain('Fehler: unbekannte Option „--plna“');
    expect(typo.stderr).toContain('(Meinten Sie --plan?)');
    const both = await run(['fix', '--lang', 'de']);
    expect(both.stderr).toContain('geben Sie genau eines von --plan DATEI oder --apply an');
  });

  it('an unknown language is a usage error (64)', async () => {
    const bad = await run(['diagnose', fixture, '--lang', 'fr']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('en, de or ja');
  });
});
