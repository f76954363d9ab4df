// The catalogues are complete (issue 17): every id in every language, every text parses, every
// parameter a text uses is supplied by the diagnosis of every fixture, no English sentence is left in
// German or Japanese outside proper names, and a missing text shows English (logged once), never an id.
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import type { Diagnosis } from '../../../src-main/diagnosis/schema.js';
import { en } from '../../../src-main/shared/i18n/catalogues/en.js';
import { CATALOGUES, LOCALES, isMessageRef, matchLocale, renderMessage, setMissingMessageReporter, templateLiterals, templateParams, type MessageRef } from '../../../src-main/shared/i18n/index.js';
import { parseSnapshotBytes } from '../../../src-main/snapshot/parse.js';
import { findEnglishLeftovers } from '../../support/english-leftovers.js';

const folder = new URL('../../fixtures/snapshots/', import.meta.url);
const fixtures = readdirSync(folder).filter((name) => name.endsWith('.json'));
const diagnoses: [string, Diagnosis][] = fixtures.flatMap((name) => {
  const parsed = parseSnapshotBytes(readFileSync(new URL(name, folder)));
  return parsed.ok ? [[name, diagnose(parsed.snapshot)] as [string, Diagnosis]] : [];
});

/** Every message reference in a diagnosis, nested ones included. */
function refsOf(value: unknown, out: MessageRef[] = []): MessageRef[] {
  if (Array.isArray(value)) for (const item of value) refsOf(item, out);
  else if (isMessageRef(value) && typeof (value as { id: unknown }).id === 'string' && ('params' in value || Object.keys(value).length === 1)) {
    out.push(value);
    for (const param of Object.values(value.params ?? {})) refsOf(param, out);
  } else if (value && typeof value === 'object') for (const item of Object.values(value)) refsOf(item, out);
  return out;
}

afterEach(() => setMissingMessageReporter((message) => console.warn(message)));

describe('catalogues', () => {
  it('every id of English exists in every language, and no language has ids English lacks', () => {
    const ids = Object.keys(en).sort();
    for (const locale of LOCALES) expect(Object.keys(CATALOGUES[locale]).sort(), locale).toEqual(ids);
  });

  it('every text parses, and a translation uses no parameter the English text does not get', () => {
    for (const id of Object.keys(en) as (keyof typeof en)[]) {
      const english = templateParams(en[id]);
      for (const locale of LOCALES) {
        const used = templateParams(CATALOGUES[locale][id]!);
        for (const name of used) expect(english.has(name) || name === 'count', `${locale} ${id} uses {${name}}`).toBe(true);
      }
    }
  });

  it('the diagnosis of every fixture supplies every parameter each language uses, and renders without braces', () => {
    expect(diagnoses.length).toBeGreaterThan(40);
    const seen = new Set<string>();
    for (const [name, diagnosis] of diagnoses) {
      const refs = refsOf(diagnosis);
      expect(refs.length, name).toBeGreaterThan(3);
      for (const ref of refs) {
        seen.add(ref.id);
        for (const locale of LOCALES) {
          const template = CATALOGUES[locale][ref.id];
          expect(template, `${name}: ${ref.id} in ${locale}`).toBeDefined();
          for (const param of templateParams(template!)) expect(ref.params ?? {}, `${name}: ${ref.id} needs {${param}} (${locale})`).toHaveProperty(param);
          const text = renderMessage(ref, locale);
          expect(text, `${name}: ${ref.id} (${locale})`).not.toMatch(/[{}]/);
        }
      }
    }
    // The fixtures reach most texts; the rest are checked by the parameter rule above.
    expect(seen.size).toBeGreaterThan(60);
  });

  it('the English text fields are the English rendering of the message fields (acs-diagnosis v1 stays readable)', () => {
    for (const [name, diagnosis] of diagnoses) {
      expect(renderMessage(diagnosis.headlineMessage!, 'en'), name).toBe(diagnosis.headline);
      for (const finding of diagnosis.findings) {
        expect(renderMessage(finding.titleMessage!, 'en'), name).toBe(finding.title);
        expect(renderMessage(finding.explanationMessage!, 'en'), name).toBe(finding.explanation);
      }
      for (const step of diagnosis.plan) expect(renderMessage(step.whyMessage!, 'en'), name).toBe(step.why);
    }
  });

  it('no English sentence is left in German or Japanese (outside proper names)', () => {
    for (const locale of ['de', 'ja'] as const) {
      const leftovers = Object.entries(CATALOGUES[locale]).flatMap(([id, text]) => findEnglishLeftovers(templateLiterals(text!).join(' ')).map((words) => `${id}: ${words}`));
      expect(leftovers, locale).toEqual([]);
    }
  });

  it('the checker itself finds an English sentence', () => {
    expect(findEnglishLeftovers('Windows ist bereit, but the agent is not running.')).not.toEqual([]);
    expect(findEnglishLeftovers('Windows Server 2019 und Microsoft Identity Verification Root Certificate Authority 2020')).toEqual([]);
  });
});

