// The catalogues are complete (issue 17): every id in every language, every text parses, every
// parameter a text uses is supplied by the diagnosis of every fixture, no English sentence is left in
// German or Japanese outside proper names, and a missing text shows English (logged once), never an id.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { previewView } from '../../../src-main/app/handlers/fix-options.js';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import type { Diagnosis } from '../../../src-main/diagnosis/schema.js';
import { serviceResultMessage } from '../../../src-main/fixes/agent-services.js';
import { ELEVATION_TEXTS, helperResultMessage } from '../../../src-main/fixes/elevation.js';
import { CERTUTIL_CODES, describeProgramCodeMessage, explainCode, SERVICE_CODES, SHUTDOWN_CODES, UPDATE_INSTALL_CODES } from '../../../src-main/fixes/exit-codes.js';
import { ActionJournal, createFix, type FixContext, type FixOptions } from '../../../src-main/fixes/index.js';
import { formatOutcome, formatPreview } from '../../../src-main/fixes/outcome-text.js';
import { restartComment } from '../../../src-main/fixes/reboot.js';
import { RESTART_COMMENT_PATTERN, type ActionResult } from '../../../src-main/fixes/actions/requests.js';
import { planRecords } from '../../../src-main/plan-runner/steps.js';
import { en } from '../../../src-main/shared/i18n/catalogues/en.js';
import { CATALOGUES, LOCALES, isMessageRef, matchLocale, renderMessage, setMissingMessageReporter, templateLiterals, templateParams, type MessageRef } from '../../../src-main/shared/i18n/index.js';
import { parseSnapshotBytes } from '../../../src-main/snapshot/parse.js';
import type { Snapshot } from '../../../src-main/snapshot/schema.js';
import type { CommandResult, CommandRunner } from '../../../src-main/windows/command-runner.js';
import { findEnglishLeftovers } from '../../support/english-leftovers.js';
import { cmdEchoText, encodeCmdFile, KIT_TEXT_LANGUAGES, loadKitTexts, withEnglishFallback, type KitTexts } from '../../../src-main/kit/texts.js';
import { buildFixKit, KitError } from '../../../src-main/kit/build.js';
import { FLEET_TEXTS } from '../../../src-main/fleet/messages.js';

const folder = new URL('../../fixtures/snapshots/', import.meta.url);
const fixtures = readdirSync(folder).filter((name) => name.endsWith('.json'));
const snapshots: [string, Snapshot][] = fixtures.flatMap((name) => {
  const parsed = parseSnapshotBytes(readFileSync(new URL(name, folder)));
  return parsed.ok ? [[name, parsed.snapshot] as [string, Snapshot]] : [];
});
const diagnoses: [string, Diagnosis][] = snapshots.map(([name, snapshot]) => [name, diagnose(snapshot)]);

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

// ── The fixes' texts (src-main/fixes/): every message a fix can say, rendered in every language ─────────
const FIX_PREFIXES = ['fix.', 'code.', 'elevation.', 'helper.', 'runner.', 'cli.fix.'];

/** Every text field paired with its message in an object tree: `x`/`xMessage`, `…message`/`…messageRef`, lists `x`/`xMessages`. */
function pairsOf(value: unknown, out: { text: string; ref: MessageRef }[] = []): { text: string; ref: MessageRef }[] {
  if (Array.isArray(value)) for (const item of value) pairsOf(item, out);
  else if (value && typeof value === 'object' && !isMessageRef(value)) {
    const record = value as Record<string, unknown>;
    for (const [key, item] of Object.entries(record)) {
      const ref = record[/message$/i.test(key) ? `${key}Ref` : `${key}Message`];
      if (typeof item === 'string' && isMessageRef(ref)) out.push({ text: item, ref });
      const refs = record[`${key}Messages`];
      if (Array.isArray(item) && Array.isArray(refs)) item.forEach((line, index) => typeof line === 'string' && isMessageRef(refs[index]) && out.push({ text: line, ref: refs[index] }));
      pairsOf(item, out);
    }
  }
  return out;
}

const answer = (exitCode: number | null, spawn = false): CommandResult => ({
  exitCode,
  stdout: '',
  stderr: '',
  timedOut: false,
  cancelled: false,
  truncated: false,
  durationMs: 1,
  ...(spawn ? { spawnError: { code: 'ENOENT', message: 'not here' } } : {}),
});

type RunnerMode = 'declined' | 'missing' | 'signed';

/** A runner where the administrator prompt is declined (1223), PowerShell is missing, or Windows says a
 * package is signed by Microsoft and the helper ends without a result; other programs answer 0. */
