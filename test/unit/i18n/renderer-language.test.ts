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
import { localizeDeep } from '../../../src-renderer/messages/localize.js';

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
});
