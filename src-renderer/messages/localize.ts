// Puts the diagnosis's texts into the wizard's language (issue 17). Everything the main process sends
// passes through here (the bridge is wrapped in main.tsx): a text with a message next to it
// (title/titleMessage, explanation, why, headline, reason; a support code's label/value) is rendered from the catalogue, and a
// plain copy of such a text elsewhere (a fix preview's lines) is matched to its message. A language
// change renders the slices' stored copies again.
import type { AcsBridge } from '../../src-main/contract/index.js';
import { isMessageRef, renderMessage, type MessageRef } from '../../src-main/shared/i18n/index.js';
import { diagnosisText } from './index.js';

const FIELDS = [
  ['title', 'titleMessage'],
  ['explanation', 'explanationMessage'],
  ['why', 'whyMessage'],
  ['headline', 'headlineMessage'],
  ['reason', 'reasonMessage'],
  ['label', 'labelMessage'],
  ['value', 'valueMessage'],
  ['note', 'noteMessage'],
] as const;

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
  for (const [text, message] of FIELDS) {
    const ref = out[message];
    if (typeof out[text] === 'string' && isMessageRef(ref)) {
      out[text] = render(out[text], ref);
      fields.add(text);
    }
  }
  // A preview's own title and lines are plain copies of the step's texts.
  for (const key of ['title', 'whatWillHappen'] as const) {
    if (!fields.has(key) && typeof out[key] === 'string') out[key] = localizeString(out[key]);
  }
  return out as T;
}

function localizeString(text: string): string {
  const ref = known.get(text);
  return ref ? render(text, ref) : text;
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
      return async (...args: unknown[]) => localizeDeep(await (member as (...a: unknown[]) => Promise<unknown>).apply(target, args));
    },
  });
}
