// The active message catalogue; English is the only complete one, others must match its shape.
import { en, type Messages } from './en.js';

export const messages: Messages = en;
export type { Messages };