describe('rendering', () => {
  it('plural, list, number and date formatting follow the language (Intl)', () => {
    const names = ['Apex One NT RealTime Scan', 'Apex One NT Listener'];
    expect(renderMessage({ id: 'agent.running.explanation', params: { names, count: 2 } }, 'en')).toBe('Apex One NT RealTime Scan and Apex One NT Listener are running.');
    expect(renderMessage({ id: 'agent.running.explanation', params: { names: names.slice(0, 1), count: 1 } }, 'de')).toBe('Apex One NT RealTime Scan läuft.');
    expect(renderMessage({ id: 'agent.running.explanation', params: { names, count: 2 } }, 'de')).toBe('Apex One NT RealTime Scan und Apex One NT Listener laufen.');
    expect(renderMessage({ id: 'agent.running.explanation', params: { names, count: 2 } }, 'ja')).toBe('Apex One NT RealTime Scan、Apex One NT Listener は実行中です。');
    expect(renderMessage({ id: 'update.kind.later', params: { month: '2023-01' } }, 'de')).toBe('monatliches Rollup von Januar 2023');
    expect(renderMessage({ id: 'update.kind.later', params: { month: '2023-01' } }, 'ja')).toBe('2023年1月のマンスリー ロールアップ');
    expect(renderMessage({ id: 'collection.title', params: { count: 1 } }, 'de')).toBe('1 Bereich dieses Computers konnte nicht geprüft werden');
    expect(renderMessage({ id: 'collection.title', params: { count: 1200 } }, 'de')).toBe('1.200 Bereiche dieses Computers konnten nicht geprüft werden');
  });

  it('a text missing from a language shows English and is reported once; an unknown id shows the stored text, never the id', () => {
    const reports: string[] = [];
    setMissingMessageReporter((message) => reports.push(message));
    const de = CATALOGUES.de as Record<string, string | undefined>;
    const saved = de['plan.restart.title'];
    delete de['plan.restart.title'];
    try {
      expect(renderMessage({ id: 'plan.restart.title' }, 'de')).toBe('Restart the computer');
      expect(renderMessage({ id: 'plan.restart.title' }, 'de')).toBe('Restart the computer');
      expect(reports).toHaveLength(1);
    } finally {
      de['plan.restart.title'] = saved;
    }
    expect(renderMessage({ id: 'future.finding.title' }, 'ja', 'A finding from a newer version')).toBe('A finding from a newer version');
    expect(renderMessage({ id: 'future.other' }, 'ja')).not.toContain('future.other');
  });

  it('picks the language from preference tags', () => {
    expect(matchLocale(['ja-JP', 'en-US'])).toBe('ja');
    expect(matchLocale(['de_DE.UTF-8'])).toBe('de');
    expect(matchLocale(['C', 'fr-FR'])).toBeNull();
    expect(matchLocale(['fr-FR', 'de-AT'])).toBe('de');
    expect(matchLocale(['en-XA'])).toBe('en-XA');
  });
});
