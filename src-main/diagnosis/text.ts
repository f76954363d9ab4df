// The diagnosis speaks in message ids: every finding, plan step, reason and the headline carries a
// message reference (id + parameters) next to its English text, rendered from the English catalogue
// (src-main/shared/i18n/catalogues/en.ts). Other languages render the same references.
import { message, renderMessage, type MessageId, type MessageParam, type MessageRef } from '../shared/i18n/index.js';
import type { Evidence, Finding, Severity } from './schema.js';

export type { MessageRef };

/** A message reference. */
export const m = (id: MessageId, params?: Readonly<Record<string, MessageParam>>): MessageRef => message(id, params);

/** The English text of a message reference (what the fixed acs-diagnosis v1 text fields hold). */
export const english = (ref: MessageRef): string => renderMessage(ref, 'en');

/** A following sentence (its own leading space in English and German, none in Japanese), or ''. */
export const next = (ref: MessageRef | null | undefined | ''): MessageParam => (ref ? m('sentence.next', { text: ref }) : '');

/** Two sentences in a row. */
export const pair = (first: MessageParam, second: MessageParam): MessageRef => m('sentence.pair', { first, second });

/** An evidence note in English with the message behind it (added field noteMessage). */
export const note = (ref: MessageRef): { note: string; noteMessage: MessageRef } => ({ note: english(ref), noteMessage: ref });

export function finding(id: string, severity: Severity, title: MessageRef, explanation: MessageRef, evidence: Evidence[]): Finding {
  return { id, severity, title: english(title), explanation: english(explanation), evidence, titleMessage: title, explanationMessage: explanation };
}