function runnerFor(mode: RunnerMode): CommandRunner {
  return {
    run: async (request) => {
      if (!/powershell/i.test(request.file)) return answer(0);
      if (mode === 'declined') return answer(1223);
      if (mode === 'missing') return answer(null, true);
      if (request.args.includes('-Command')) return { ...answer(0), stdout: '{"status":"Valid","signerSubject":"CN=Microsoft Windows, O=Microsoft Corporation","statusMessage":null}' };
      return answer(9);
    },
  };
}

async function fixContext(snapshot: Snapshot, mode: RunnerMode): Promise<FixContext> {
  const workDir = await mkdtemp(join(tmpdir(), 'acs-i18n-fix-'));
  return {
    runner: runnerFor(mode),
    journal: new ActionJournal(join(workDir, 'journal.jsonl')),
    reprobe: async () => snapshot,
    snapshot,
    elevation: 'helper',
    workDir,
    pollIntervalMs: 0,
    network: false,
    user: 'tech',
  };
}

/** Describe, preview (every choice) and apply every step of the plans of a few fixtures, and everything the fixes say without a machine. */
async function fixTexts(): Promise<{ refs: MessageRef[]; pairs: { text: string; ref: MessageRef }[]; cli: Record<string, string[]> }> {
  const objects: unknown[] = [];
  const cli: Record<string, string[]> = { en: [], de: [], ja: [] };
  // Every kind of step: update (cumulative, and a rollup with prerequisites), root, restart, services, upgrade, support.
  const wanted = [
    'win10-21h2-offline-german-unpatched.json',
    'server2019-air-gapped-missing-update-and-root.json',
    'server2008-sp2-esu-no-rollup.json',
    'server2016-damaged-agent-binary.json',
    'server2022-root-disallowed.json',
    'win10-1803-unsupported.json',
    'server2016-german-update-pending-reboot.json',
  ];
  const chosen = snapshots.filter(([name]) => wanted.includes(name));
  expect(chosen.map(([name]) => name).sort()).toEqual([...wanted].sort());
  const files = await mkdtemp(join(tmpdir(), 'acs-i18n-files-'));
  const [msu, cab, cer] = [join(files, 'windows10.0-kb5011487-x64.msu'), join(files, 'windows6.0-kb5006750-x86.cab'), join(files, 'root.cer')];
  await Promise.all([writeFile(msu, 'not really an update'), writeFile(cab, 'not really a cabinet'), writeFile(cer, 'not a certificate')]);
  const optionSets: FixOptions[] = [
    {},
    { packagePath: msu },
    { packagePath: cab },
    { certificateFile: cer },
    { updateSource: 'guidance' },
    { updateSource: 'online' },
    { updateSource: 'offline' },
    { packagePath: 'E:\\missing\\windows10.0-kb5011487-x64.msu' },
    { packagePath: 'E:\\missing\\update.zip' },
    { certificateFile: '/no/such/root.cer' },
    { rebootWhen: 'now' },
    { rebootWhen: 'later' },
  ];
  for (const [, snapshot] of chosen) {
    const diagnosis = diagnose(snapshot);
    for (const mode of ['declined', 'missing', 'signed'] as const) {
      const context = await fixContext(snapshot, mode);
      for (const step of diagnosis.plan) {
        const fix = createFix(step, context);
        const description = fix.describe();
        objects.push(description);
        for (const options of optionSets) {
          const preview = await fix.preview(options);
          objects.push(preview);
          objects.push(previewView(0, { ...planRecords([step])[0]!, updateFile: null }, description, preview, true));
          for (const locale of LOCALES) cli[locale]!.push(formatPreview(1, description, preview, locale));
        }
        for (const options of [{}, { updateSource: 'guidance' }, { updateSource: 'online' }, { rebootWhen: 'now' }, { rebootWhen: 'later' }, { packagePath: msu }] as FixOptions[]) {
          const outcome = await fix.apply(options);
          objects.push(outcome);
          for (const locale of LOCALES) cli[locale]!.push(formatOutcome(outcome, locale));
        }
        objects.push(await fix.verify());
        if (fix.undo) objects.push(await fix.undo());
      }
      objects.push(await context.journal.unfinished());
    }
  }
  const refs: MessageRef[] = [...Object.values(ELEVATION_TEXTS).flatMap((value) => (typeof value === 'function' ? [] : [value]))];
  refs.push(ELEVATION_TEXTS.failed(ELEVATION_TEXTS.timedOut), ELEVATION_TEXTS.spawnFailed('ENOENT'), ELEVATION_TEXTS.noResult(7), ELEVATION_TEXTS.noResult(null));
  for (const table of [UPDATE_INSTALL_CODES, CERTUTIL_CODES, SERVICE_CODES, SHUTDOWN_CODES]) {
    for (const code of [...table.keys(), 12345, null]) refs.push(explainCode(table, code).message);
  }
  for (const file of ['C:\\Windows\\System32\\wusa.exe', 'X509Store', 'whoami.exe']) for (const code of [0, 3010, 7, null]) refs.push(describeProgramCodeMessage(file, code));
  const reasons = [
    'helper-location',
    'request-unreadable',
    'request-changed',
    'request-invalid',
    'certificate-self-check',
    'certificate-expired',
    'package-not-local',
    'package-missing',
    'package-changed',
    'package-unsigned',
    'package-not-microsoft',
    'package-wrong-kb',
    'something-new',
  ];
  const statuses: ActionResult['status'][] = ['ok', 'reboot-required', 'already-done', 'refused', 'declined', 'access-denied', 'not-applicable', 'busy', 'failed'];
  for (const action of ['import-root-certificate', 'remove-root-certificate', 'install-update-package', 'start-services', 'restart-computer'] as const) {
    for (const status of statuses) {
      for (const exitCode of [0, 5, 3010, null]) {
        const services = [{ name: 'ntrtscan', state: 'STOPPED', startExitCode: 577, win32ExitCode: 577, running: false, timedOut: false, message: 'x' }];
        refs.push(helperResultMessage({ action, status, exitCode, message: 'raw', commands: [], services }));
      }
    }
    for (const reason of reasons) refs.push(helperResultMessage({ action, status: 'refused', reason, exitCode: null, message: 'raw', commands: [] }));
  }
  const service = { name: 'ntrtscan', state: 'START_PENDING', startExitCode: 0, win32ExitCode: 0, running: false, timedOut: false, message: 'raw' };
  for (const variant of [{ running: true }, { timedOut: true }, { startExitCode: 1058 }, { win32ExitCode: 1068 }, {}]) refs.push(serviceResultMessage({ ...service, ...variant }));
  for (const object of objects) refsOf(object, refs);
  return { refs, pairs: objects.flatMap((object) => pairsOf(object)), cli };
}

