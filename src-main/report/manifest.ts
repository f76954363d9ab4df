// The report folder's manifest (every file with its SHA-256) and summary.json, and checking a received folder against them.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { REPORT_MESSAGES } from './messages.js';

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
  /** Added (i18n): the language the report was written in, and the headline in it (headline stays English). */
  language: z.enum(['en', 'de', 'ja']).optional(),
  localizedHeadline: z.string().optional(),
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

/** The files a report folder can hold besides its manifest: only these are looked at. */
export const REPORT_FILES: readonly string[] = [SNAPSHOT_FILE, DIAGNOSIS_FILE, HTML_FILE, PDF_FILE, SUMMARY_FILE];

/** At most this many bytes are hashed for one manifest check, whatever the manifest says. */
export const MANIFEST_HASH_BUDGET_BYTES = 320 * 1024 * 1024;

/** Problems found when checking a folder against its manifest: empty when every file matches. Only the
 * known report files are checked, each name once, within MANIFEST_HASH_BUDGET_BYTES; other entries are
 * counted, not looked for. Only regular files of the listed size are read, so a FIFO or a link to a
 * device cannot hang the check. */
export async function verifyManifest(folder: string, manifest: ReportManifest): Promise<string[]> {
  const problems: string[] = [];
  const listed = new Map<string, ReportManifest['files'][number]>();
  const repeated = new Set<string>();
  let unknown = 0;
  let firstUnknown: string | null = null;
  for (const file of manifest.files) {
    if (!REPORT_FILES.includes(file.name)) {
      unknown += 1;
      firstUnknown ??= file.name;
    } else if (listed.has(file.name)) repeated.add(file.name);
    else listed.set(file.name, file);
  }
  if (unknown > 0) problems.push(REPORT_MESSAGES.manifestUnknownEntries(unknown, firstUnknown ?? ''));
  if (repeated.size > 0) problems.push(REPORT_MESSAGES.manifestRepeatedEntries([...repeated]));
  let budget = MANIFEST_HASH_BUDGET_BYTES;
  for (const file of listed.values()) {
    const path = join(folder, file.name);
    let info;
    try {
      info = await stat(path);
    } catch {
      problems.push(REPORT_MESSAGES.manifestFileMissing(file.name));
      continue;
    }
    if (!info.isFile()) {
      problems.push(REPORT_MESSAGES.manifestNotRegularFile(file.name));
      continue;
    }
    if (info.size !== file.bytes || info.size > MAX_REPORT_FILE_BYTES) {
      problems.push(REPORT_MESSAGES.manifestSizeDiffers(file.name));
      continue;
    }
    if (info.size > budget) {
      problems.push(REPORT_MESSAGES.manifestOverBudget(file.name, MANIFEST_HASH_BUDGET_BYTES));
      continue;
    }
    budget -= info.size;
    let digest: string;
    try {
      digest = await sha256OfFile(path);
    } catch {
      problems.push(REPORT_MESSAGES.manifestUnreadable(file.name));
      continue;
    }
    if (digest !== file.sha256) problems.push(REPORT_MESSAGES.manifestHashDiffers(file.name));
  }
  return problems;
}

/** SHA-256 of a file read as a stream (a large PDF is never held in memory at once). */
async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
