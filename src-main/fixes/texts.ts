// The fixes' words (issue 17): every sentence a fix says is a message of the shared catalogue
// (src-main/shared/i18n/catalogues/en.ts, ids fix.*, code.*, elevation.*, helper.*). Each text field keeps
// its English rendering for JSON and journal readers, and carries its message next to it (`whatMessage`
// beside `what`; `messageRef` beside a field named `message`), so the app and the CLI render it in the
// chosen language.
import type { PlanStep } from '../diagnosis/schema.js';
import { message, renderMessage, t, type DisplayLocale, type MessageId, type MessageParam, type MessageRef } from '../shared/i18n/index.js';
import type { FixDescription } from './types.js';

export type { MessageRef };
export type MessageParams = Readonly<Record<string, MessageParam>>;

/** A message of the catalogue. */
export const said = (id: MessageId, params?: MessageParams): MessageRef => message(id, params);

/** The English text of a message (what the English text fields hold). */
export const english = (ref: MessageRef): string => renderMessage(ref, 'en');

/** A text field and its message: `{ message, messageRef }`. */
export function messageAndRef(ref: MessageRef): { message: string; messageRef: MessageRef } {
  return { message: english(ref), messageRef: ref };
}

/** Sentences one after another (English and German with a space, Japanese without); none: an empty text. */
export function sentences(refs: readonly (MessageRef | null | undefined)[]): MessageRef {
  const present = refs.filter((ref): ref is MessageRef => !!ref);
  if (present.length === 0) return said('sentence.none');
  return present.reduce((first, second) => said('sentence.pair', { first, second }));
}

/** A stored text in a language: its message when it has one, else the stored text (English). */
export function inLanguage(text: string, ref: MessageRef | undefined, locale: DisplayLocale): string {
  return ref && locale !== 'en' ? renderMessage(ref, locale, text) : text;
}

/** A catalogue text in a language (shorthand for the CLI's fix output). */
export const textIn = (locale: DisplayLocale, id: MessageId, params?: MessageParams): string => t(locale, id, params);

/** A safety check with its sentence. */
export function checked(id: string, passed: boolean, ref: MessageRef): { id: string; passed: boolean; message: string; messageRef: MessageRef } {
  return { id, passed, ...messageAndRef(ref) };
}

/** A preview's facts: English labels and values (the `facts` record), and their messages. A value given
 * as a message is words; a string value is data (paths, KBs, hashes), the same in every language. */
export type FactEntry = readonly [key: string, label: MessageRef, value: string | MessageRef] | false | null | undefined;

export function factsOf(entries: readonly FactEntry[]): {
  facts: Record<string, string>;
  factMessages: Record<string, { label: MessageRef; value?: MessageRef }>;
} {
  const facts: Record<string, string> = {};
  const factMessages: Record<string, { label: MessageRef; value?: MessageRef }> = {};
  for (const entry of entries) {
    if (!entry) continue;
    const [key, label, value] = entry;
    facts[key] = typeof value === 'string' ? value : english(value);
    factMessages[key] = typeof value === 'string' ? { label } : { label, value };
  }
  return { facts, factMessages };
}

/** Blockers from failed checks and other reasons: English lines and their messages. */
export function blockersOf(refs: readonly MessageRef[]): { blockers: string[]; blockersMessages: MessageRef[] } {
  return { blockers: refs.map(english), blockersMessages: [...refs] };
}

/** A command's purpose with its message. */
export function purposeOf(ref: MessageRef): { purpose: string; purposeMessage: MessageRef } {
  return { purpose: english(ref), purposeMessage: ref };
}

/** A fix's description: the step's title and why (with the diagnosis's messages), what it does and its undo note. */
export function describeStep(step: PlanStep, fields: { what: MessageRef; undoNote: MessageRef; needsAdmin: boolean; needsReboot: boolean; undoable: boolean }): FixDescription {
  return {
    kind: step.step,
    title: step.title,
    what: english(fields.what),
    why: step.why,
    needsAdmin: fields.needsAdmin,
    needsReboot: fields.needsReboot,
    undoable: fields.undoable,
    undoNote: english(fields.undoNote),
    ...(step.titleMessage ? { titleMessage: step.titleMessage } : {}),
    whatMessage: fields.what,
    ...(step.whyMessage ? { whyMessage: step.whyMessage } : {}),
    undoNoteMessage: fields.undoNote,
  };
}
