// The report and the command line in the chosen language (issue 17): <html lang>, the Japanese font
// stack, texts from the catalogue; the CLI's language from --lang, else LC_ALL/LC_MESSAGES/LANG, else English.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnosisText } from '../../../src-main/cli/diagnosis-text.js';
import { CliExit } from '../../../src-main/cli/io.js';
import { cliLocale, systemLocale } from '../../../src-main/cli/lang.js';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import { renderHtmlReport } from '../../../src-main/report/html.js';
import { renderMessage } from '../../../src-main/shared/i18n/index.js';
import { parseSnapshotBytes } from '../../../src-main/snapshot/parse.js';
import { describeSupportSummary, summarizeForSupportCode } from '../../../src-main/support-code/index.js';

function load(name: string) {
  const parsed = parseSnapshotBytes(readFileSync(new URL(`../../fixtures/snapshots/${name}`, import.meta.url)));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.snapshot;
}
const snapshot = load('server2019-air-gapped-missing-update-and-root.json');
const diagnosis = diagnose(snapshot);
const report = (locale: 'en' | 'de' | 'ja') => renderHtmlReport({ snapshot, diagnosis, supportCode: 'ACS-TEST-CODE', redacted: true, generatedAt: '2026-12-05T20:00:00.000Z', locale });

describe('HTML report language', () => {
  it('Japanese: <html lang="ja">, a font stack with Yu Gothic UI and Meiryo, and Japanese texts', () => {
    const page = report('ja');
    expect(page).toContain('<html lang="ja">');
    expect(page).toMatch(/:root:lang\(ja\) \{ font-family: "Yu Gothic UI", "Meiryo UI", Meiryo/);
    expect(page).toContain(renderMessage(diagnosis.headlineMessage!, 'ja'));
    expect(page).toContain('<h2>検出事項</h2>');
    expect(page).toContain('信頼されたルート証明機関');
    expect(page).not.toContain('<h2>Findings</h2>');
    expect(page).not.toContain(diagnosis.headline);
  });

  it('German: <html lang="de"> and German headings; English stays the default', () => {
    const page = report('de');
    expect(page).toContain('<html lang="de">');
    expect(page).toContain('<h2>Befunde</h2>');
    expect(page).toContain('Vertrauenswürdige Stammzertifizierungsstellen');
    expect(report('en')).toContain('<html lang="en">');
    expect(report('en')).toContain(diagnosis.headline);
  });
});

describe('command line language', () => {
  it('--lang wins; else LC_ALL, LC_MESSAGES, LANG; "C" says nothing; else English', () => {
    expect(cliLocale('ja', { LANG: 'de_DE.UTF-8' })).toBe('ja');
    expect(cliLocale('DE', {})).toBe('de');
    expect(cliLocale(undefined, { LC_ALL: 'ja_JP.UTF-8', LANG: 'de_DE.UTF-8' })).toBe('ja');
    expect(cliLocale(undefined, { LANG: 'de_AT.UTF-8' })).toBe('de');
    expect(systemLocale({ LANG: 'C', LC_ALL: 'POSIX' })).toMatch(/^(en|de|ja)$/);
    expect(() => cliLocale('fr', { LANG: 'C' })).toThrow(CliExit);
  });

  it('diagnose text: Japanese and German from the catalogues, English unchanged in substance', () => {
    const ja = formatDiagnosisText(diagnosis, 'ja');
    expect(ja).toContain('検出事項:');
    expect(ja).toContain(renderMessage(diagnosis.plan[0]!.titleMessage!, 'ja'));
    const de = formatDiagnosisText(diagnosis, 'de');
    expect(de).toContain('Befunde:');
    expect(de).toContain('Ergebnis: HANDLUNGSBEDARF');
    const en = formatDiagnosisText(diagnosis);
    expect(en).toContain('Verdict: ACTION REQUIRED');
    expect(en).toContain(diagnosis.headline);
  });

  it('support code facts in each language', () => {
    const summary = summarizeForSupportCode(diagnosis, snapshot);
    expect(describeSupportSummary(summary, 'ja')[0]).toMatchObject({ label: '判定', value: '対処が必要' });
    expect(describeSupportSummary(summary, 'de')[0]).toMatchObject({ label: 'Ergebnis', value: 'Handlungsbedarf' });
    expect(describeSupportSummary(summary)[0]).toMatchObject({ label: 'Verdict', value: 'Action required' });
  });
});

describe("the report's actions taken", () => {
  it("show a fix's result and its commands' meaning in the report's language (the journal keeps the message beside the English)", async () => {
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { ActionJournal, createFix } = await import('../../../src-main/fixes/index.js');
    const { journal: journalSection } = await import('../../../src-main/report/html-sections.js');
    const workDir = await mkdtemp(join(tmpdir(), 'acs-i18n-journal-'));
    const journal = new ActionJournal(join(workDir, 'journal.jsonl'));
    const declined = async () => ({ exitCode: 1223, stdout: '', stderr: '', timedOut: false, cancelled: false, truncated: false, durationMs: 1 });
    const step = diagnosis.plan.find((item) => item.step === 'install-root-certificate')!;
    const context = { runner: { run: declined }, journal, reprobe: async () => snapshot, snapshot, elevation: 'helper' as const, workDir, user: 'tech' };
    await createFix(step, context).apply();
    const entries = (await journal.read()).entries;
    const finished = entries.find((entry) => entry.event === 'finished')!;
    expect(finished.message).toMatch(/^The administrator prompt was declined, so the certificate import was not done/);
    expect(finished.messageRef?.id).toBe('sentence.pair');
    const page = journalSection(entries, 'ja').value;
    expect(page).toContain('ユーザー アカウント制御の確認が拒否されたため、証明書のインポートは行われませんでした。');
    expect(page).toContain('ユーザー アカウント制御の確認が拒否されました。');
    expect(page).not.toContain('The administrator prompt was declined');
    expect(journalSection(entries, 'en').value).toContain('The administrator prompt was declined, so the certificate import was not done');
  });
});
