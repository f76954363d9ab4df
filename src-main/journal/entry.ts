// The action journal's line format (one JSON object per line), validated when read back: written by the fixes
// (src-main/fixes/journal.ts), read by reports. Public: the elevated helper script and the ready-made administrator script write the same lines.
import { z } from 'zod';
import { messageRefSchema, planStepKindSchema, planStepSchema } from '../diagnosis/schema.js';

export const JOURNAL_FORMAT = 'acs-journal';
export const JOURNAL_VERSION = 1;

export const journalCommandSchema = z.object({
  file: z.string(),
  args: z.array(z.string()),
  exitCode: z.number().int().nullable(),
  meaning: z.string(),
  /** meaning as a message of the catalogue (docs/i18n.md); absent in lines the helper or an older version wrote. */
  meaningMessage: messageRefSchema.optional(),
  elevated: z.boolean(),
});

export const journalEntrySchema = z.object({
  format: z.literal(JOURNAL_FORMAT),
  version: z.literal(JOURNAL_VERSION),
  /** 'started' before anything changes, 'finished' after (with the result); a 'started' without its
   * 'finished' marks a step cut short by a crash, a power cut or a restart. */
  event: z.enum(['started', 'finished']),
  /** Pairs the two entries of one run. */
  runId: z.string().min(1),
  time: z.string(),
  user: z.string(),
  computer: z.string().nullable(),
  step: planStepKindSchema,
  /** apply / undo a step; resume: the check after a restart that continues the plan. */
  operation: z.enum(['apply', 'undo', 'resume']),
  /** Who wrote the line: the app, the elevated helper, or the administrator script. */
  writer: z.enum(['app', 'helper', 'admin-script']),
  commands: z.array(journalCommandSchema),
  /** finished only: the FixStatus of the run. */
  status: z.string().optional(),
  /** finished only: true / false / null (cannot tell before a restart). */
  verified: z.boolean().nullable().optional(),
  message: z.string().optional(),
  /** message as a message of the catalogue: the report shows it in its language. Absent in lines the helper wrote. */
  messageRef: messageRefSchema.optional(),
  /** Facts of the run: thumbprint and whether it was added, package file and SHA-256, services... */
  details: z.record(z.string(), z.unknown()).default({}),
  /** reboot only: the plan steps to continue with after the restart. */
  resumePlan: z.array(planStepSchema).optional(),
});

export type JournalEntry = z.infer<typeof journalEntrySchema>;
export type JournalCommand = z.infer<typeof journalCommandSchema>;
