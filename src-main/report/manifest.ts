// The report folder's manifest (every file with its SHA-256) and summary.json, and checking a received folder against them.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export const MANIFEST_FILE = 'manifest.json';
export const SUMMARY_FILE = 'summary.json';
export const SNAPSHOT_FILE = 'snapshot.json';
export const DIAGNOSIS_FILE = 'diagnosis.json';
export const HTML_FILE = 'report.html';
export const PDF_FILE = 'report.pdf';

export const manifestSchema = z.object({
  format: z.literal('acs-report-manifest'),
  version: z.literal(1),
  generatedAt: z.string(),
  program: z.object({ name: z.string(), version: z.string() }),
  redacted: z.boolean(),
  files: z.array(
    z.object({
      name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a plain file name'),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.number().int().nonnegative(),
    }),
  ),
});

export const reportSummarySchema = z.object({
  format: z.literal('acs-report-summary'),
  version: z.literal(1),
  verdict: z.enum(['ready', 'action-required', 'unsupported', 'unknown']),
  headline: z.string(),
  supportCode: z.string(),
  computerName: z.string().nullable(),
  collectedAt: z.string(),
  generatedAt: z.string(),
  windows: z.string().nullable(),
  catalogueDate: z.string(),
  redacted: z.boolean(),
  /** Placeholders used (never the values they replace). */
  placeholders: z.array(z.string()),
});

export type ReportManifest = z.infer<typeof manifestSchema>;
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Files larger than this are not hashed (a report's files are a few MiB at most). */
export const MAX_REPORT_FILE_BYTES = 256 * 1024 * 1024;

/** Problems found when checking a folder against its manifest: empty when every file matches. Only
 * regular files of the listed size are read, so a FIFO or a link to a device cannot hang the check. */
export async function verifyManifest(folder: string, manifest: ReportManifest): Promise<string[]> {
  const problems: string[] = [];
  for (const file of manifest.files) {
    const path = join(folder, file.name);
    let info;
    try {
      info = await stat(path);
    } catch {
      problems.push(`${file.name} is listed in the manifest but missing`);
      continue;
    }
    if (!info.isFile()) {
      problems.push(`${file.name} is listed in the manifest but is not a regular file`);
      continue;
    }
    if (info.size !== file.bytes || info.size > MAX_REPORT_FILE_BYTES) {
      problems.push(`${file.name} was changed after the report was made (size differs)`);
      continue;
    }
    let data: Buffer;
    try {
      data = await readFile(path);
    } catch {
      problems.push(`${file.name} cannot be read`);
      continue;
    }
    if (sha256Hex(data) !== file.sha256) problems.push(`${file.name} was changed after the report was made (SHA-256 differs)`);
  }
  return problems;
}
