// The wizard's language (issue 17): the first choice (?lang, remembered choice, system/browser
// languages, English), the catalogue switched in place (modules keep `messages.fix`), and what the
// main process sends (diagnosis texts, support-code facts) rendered from its messages.
import { afterEach, describe, expect, it } from 'vitest';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import { describeSupportSummary, summarizeForSupportCode } from '../../../src-main/support-code/index.js';
import { parseSnapshotBytes } from '../../../src-main/snapshot/parse.js';
import { readFileSync } from 'node:fs';
import { de } from '../../../src-renderer/messages/de.js';
import { en } from '../../../src-renderer/messages/en.js';
import { initialLocale, messages, setLocale } from '../../../src-renderer/messages/index.js';
import { ja } from '../../../src-renderer/messages/ja.js';
import { localizeDeep, localizingBridge } from '../../../src-renderer/messages/localize.js';
import { previewView } from '../../../src-main/app/handlers/fix-options.js';
import { ActionJournal, createFix } from '../../../src-main/fixes/index.js';
import { planRecords } from '../../../src-main/plan-runner/steps.js';
import type { AcsBridge } from '../../../src-main/contract/index.js';

const storage = (value: string | null) => ({ getItem: () => value });
const at = (search: string) => ({ search });

afterEach(() => setLocale('en'));

/** Every key path of a catalogue, functions and strings alike. */
function paths(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => paths(item, `${prefix}${key}.`));
  return [prefix.slice(0, -1)];
}

