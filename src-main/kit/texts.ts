// The kit's own texts (README.txt, what FIX.cmd / COLLECT.cmd echo and what fix.ps1 prints): one data
// file per language, assets/kit/texts/<language>.json (en, de, ja), filled in by the builder.
// fix.ps1 and README.txt are UTF-8 with a byte-order mark. cmd.exe reads a .cmd file in the console's OEM
// code page, so a .cmd file is written in the OEM code page of its language's Windows: English in ASCII,
// German in code page 850 (its umlauts and ß sit at the same bytes in 437), Japanese in 932 (Shift_JIS).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { assetPath } from '../paths.js';
import { reportMissingText } from '../shared/i18n/index.js';

export const KIT_TEXT_LANGUAGES = ['en', 'de', 'ja'] as const;
export type KitLanguage = (typeof KIT_TEXT_LANGUAGES)[number];

const FIX_KEYS = [
  'title',
  'constrainedLanguage',
  'resultNotWritten',
  'pressEnter',
  'manifestMissing',
  'fileMissing',
  'fileChanged',
  'otherComputer',
  'notElevated',
  'helperFolder',
  'helperNoResult',
  'stepAlreadyDone',
  'stepStarting',
  'noRestartNeeded',
  'restartQuestion',
  'restartLater',
  'restartComment',
  'restartStarted',
  'stepNotInKit',
  'stepFailed',
  'collecting',
  'snapshotFailed',
  'finished',
] as const;
const CMD_KEYS = ['needAdmin', 'adminDeclined', 'noPowerShell', 'fixFinished', 'collectStarting', 'collectDone', 'collectLocked', 'collectFailed', 'pressKey'] as const;

const line = z
  .string()
  .max(600)
  .refine((text) => !/[\r\n]/.test(text) && !text.includes('\u0000'), 'one line, no control characters');
export const kitTextsSchema = z.strictObject({
  language: z.enum(KIT_TEXT_LANGUAGES),
  fix: z.strictObject(Object.fromEntries(FIX_KEYS.map((key) => [key, line])) as Record<(typeof FIX_KEYS)[number], typeof line>),
  cmd: z.strictObject(Object.fromEntries(CMD_KEYS.map((key) => [key, line])) as Record<(typeof CMD_KEYS)[number], typeof line>),
  readme: z.strictObject({ fix: z.array(z.string().max(600)), collect: z.array(z.string().max(600)) }),
});
export type KitTexts = z.infer<typeof kitTextsSchema>;

/** A translation may lack texts: each missing one is taken from English (and reported once, like the catalogues). */
const translationSchema = z.strictObject({
  language: z.enum(KIT_TEXT_LANGUAGES),
  fix: kitTextsSchema.shape.fix.partial(),
  cmd: kitTextsSchema.shape.cmd.partial(),
  readme: kitTextsSchema.shape.readme.partial(),
});

async function readTexts(language: KitLanguage): Promise<unknown> {
  return JSON.parse(await readFile(assetPath('kit', 'texts', `${language}.json`), 'utf8'));
}

export async function loadKitTexts(language: KitLanguage = 'en'): Promise<KitTexts> {
  const english = kitTextsSchema.parse(await readTexts('en'));
  return language === 'en' ? english : withEnglishFallback(english, await readTexts(language), language);
}

/** A translation's texts, each one it lacks taken from English and reported once (never a raw key). */
export function withEnglishFallback(english: KitTexts, translation: unknown, language: KitLanguage): KitTexts {
  const own = translationSchema.parse(translation);
  const pick = <T>(section: 'fix' | 'cmd' | 'readme', key: string, mine: T | undefined, fallback: T): T => {
    if (mine !== undefined) return mine;
    reportMissingText(language, `kit:${section}.${key}`);
    return fallback;
  };
  const fill = <S extends 'fix' | 'cmd'>(section: S) =>
    Object.fromEntries(Object.entries(english[section]).map(([key, text]) => [key, pick(section, key, (own[section] as Record<string, string | undefined>)[key], text)])) as KitTexts[S];
  return {
    language,
    fix: fill('fix'),
    cmd: fill('cmd'),
    readme: { fix: pick('readme', 'fix', own.readme.fix, english.readme.fix), collect: pick('readme', 'collect', own.readme.collect, english.readme.collect) },
  };
}

