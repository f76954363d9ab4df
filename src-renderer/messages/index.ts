// The active message catalogue and language (issue 17). The wizard follows the Windows display
// language (Electron: app.getPreferredSystemLanguages(), passed in the page address; preview: the
// browser's languages) unless the person picked one in the header, which is remembered.
// en-XA is the pseudo-locale for layout tests (accented, 40 % longer), never offered in the picker.
import {
  LOCALES,
  matchLocale,
  pseudoLocalize,
  renderMessage,
  t as translate,
  type DisplayLocale,
  type Locale,
  type MessageId,
  type MessageParam,
  type MessageRef,
} from '../../src-main/shared/i18n/index.js';
import { de } from './de.js';
import { en, type Messages } from './en.js';
import { ja } from './ja.js';

export type { Messages, DisplayLocale, Locale };
export { LOCALES };

const CATALOGUES: Record<Locale, Messages> = { en, de, ja };
const STORAGE_KEY = 'acs.language';

/** Every string of a catalogue accented and longer; functions return pseudo text. */
function pseudo<T>(value: T): T {
  if (typeof value === 'string') return pseudoLocalize(value) as T;
  if (typeof value === 'function') return ((...args: unknown[]) => pseudoLocalize(String((value as (...a: unknown[]) => unknown)(...args)))) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, pseudo(item)])) as T;
  return value;
}

/** A working copy of a catalogue: plain objects copied, strings and functions shared. */
function copy<T>(value: T): T {
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copy(item)])) as T;
}

/** Overwrites `target` with `source` in place, nested objects included. */
function assignDeep(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, item] of Object.entries(source)) {
    const current = target[key];
    if (item && typeof item === 'object' && current && typeof current === 'object') assignDeep(current as Record<string, unknown>, item as Record<string, unknown>);
    else target[key] = item;
  }
}

/** The active texts. One object for the whole run: modules keep references to its sections
 * (`const text = messages.fix`), so a language change rewrites it in place. */
export const messages: Messages = copy(en);
export let locale: DisplayLocale = 'en';

export function setLocale(next: DisplayLocale): void {
  locale = next;
  assignDeep(messages as unknown as Record<string, unknown>, (next === 'en-XA' ? pseudo(en) : CATALOGUES[next]) as unknown as Record<string, unknown>);
  if (typeof document !== 'undefined') document.documentElement.lang = next === 'en-XA' ? 'en' : next;
}

/** The person's remembered choice, else ?lang= (tests), else the system's or browser's languages, else English. */
export function initialLocale(
  location: Pick<Location, 'search'> = window.location,
  languages: readonly string[] = navigator.languages,
  storage: Pick<Storage, 'getItem'> | null = safeStorage(),
): DisplayLocale {
  const params = new URLSearchParams(location.search);
  const asked = matchLocale([params.get('lang')]);
  if (asked) return asked;
  const stored = matchLocale([storage?.getItem(STORAGE_KEY)]);
  if (stored) return stored;
  const system = (params.get('systemLanguages') ?? '').split(',').filter(Boolean);
  const found = matchLocale([...system, ...languages]);
  return found === 'en-XA' ? 'en' : (found ?? 'en');
}

/** The header's picker: switch and remember. */
export function chooseLocale(next: Locale): void {
  setLocale(next);
  try {
    safeStorage()?.setItem(STORAGE_KEY, next);
  } catch {
    // Storage may be unavailable (private mode): the choice then lasts for this window only.
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** A diagnosis text in the wizard's language: its message when it has one, else the stored (English) text. */
export function diagnosisText(text: string, ref: MessageRef | undefined): string {
  if (!ref || locale === 'en') return locale === 'en-XA' && ref ? renderMessage(ref, 'en-XA', text) : text;
  return renderMessage(ref, locale, text);
}

/** A text of the shared catalogue (src-main/shared/i18n) in the wizard's language. */
export function t(id: MessageId, params?: Readonly<Record<string, MessageParam>>): string {
  return translate(locale, id, params);
}