describe('wizard language', () => {
  it('the German and Japanese wizard catalogues have every text English has, and only those', () => {
    expect(paths(de).sort()).toEqual(paths(en).sort());
    expect(paths(ja).sort()).toEqual(paths(en).sort());
  });

  it('first: ?lang, then the remembered choice, then the system languages, then the browser languages, else English', () => {
    expect(initialLocale(at('?lang=ja'), ['de-DE'], storage('de'))).toBe('ja');
    expect(initialLocale(at(''), ['ja-JP'], storage('de'))).toBe('de');
    expect(initialLocale(at('?systemLanguages=ja-JP%2Cen-US'), ['de-DE'], storage(null))).toBe('ja');
    expect(initialLocale(at(''), ['fr-FR', 'de-AT'], storage(null))).toBe('de');
    expect(initialLocale(at(''), ['fr-FR'], storage(null))).toBe('en');
    expect(initialLocale(at('?lang=en-XA'), [], storage(null))).toBe('en-XA');
  });

  it('switches the catalogue in place: a section taken before the switch shows the new language', () => {
    const fix = messages.fix;
    setLocale('ja');
    expect(fix.next).toBe(ja.fix.next);
    setLocale('de');
    expect(fix.progress(2, 3)).toBe('Schritt 2 von 3');
    setLocale('en-XA');
    expect(fix.next).toMatch(/^\[Ñéẋţ šţéþ/);
    setLocale('en');
    expect(fix.next).toBe('Next step');
  });

  it('renders what the main process sent in the chosen language, and again after a switch', () => {
    const parsed = parseSnapshotBytes(readFileSync(new URL('../../fixtures/snapshots/server2019-air-gapped-missing-update-and-root.json', import.meta.url)));
    if (!parsed.ok) throw new Error(parsed.error);
    const diagnosis = JSON.parse(JSON.stringify(diagnose(parsed.snapshot))) as ReturnType<typeof diagnose>;
    const facts = JSON.parse(JSON.stringify(describeSupportSummary(summarizeForSupportCode(diagnosis, parsed.snapshot), 'en', { withMessages: true }))) as { label: string; value: string }[];
    setLocale('ja');
    const shown = localizeDeep({ ok: true, value: { diagnosis, facts, preview: { title: diagnosis.plan[0]!.title, whatWillHappen: ['Something the fix says.', diagnosis.plan[0]!.why] } } });
    expect(shown.value.diagnosis.plan[0]!.title).toBe('Windows の更新プログラムをインストールする');
    expect(shown.value.diagnosis.headline).toContain('Windows');
    expect(shown.value.diagnosis.headline).not.toBe(diagnosis.headline);
    expect(shown.value.facts[0]).toMatchObject({ label: '判定', value: '対処が必要' });
    expect(shown.value.preview.title).toBe('Windows の更新プログラムをインストールする');
    expect(shown.value.preview.whatWillHappen[1]).toBe(shown.value.diagnosis.plan[0]!.why);
    setLocale('de');
    const again = localizeDeep(shown);
    expect(again.value.diagnosis.plan[0]!.title).toBe('Das Windows-Update installieren');
    expect(again.value.preview.title).toBe('Das Windows-Update installieren');
    expect(again.value.facts[0]).toMatchObject({ label: 'Ergebnis', value: 'Handlungsbedarf' });
  });

  it("renders a fix's preview and result (what will happen, facts, checks, blockers, result, failures) from their messages, and again after a switch", async () => {
    const parsed = parseSnapshotBytes(readFileSync(new URL('../../fixtures/snapshots/server2019-air-gapped-missing-update-and-root.json', import.meta.url)));
    if (!parsed.ok) throw new Error(parsed.error);
    const diagnosis = diagnose(parsed.snapshot);
    const root = diagnosis.plan.find((step) => step.step === 'install-root-certificate')!;
    const reboot = diagnosis.plan.find((step) => step.step === 'reboot')!;
    const context = {
      runner: { run: async () => ({ exitCode: 0, stdout: '', stderr: '', timedOut: false, cancelled: false, truncated: false, durationMs: 1 }) },
      journal: new ActionJournal('/nonexistent/journal.jsonl'),
      reprobe: async () => parsed.snapshot,
      snapshot: parsed.snapshot,
      elevation: 'helper' as const,
      workDir: '/nonexistent',
    };
    const fix = createFix(root, context);
    const sent = JSON.parse(JSON.stringify(previewView(1, planRecords([root])[0]!, fix.describe(), await fix.preview(), true))) as ReturnType<typeof previewView>;
    const later = createFix(reboot, context);
    const waiting = JSON.parse(JSON.stringify(previewView(2, planRecords([reboot])[0]!, later.describe(), await later.preview(), true))) as ReturnType<typeof previewView>;
    setLocale('de');
    const shown = localizeDeep({ ok: true, value: sent });
    expect(shown.value.whatWillHappen[0]).toContain('dem Speicher „Vertrauenswürdige Stammzertifizierungsstellen“ dieses Computers hinzu');
    expect(shown.value.facts.find((fact) => fact.label === 'Zertifikatspeicher')?.value).toBe('LocalMachine\\Root (Vertrauenswürdige Stammzertifizierungsstellen)');
    expect(shown.value.checks.at(-1)!.message).toMatch(/^Gültig bis \d+\. \w+ \d{4}\.$/);
    expect(shown.value.commands[0]!.purpose).toMatch(/^Nachsehen, ob das Zertifikat/);
    expect(shown.value.offlineAlternative).toBe('Das Stammzertifikat ist in dieser App enthalten: Eine Internetverbindung ist nicht nötig.');
    expect(localizeDeep(waiting).blockers[0]).toBe('Wählen Sie „Windows jetzt neu starten“ oder „Ich starte später neu“: Die App startet Windows nie von selbst neu.');
    const failure = localizeDeep({ ok: false, code: 'precondition', message: 'Look at what this step will do first (preview), then confirm.', messageRef: { id: 'runner.previewFirst' } });
    expect(failure.message).toBe('Sehen Sie sich zuerst an, was dieser Schritt tun wird (Vorschau), und bestätigen Sie dann.');
    // A result the wizard stored as plain text is rendered again after a switch.
    const outcome = await later.apply({ rebootWhen: 'later' }).catch(() => null);
    const result = {
      kind: 'restart-later',
      message: localizeDeep({ message: 'Restart Windows when it suits you; open the app afterwards and it continues from here.', messageRef: { id: 'fix.reboot.later' } }).message,
    };
    expect(outcome === null || outcome.status === 'reboot-required').toBe(true);
    setLocale('ja');
    expect(localizeDeep(result).message).toBe('都合のよいときに Windows を再起動してください。その後アプリを開くと、ここから続行します。');
    expect(localizeDeep(shown).value.facts.find((fact) => fact.label === '証明書ストア')?.value).toBe('LocalMachine\\Root (信頼されたルート証明機関)');
  });

  it("the wizard's language goes with a restart and a kit build (Windows' restart notice, the kit's README), unless the call names one", async () => {
    const calls: unknown[] = [];
    const bridge = new Proxy({} as AcsBridge, {
      get: (_target, property) => (property === 'on' ? () => () => undefined : async (args: unknown) => (calls.push([property, args]), { ok: true, value: {} })),
    });
    setLocale('ja');
    const localized = localizingBridge(bridge);
    await localized.reboot({ when: 'later' });
    await localized.buildFixKit({ consent: true, language: 'de' });
    await localized.listPlan();
    setLocale('en-XA');
    await localized.reboot({ when: 'now' });
    expect(calls).toEqual([
      ['reboot', { when: 'later', language: 'ja' }],
      ['buildFixKit', { consent: true, language: 'de' }],
      ['listPlan', undefined],
      ['reboot', { when: 'now', language: 'en' }],
    ]);
  });
});
