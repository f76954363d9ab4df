// The kit's own texts (README.txt, what FIX.cmd / COLLECT.cmd echo and what fix.ps1 prints): one data
// file per language, assets/kit/texts/<language>.json, filled in by the builder. English now.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { assetPath } from '../paths.js';

export const KIT_TEXT_LANGUAGES = ['en'] as const;
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

export async function loadKitTexts(language: KitLanguage = 'en'): Promise<KitTexts> {
  return kitTextsSchema.parse(JSON.parse(await readFile(assetPath('kit', 'texts', `${language}.json`), 'utf8')));
}

/** A text as the rest of an `echo` line of a .cmd file: cmd's special characters escaped, nothing expands. */
export function cmdEchoText(text: string): string {
  if (/[\r\n"]/.test(text)) throw new Error('cmdEchoText: one line without quotes');
  // cmd.exe echoes in the console's OEM code page: a translation with other characters needs chcp handling first.
  if (/[^\x20-\x7E]/.test(text)) throw new Error('cmdEchoText: .cmd texts must be printable ASCII (cmd.exe echoes in the OEM code page)');
  return text.replace(/%/g, '%%').replace(/[\^&|<>()]/g, (char) => `^${char}`);
}

/** Fills {{key}} in a .cmd template with the escaped texts; an unknown key is an error. */
export function fillCmdTemplate(template: string, texts: KitTexts['cmd']): string {
  return template.replace(/\{\{([A-Za-z]+)\}\}/g, (_, key: string) => {
    if (!(key in texts)) throw new Error(`kit .cmd template: unknown text ${key}`);
    return cmdEchoText(texts[key as keyof KitTexts['cmd']]);
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
