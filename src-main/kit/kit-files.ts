// The field kit's file formats (docs/field-kit.md): kit.json (what the laptop decided), manifest.json
// (SHA-256 of every file, checked first by fix.ps1), and what fix.ps1 writes back into result/.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { planStepKindSchema } from '../diagnosis/schema.js';

export const KIT_FORMAT = 'acs-field-kit';
export const MANIFEST_FORMAT = 'acs-kit-manifest';
export const KIT_RESULT_FORMAT = 'acs-kit-result';
export const KIT_JSON = 'kit.json';
export const MANIFEST_JSON = 'manifest.json';
export const RESULT_FOLDER = 'result';
export const RESULT_JSON = 'result.json';
export const JOURNAL_JSONL = 'journal.jsonl';

/** The plan steps a kit can carry out (the elevated helper's actions); the others are advice for a person. */
export const KIT_STEP_KINDS = ['install-root-certificate', 'install-windows-update', 'reboot', 'start-agent-services'] as const;
export type KitStepKind = (typeof KIT_STEP_KINDS)[number];

/** A file name in the kit folder (no folders, nothing a .cmd or PowerShell could read as syntax). */
export const kitFileNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,200}$/);
const sha256Schema = z.string().regex(/^[0-9A-F]{64}$/);

export const kitStepSchema = z.strictObject({
  step: z.enum(KIT_STEP_KINDS),
  title: z.string(),
  package: z.strictObject({ file: kitFileNameSchema, kb: z.string().regex(/^KB\d{6,7}$/), sha256: sha256Schema, installer: z.enum(['wusa', 'dism']) }).optional(),
  services: z.array(z.string()).optional(),
});
export type KitStep = z.infer<typeof kitStepSchema>;

export const kitDescriptionSchema = z.strictObject({
  format: z.literal(KIT_FORMAT),
  version: z.literal(1),
  kitId: z.uuid(),
  createdAt: z.string(),
  language: z.string(),
  snapshotCollectedAt: z.string(),
  /** The collector's input for the check at the end (JSON: data only, never script text). */
  collectorInput: z.string(),
  target: z.strictObject({ computerName: z.string(), currentBuild: z.number().int(), architecture: z.string(), productName: z.string() }),
  steps: z.array(kitStepSchema),
});
export type KitDescription = z.infer<typeof kitDescriptionSchema>;

export const manifestSchema = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(1),
  kind: z.enum(['fix', 'collector']),
  files: z.array(z.strictObject({ path: kitFileNameSchema, sha256: sha256Schema, bytes: z.number().int().nonnegative() })),
});
export type KitManifest = z.infer<typeof manifestSchema>;

export const kitStepStateSchema = z.enum(['to-do', 'done', 'failed']);
export type KitStepState = z.infer<typeof kitStepStateSchema>;

/** result/result.json as fix.ps1 writes it (also from PowerShell 2.0 and in Constrained Language). */
export const kitResultSchema = z.object({
  format: z.literal(KIT_RESULT_FORMAT),
  version: z.literal(1),
  kitId: z.string().nullable().optional(),
  computer: z.string().nullable().optional(),
  build: z.number().nullable().optional(),
  status: z.enum(['running', 'finished', 'stopped', 'waiting-for-restart', 'refused']),
  reason: z.string().nullable().optional(),
  message: z.string(),
  startedAt: z.string().nullable().optional(),
  finishedAt: z.string().nullable().optional(),
  steps: z.array(
    z.object({
      index: z.number().int().nonnegative(),
      step: planStepKindSchema,
      title: z.string(),
      state: kitStepStateSchema,
      status: z.string().nullable().optional(),
      message: z.string().nullable().optional(),
      finishedAt: z.string().nullable().optional(),
    }),
  ),
  snapshotFile: z.string().nullable().optional(),
});
export type KitResult = z.infer<typeof kitResultSchema>;

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex').toUpperCase();
}

/** SHA-256 of a file, streamed (an update package can be hundreds of MB). */
export function fileSha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex').toUpperCase()));
  });
}