describe('the fixes speak from the catalogue', () => {
  it('every fix message supplies every parameter each language uses, and renders without braces', { timeout: 120_000 }, async () => {
    const { refs } = await fixTexts();
    const seen = new Set<string>();
    const stack = [...refs];
    while (stack.length > 0) {
      const ref = stack.pop()!;
      seen.add(ref.id);
      for (const param of Object.values(ref.params ?? {})) refsOf(param, stack);
      for (const locale of LOCALES) {
        const template = CATALOGUES[locale][ref.id];
        expect(template, `${ref.id} in ${locale}`).toBeDefined();
        for (const param of templateParams(template!)) expect(ref.params ?? {}, `${ref.id} needs {${param}} (${locale})`).toHaveProperty(param);
        expect(renderMessage(ref, locale), `${ref.id} (${locale})`).not.toMatch(/[{}]/);
      }
    }
    // Most fix texts are reached by the fixes themselves; the rest are checked by the parameter rule above.
    const fixIds = Object.keys(en).filter((id) => FIX_PREFIXES.some((prefix) => id.startsWith(prefix)));
    const reached = fixIds.filter((id) => seen.has(id));
    expect(reached.length / fixIds.length, `not reached: ${fixIds.filter((id) => !seen.has(id)).join(', ')}`).toBeGreaterThan(0.6);
  });

  it('the English text fields of previews, outcomes and checks are the English rendering of their messages', async () => {
    const { pairs } = await fixTexts();
    expect(pairs.length).toBeGreaterThan(200);
    for (const { text, ref } of pairs) expect(renderMessage(ref, 'en'), ref.id).toBe(text);
  });

  it('fix --plan and fix --apply output has no English sentence in German or Japanese (data and proper names aside)', async () => {
    const { cli } = await fixTexts();
    // Windows' own event texts (in the machine's language, English in these fixtures) are data too.
    const eventTexts = snapshots.flatMap(([, snapshot]) => (snapshot.events ?? []).flatMap((event) => (event.message ? [event.message] : [])));
    for (const locale of ['de', 'ja'] as const) {
      const leftovers = cli[locale]!.flatMap((text) =>
        eventTexts
          .reduce((rest, event) => rest.split(event).join(' '), text)
          .split('\n')
          // Commands, paths and the helper's own English words are data.
          .filter((line) => !/^\s*>|^\s+\S+\.exe|\(englisch\)|\(英語\)/.test(line))
          .map((line) => line.replace(/[A-Za-z]:\\\S*|\/\S+/g, ' '))
          .flatMap((line) => findEnglishLeftovers(line).map((words) => `${words}: ${line}`)),
      );
      expect(leftovers, locale).toEqual([]);
    }
  });

  it('every id the fixes use is in the source, and every fix id of the catalogue is used (no dead texts)', () => {
    const sources = ['src-main', 'src-renderer']
      .flatMap((dir) => readdirSync(new URL(`../../../${dir}/`, import.meta.url), { recursive: true, encoding: 'utf8' }).map((file) => `${dir}/${file}`))
      .filter((file) => /\.tsx?$/.test(file) && !file.includes('/catalogues/'))
      .map((file) => readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8'))
      .join('\n');
    const unused = Object.keys(en).filter(
      (id) =>
        [...FIX_PREFIXES, 'kit.', 'cli.kit.', 'fleet.', 'cli.help.', 'cli.error.', 'cli.collect.', 'cli.report.'].some((prefix) => id.startsWith(prefix)) &&
        !id.startsWith('fix.status.') &&
        !sources.includes(`'${id}'`),
    );
    expect(unused).toEqual([]);
  });

  it('the notice Windows shows before a restart is a valid shutdown comment in every language', () => {
    for (const locale of LOCALES) expect(restartComment(locale), locale).toMatch(RESTART_COMMENT_PATTERN);
  });
});

// ── The field kit's own texts (assets/kit/texts/<language>.json): README.txt, FIX.cmd / COLLECT.cmd, fix.ps1 ──
/** Every text of a kit data file by key path ("fix.title", "readme.fix.3"). */
function kitEntries(texts: KitTexts): [string, string][] {
  return [
    ...Object.entries(texts.fix).map(([key, text]) => [`fix.${key}`, text] as [string, string]),
    ...Object.entries(texts.cmd).map(([key, text]) => [`cmd.${key}`, text] as [string, string]),
    ...texts.readme.fix.map((text, index) => [`readme.fix.${index}`, text] as [string, string]),
    ...texts.readme.collect.map((text, index) => [`readme.collect.${index}`, text] as [string, string]),
  ];
}
const placeholders = (text: string) => [...new Set(text.match(/\{\{?[A-Za-z0-9]+\}\}?/g) ?? [])].sort();

describe("the field kit's texts", () => {
  it('exist in every language the catalogues have, with every text English has and the same {0} / {name} placeholders', async () => {
    expect([...KIT_TEXT_LANGUAGES].sort()).toEqual([...LOCALES].sort());
    const english = await loadKitTexts('en');
    for (const language of ['de', 'ja'] as const) {
      const texts = await loadKitTexts(language);
      expect(texts.language).toBe(language);
      expect(Object.keys(texts.fix).sort(), language).toEqual(Object.keys(english.fix).sort());
      expect(Object.keys(texts.cmd).sort(), language).toEqual(Object.keys(english.cmd).sort());
      // README lines may be worded differently, but every {value} the builder fills in is used, and no other.
      const readmeNames = (lines: readonly string[]) => [...new Set(lines.flatMap(placeholders))].sort();
      expect(readmeNames(texts.readme.fix), language).toEqual(readmeNames(english.readme.fix));
      expect(readmeNames(texts.readme.collect), language).toEqual(readmeNames(english.readme.collect));
      for (const [key, text] of kitEntries(texts).filter(([key]) => !key.startsWith('readme.'))) {
        const source = key.startsWith('fix.') ? english.fix[key.slice(4) as keyof KitTexts['fix']] : english.cmd[key.slice(4) as keyof KitTexts['cmd']];
        expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(source));
      }
    }
  });

  it('a text missing from a translation is taken from English and reported once, never shown as its key', async () => {
    const reports: string[] = [];
    setMissingMessageReporter((message) => reports.push(message));
    const english = await loadKitTexts('en');
    const german = JSON.parse(JSON.stringify(await loadKitTexts('de'))) as { fix: Record<string, string | undefined>; readme: Record<string, unknown> };
    delete german.fix.pressEnter;
    delete german.readme.collect;
    const first = withEnglishFallback(english, german, 'de');
    withEnglishFallback(english, german, 'de');
    expect(first.fix.pressEnter).toBe(english.fix.pressEnter);
    expect(first.readme.collect).toEqual(english.readme.collect);
    expect(first.fix.title).toBe((await loadKitTexts('de')).fix.title);
    expect(reports).toEqual(['Message "kit:fix.pressEnter" is missing from the de catalogue; English is shown.', 'Message "kit:readme.collect" is missing from the de catalogue; English is shown.']);
  });

  it('no English sentence is left in the German and Japanese kit (commands, file and folder names aside)', async () => {
    for (const language of ['de', 'ja'] as const) {
      const leftovers = kitEntries(await loadKitTexts(language)).flatMap(([key, text]) =>
        findEnglishLeftovers(text.replace(/acs-assistant [^)]*|README\.txt|FIX\.cmd|COLLECT\.cmd/g, ' ')).map((words) => `${key}: ${words}`),
      );
      expect(leftovers, language).toEqual([]);
    }
  });

  it("the .cmd texts have bytes in their language's OEM code page, and the restart notice is a valid shutdown comment", async () => {
    for (const language of KIT_TEXT_LANGUAGES) {
      const texts = await loadKitTexts(language);
      for (const [key, text] of Object.entries(texts.cmd)) {
        expect(() => cmdEchoText(text, language), `${language} cmd.${key}`).not.toThrow();
        expect(encodeCmdFile(text, language).length, `${language} cmd.${key}`).toBeGreaterThan(0);
      }
      expect(texts.fix.restartComment, language).toMatch(RESTART_COMMENT_PATTERN);
    }
    // English stays plain ASCII; German is code page 850 (umlauts at the bytes 437 has them too); Japanese is code page 932.
    expect([...encodeCmdFile('Prüfung für Größe', 'de')]).toEqual([...Buffer.from('Pr\x81fung f\x81r Gr\x94\xe1e', 'latin1')]);
    expect(new TextDecoder('shift_jis').decode(encodeCmdFile('コンピューターを確認しています。', 'ja'))).toBe('コンピューターを確認しています。');
    expect(() => cmdEchoText('Prüfung', 'en')).toThrow(/printable ASCII/);
    expect(() => encodeCmdFile('€', 'de')).toThrow(/OEM code page/);
  });
});