/** Code page 850 (German Windows' OEM code page) for the letters German needs beyond ASCII. */
const CP850: Readonly<Record<string, number>> = { ä: 0x84, ö: 0x94, ü: 0x81, Ä: 0x8e, Ö: 0x99, Ü: 0x9a, ß: 0xe1 };

let cp932: Map<string, number[]> | null = null;
/** Code page 932 (Japanese Windows' OEM code page, Shift_JIS) from the runtime's own decoder, read backwards. */
function cp932Table(): Map<string, number[]> {
  if (cp932) return cp932;
  const decoder = new TextDecoder('shift_jis', { fatal: true });
  const table = new Map<string, number[]>();
  // JIS X 0208 and the NEC row 13 (leads 0x81–0x9F, 0xE0–0xEC); the IBM rows that repeat NEC characters (0xED, 0xEE, 0xFA–0xFC) are left out.
  for (const lead of [...Array.from({ length: 0x1f }, (_, index) => 0x81 + index), ...Array.from({ length: 0x0d }, (_, index) => 0xe0 + index)]) {
    for (let trail = 0x40; trail <= 0xfc; trail += 1) {
      if (trail === 0x7f) continue;
      let char: string;
      try {
        char = decoder.decode(new Uint8Array([lead, trail]));
      } catch {
        continue;
      }
      if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  cp932 = table;
  return table;
}

/** A .cmd file's bytes in the OEM code page of its language; a character that code page lacks is an error. */
export function encodeCmdFile(text: string, language: KitLanguage = 'en'): Buffer {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code === 0x0d || code === 0x0a || (code >= 0x20 && code <= 0x7e)) bytes.push(code);
    else if (language === 'de' && CP850[char] !== undefined) bytes.push(CP850[char]);
    else if (language === 'ja' && cp932Table().has(char)) bytes.push(...cp932Table().get(char)!);
    else throw new Error(`kit .cmd (${language}): "${char}" has no byte in the OEM code page cmd.exe echoes in`);
  }
  return Buffer.from(bytes);
}

/** A text as the rest of an `echo` line of a .cmd file: cmd's special characters escaped, nothing expands.
 * English texts must be printable ASCII; German and Japanese ones may use what their OEM code page has. */
export function cmdEchoText(text: string, language: KitLanguage = 'en'): string {
  if (/[\r\n"]/.test(text)) throw new Error('cmdEchoText: one line without quotes');
  // cmd.exe echoes in the console's OEM code page (encodeCmdFile writes the file in it).
  if (language === 'en' && /[^\x20-\x7E]/.test(text)) throw new Error('cmdEchoText: .cmd texts must be printable ASCII (cmd.exe echoes in the OEM code page)');
  encodeCmdFile(text, language);
  return text.replace(/%/g, '%%').replace(/[\^&|<>()]/g, (char) => `^${char}`);
}

/** Fills {{key}} in a .cmd template with the escaped texts; an unknown key is an error. */
export function fillCmdTemplate(template: string, texts: KitTexts['cmd'], language: KitLanguage = 'en'): string {
  return template.replace(/\{\{([A-Za-z]+)\}\}/g, (_, key: string) => {
    if (!(key in texts)) throw new Error(`kit .cmd template: unknown text ${key}`);
    return cmdEchoText(texts[key as keyof KitTexts['cmd']], language);
  });
}

/** A PowerShell single-quoted string literal (only ' needs doubling; the typographic quotes too, which PowerShell also ends strings with). */
export function psSingleQuoted(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q)}'`;
}

export const FIX_TEXTS_MARKER = '# @@KIT-TEXTS@@';

/** fix.ps1 with its texts: the marker line becomes one `$T.key = '…'` line per text. */
export function fillFixScript(template: string, texts: KitTexts['fix']): string {
  const lines = Object.entries(texts).map(([key, value]) => `$T.${key} = ${psSingleQuoted(value)}`);
  const eol = template.includes('\r\n') ? '\r\n' : '\n';
  if (template.split(FIX_TEXTS_MARKER).length !== 2) throw new Error('fix.ps1 template: the texts marker must appear once');
  return template.replace(FIX_TEXTS_MARKER, lines.join(eol));
}

/** README lines with {name} values filled in (unknown names stay visible, so a gap is seen in review). */
export function fillReadme(lines: readonly string[], values: Record<string, string>): string {
  return lines.map((text) => text.replace(/\{([A-Za-z]+)\}/g, (whole, key: string) => values[key] ?? whole)).join('\r\n') + '\r\n';
}
