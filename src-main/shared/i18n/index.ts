// Languages and message rendering for the diagnosis, the command line and the reports (the wizard's
// own texts are in src-renderer/messages/, and render diagnosis messages through this module too).
// docs/i18n.md: how to add a language, how a translator works.
import { de } from './catalogues/de.js';
import { en, type MessageId } from './catalogues/en.js';
import { ja } from './catalogues/ja.js';
import { formatTemplate, isMessageRef, type MessageParam, type MessageRef } from './format.js';
import { pseudoLocalize } from './pseudo.js';

export { formatIsoDate, formatIsoDateTime, isMessageRef, parseTemplate, templateLiterals, templateParams, type MessageParam, type MessageRef } from './format.js';
export { pseudoLocalize } from './pseudo.js';
export type { MessageId };

/** The languages with a complete catalogue. */
export const LOCALES = ['en', 'de', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];
/** A pseudo-locale for layout tests: English, accented and 40 % longer (never offered to people). */
export const PSEUDO_LOCALE = 'en-XA';
export type DisplayLocale = Locale | typeof PSEUDO_LOCALE;

/** A translation: every id of the English catalogue (the compiler and test/unit/i18n check it). */
export type Catalogue = Record<MessageId, string>;

export const CATALOGUES: Readonly<Record<Locale, Readonly<Partial<Record<string, string>>>>> = { en, de, ja };

/** The BCP 47 tag Intl formats with: English uses day-month-year dates, as the texts do. */
export function intlLocale(locale: DisplayLocale): string {
  return locale === 'en' || locale === PSEUDO_LOCALE ? 'en-GB' : locale;
}

/** The language names as each language writes its own (for pickers and --help). */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', de: 'Deutsch', ja: '日本語' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first supported language among preference tags ("de-DE", "ja_JP.UTF-8", "en-US"), or null.
 * "C" and "POSIX" say nothing. The pseudo-locale is matched only by its exact tag.
 */
export function matchLocale(tags: readonly (string | null | undefined)[]): DisplayLocale | null {
  for (const tag of tags) {
    if (!tag) continue;
    const clean = tag.trim().split('.')[0]!.split('@')[0]!.replace(/_/g, '-');
    if (clean.toLowerCase() === PSEUDO_LOCALE.toLowerCase()) return PSEUDO_LOCALE;
    const primary = clean.split('-')[0]!.toLowerCase();
    if (isLocale(primary)) return primary;
  }
  return null;
}

let reportMissing: (message: string) => void = (message) => console.warn(message);
const reported = new Set<string>();

/** Where "missing text" reports go (once per language and id); tests and the app's log replace it. */
export function setMissingMessageReporter(reporter: (message: string) => void): void {
  reportMissing = reporter;
}

/** Reports a text missing from a language, once per language and id (English is shown instead). Also for
 * texts outside these catalogues (the field kit's data files: ids like "kit:fix.title"). */
export function reportMissingText(locale: Locale, id: string, englishMissing = false): void {
  const key = `${locale}:${id}`;
  if (reported.has(key)) return;
  reported.add(key);
  reportMissing(`Message "${id}" is missing from the ${locale} catalogue${englishMissing ? ' and from English' : '; English is shown'}.`);
}

function lookup(locale: DisplayLocale, id: string): { template: string; locale: DisplayLocale } | null {
  const base: Locale = locale === PSEUDO_LOCALE ? 'en' : locale;
  const own = CATALOGUES[base][id];
  if (own !== undefined) return { template: own, locale };
  const english = CATALOGUES.en[id];
  reportMissingText(base, id, english === undefined);
  return english === undefined ? null : { template: english, locale: 'en' };
}

/**
 * Renders a message in a language. A text missing from that language falls back to English (logged
 * once); an id no catalogue knows (a file from a newer version) shows `fallback` — the English text
 * the file carries — and never the raw id.
 */
export function renderMessage(ref: MessageRef, locale: DisplayLocale, fallback?: string): string {
  const found = lookup(locale, ref.id);
  if (!found) return fallback ?? CATALOGUES.en['common.textMissing']!;
  try {
    const text = formatTemplate(found.template, ref.params ?? {}, {
      locale: intlLocale(found.locale),
      // The pseudo-locale accents the whole text once: nested messages are rendered in plain English first.
      renderRef: (nested) => renderMessage(nested, locale === PSEUDO_LOCALE ? 'en' : locale),
    });
    return locale === PSEUDO_LOCALE ? pseudoLocalize(text) : text;
  } catch (error) {
    reportMissing(`Message "${ref.id}" (${locale}) could not be rendered: ${error instanceof Error ? error.message : String(error)}`);
    return fallback ?? formatTemplate(CATALOGUES.en[ref.id] ?? CATALOGUES.en['common.textMissing']!, ref.params ?? {}, { locale: 'en-GB', renderRef: (nested) => renderMessage(nested, 'en') });
  }
}

/** Shorthand: a message by id in a language. */
export function t(locale: DisplayLocale, id: MessageId, params?: Readonly<Record<string, MessageParam>>): string {
  return renderMessage({ id, params }, locale);
}

/** A message reference (what the diagnosis stores next to the English text). */
export function message(id: MessageId, params?: Readonly<Record<string, MessageParam>>): MessageRef {
  return params === undefined ? { id } : { id, params };
}

/** Renders a stored text in a language when it carries a message reference; else the stored text. */
export function localized(text: string, ref: unknown, locale: DisplayLocale): string {
  if (locale === 'en' || !isMessageRef(ref)) return text;
  return renderMessage(ref, locale, text);
}
