// Puts the main process's texts into the wizard's language (issue 17). Everything the main process sends
// passes through here (the bridge is wrapped in main.tsx): a text with a message next to it is rendered
// from the catalogue — `x` with `xMessage` (title, explanation, why, headline, reason, a support code's
// label/value, a fix's purpose, meaning, undoNote…), a field named …message with `…messageRef` (a fix's
// result, a check, a progress line, a bridge failure), a list `x` with `xMessages` (whatWillHappen,
// warnings, blockers) — and a plain copy of such a text elsewhere (the wizard's stored result lines) is
// matched to its message. A language change renders the slices' stored copies again.
import type { AcsBridge } from '../../src-main/contract/index.js';
import { isMessageRef, LOCALES, renderMessage, type Locale, type MessageRef } from '../../src-main/shared/i18n/index.js';
import { diagnosisText, locale } from './index.js';

/** The message field beside a text field: `titleMessage` beside `title`, `messageRef` beside `message`. */
function messageFieldOf(key: string): string {
  return /message$/i.test(key) ? `${key}Ref` : `${key}Message`;
}

/** Every rendering seen (in any language) → its message, for plain copies of those texts. */
const known = new Map<string, MessageRef>();

function render(text: string, ref: MessageRef): string {
  if (!known.has(text)) known.set(text, ref);
  const english = renderMessage(ref, 'en', text);
  if (!known.has(english)) known.set(english, ref);
  const rendered = diagnosisText(english, ref);
  known.set(rendered, ref);
  return rendered;
}

export function localizeDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? localizeString(item) : localizeDeep(item))) as T;
  if (!value || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = localizeDeep(item);
  const fields = new Set<string>();
  for (const [key, item] of Object.entries(out)) {
    if (typeof item === 'string') {
      const ref = out[messageFieldOf(key)];
      if (isMessageRef(ref)) {
        out[key] = render(item, ref);
        fields.add(key);
      }
    } else if (Array.isArray(item)) {
      const refs = out[`${key}Messages`];
      if (Array.isArray(refs) && refs.length === item.length && item.every((line) => typeof line === 'string') && refs.every(isMessageRef)) {
        out[key] = item.map((line: string, index) => render(line, refs[index] as MessageRef));
        fields.add(key);
      }
    }
  }
  // A preview's own title and lines are plain copies of the step's texts; the wizard keeps a fix's result,
  // the administrator's instructions and a failed request's message as plain copies too.
  for (const key of ['title', 'whatWillHappen', 'message', 'adminInstructions', 'error'] as const) {
    if (!fields.has(key) && typeof out[key] === 'string') out[key] = localizeString(out[key]);
  }
  return out as T;
}

function localizeString(text: string): string {
  const ref = known.get(text);
  return ref ? render(text, ref) : text;
}

/** Operations that write texts for people outside the wizard (Windows' restart notice, the field kit's
 * README and scripts): they get the wizard's language unless the caller chose one. */
const WITH_LANGUAGE = new Set<PropertyKey>(['reboot', 'buildFixKit']);

/** The wizard's language as the main process knows languages (the pseudo-locale is English). */
export function wizardLanguage(): Locale {
  return (LOCALES as readonly string[]).includes(locale) ? (locale as Locale) : 'en';
}

/** The bridge with every answer and event payload passed through localizeDeep. */
export function localizingBridge(bridge: AcsBridge): AcsBridge {
  return new Proxy(bridge, {
    get(target, property, receiver) {
      const member = Reflect.get(target, property, receiver) as unknown;
      if (typeof member !== 'function') return member;
      if (property === 'on') {
        return (event: Parameters<AcsBridge['on']>[0], listener: (payload: unknown) => void) => target.on(event, (payload: unknown) => listener(localizeDeep(payload)));
      }
      return async (...args: unknown[]) => {
        const first = args[0];
        if (WITH_LANGUAGE.has(property) && first && typeof first === 'object' && !('language' in first)) args = [{ ...first, language: wizardLanguage() }, ...args.slice(1)];
        return localizeDeep(await (member as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      };
    },
  });
}
