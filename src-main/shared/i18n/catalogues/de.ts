import type { MessageId } from './en.js';
export const de: Partial<Record<MessageId, string>> = {};