describe('the kit and the fleet summary speak from the catalogue', () => {
  /** Checks every reference (nested ones too) against every language: each parameter supplied, rendered without braces. */
  function expectComplete(refs: MessageRef[]): void {
    const stack = [...refs];
    while (stack.length > 0) {
      const ref = stack.pop()!;
      for (const param of Object.values(ref.params ?? {})) refsOf(param, stack);
      for (const locale of LOCALES) {
        const template = CATALOGUES[locale][ref.id];
        expect(template, `${ref.id} in ${locale}`).toBeDefined();
        for (const param of templateParams(template!)) expect(ref.params ?? {}, `${ref.id} needs {${param}} (${locale})`).toHaveProperty(param);
        expect(renderMessage(ref, locale), `${ref.id} (${locale})`).not.toMatch(/[{}]/);
      }
    }
  }

  it('every fleet message supplies what each language uses', () => {
    const refs: MessageRef[] = [];
    for (const value of [...Object.values(FLEET_TEXTS), ...Object.values(FLEET_TEXTS.titles)]) {
      if (typeof value === 'function') refs.push((value as (...args: unknown[]) => MessageRef)(3, 2, 'folder', 1234, '2026-12-05T09:14:00Z', 'acs 1.0'));
      else if (isMessageRef(value)) refs.push(value);
    }
    refs.push(FLEET_TEXTS.textNone(FLEET_TEXTS.titles.verdicts), FLEET_TEXTS.inFuture('2027-01-01T00:00:00Z', 15), FLEET_TEXTS.cannotWrite('out.csv', 'EACCES'));
    expectComplete(refs);
  });

  it('every reason a kit is refused supplies what each language uses', async () => {
    const refs: MessageRef[] = [];
    const out = await mkdtemp(join(tmpdir(), 'acs-i18n-kit-'));
    for (const [name, snapshot] of snapshots) {
      await buildFixKit({
        snapshot,
        outDir: join(out, name),
        checkPackage: async () => ({ ok: false, checks: [], name: { kb: null, architecture: null, extension: null }, sizeBytes: null, sha256: null, installer: null }),
        packagePath: 'x.msu',
      }).catch((error: unknown) => {
        if (error instanceof KitError) refs.push(error.messageRef, ...error.detailsMessages);
      });
      await buildFixKit({ snapshot, outDir: join(out, `${name}-2`) }).catch((error: unknown) => {
        if (error instanceof KitError) refs.push(error.messageRef, ...error.detailsMessages);
      });
    }
    expect(new Set(refs.map((ref) => ref.id)).size).toBeGreaterThan(4);
    expectComplete(refs);
  });
});
