import type { MessageId } from './en.js';
export const ja: Partial<Record<MessageId, string>> = {};
