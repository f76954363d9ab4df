// Exports a report folder: snapshot.json, diagnosis.json, report.html, (report.pdf), summary.json and
// manifest.json with each file's SHA-256. Redaction is on unless asked otherwise; every file is checked
// for leftover values before anything is written, and each file is written atomically.
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { diagnose } from '../diagnosis/diagnose.js';
import type { Diagnosis } from '../diagnosis/schema.js';
import type { JournalEntry } from '../journal/entry.js';
import { redactReport, type RedactionReplacement } from '../redaction/redact.js';
import type { Snapshot } from '../snapshot/schema.js';
import { encodeSupportCode, supportCodeQrSvg } from '../support-code/index.js';
import { PROGRAM_NAME, PROGRAM_VERSION } from '../version.js';
import { writeFileAtomic } from './atomic-write.js';
import { renderHtmlReport } from './html.js';
import { localized, type Locale } from '../shared/i18n/index.js';
import { DIAGNOSIS_FILE, HTML_FILE, MANIFEST_FILE, PDF_FILE, sha256Hex, SNAPSHOT_FILE, SUMMARY_FILE, type ReportManifest, type ReportSummary } from './manifest.js';

export interface ExportReportOptions {
  snapshot: Snapshot;
  /** The diagnosis of `snapshot`; worked out here when not given. */
  diagnosis?: Diagnosis;
  journal?: readonly JournalEntry[];
  outDir: string;
  /** Replace names and addresses by placeholders (default true: anything leaving the machine is redacted). */
  redact?: boolean;
  /** The desktop app prints the HTML to PDF (Electron printToPDF); the PDF is then listed in the manifest too. */
  renderPdf?: (html: string) => Promise<Uint8Array>;
  now?: () => Date;
  /** Language of report.html and of summary.json's localizedHeadline (default English). */
  locale?: Locale;
}

export interface ExportedFile {
  name: string;
  path: string;
  kind: 'json' | 'html' | 'pdf';
  sha256: string;
  bytes: number;
}

export interface ExportResult {
  outDir: string;
  /** Every file written, manifest last. */
  files: ExportedFile[];
  summary: ReportSummary;
  redacted: boolean;
  /** What redaction replaced (kept on this machine: never written into the report). */
  replacements: RedactionReplacement[];
}

/** Thrown when a value redaction promised to remove is still in an output: nothing is written. */
export class RedactionLeakError extends Error {
  constructor(
    readonly file: string,
    readonly placeholders: string[],
  ) {
    super(`refusing to write ${file}: it still contains values that should have been replaced (${placeholders.join(', ')})`);
    this.name = 'RedactionLeakError';
  }
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export async function exportReport(options: ExportReportOptions): Promise<ExportResult> {
  const redact = options.redact ?? true;
  const generatedAt = (options.now?.() ?? new Date()).toISOString();
  const fullDiagnosis = options.diagnosis ?? diagnose(options.snapshot);
  const supportCode = encodeSupportCode(fullDiagnosis, options.snapshot);
  const qrSvg = await supportCodeQrSvg(supportCode);

  let snapshot = options.snapshot;
  let diagnosis = fullDiagnosis;
  let journal: readonly JournalEntry[] = options.journal ?? [];
  let replacements: RedactionReplacement[] = [];
  let findLeaks: (text: string) => { placeholder: string }[] = () => [];
  if (redact) {
    const redacted = redactReport({ snapshot, diagnosis, journal });
    ({ snapshot, diagnosis, journal } = redacted);
    replacements = redacted.redactor.replacements();
    findLeaks = (text) => redacted.redactor.findLeaks(text);
  }

  const locale = options.locale ?? 'en';
  const html = renderHtmlReport({ snapshot, diagnosis, journal, supportCode, qrSvg, redacted: redact, generatedAt, locale });
  const summary: ReportSummary = {
    format: 'acs-report-summary',
    version: 1,
    verdict: diagnosis.verdict,
    headline: diagnosis.headline,
    language: locale,
    localizedHeadline: localized(diagnosis.headline, diagnosis.headlineMessage, locale),
    supportCode,
    computerName: snapshot.host?.computerName ?? diagnosis.snapshot.computerName,
    collectedAt: snapshot.collectedAt,
    generatedAt,
    windows: diagnosis.windows?.name ?? null,
    catalogueDate: diagnosis.catalogueDate,
    redacted: redact,
    placeholders: [...new Set(replacements.map((replacement) => replacement.placeholder))],
  };
  const contents: { name: string; kind: ExportedFile['kind']; data: string | Uint8Array }[] = [
    { name: SNAPSHOT_FILE, kind: 'json', data: json(snapshot) },
    { name: DIAGNOSIS_FILE, kind: 'json', data: json(diagnosis) },
    { name: HTML_FILE, kind: 'html', data: html },
    { name: SUMMARY_FILE, kind: 'json', data: json(summary) },
  ];
  for (const content of contents) {
    const leaks = typeof content.data === 'string' ? findLeaks(content.data) : [];
    if (leaks.length)
      throw new RedactionLeakError(
        content.name,
        leaks.map((leak) => leak.placeholder),
      );
  }
  // The PDF is printed from the HTML checked above.
  if (options.renderPdf) contents.splice(3, 0, { name: PDF_FILE, kind: 'pdf', data: await options.renderPdf(html) });

  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  const files: ExportedFile[] = [];
  for (const content of contents) {
    const path = join(outDir, content.name);
    await writeFileAtomic(path, content.data);
    files.push({ name: content.name, path, kind: content.kind, sha256: sha256Hex(content.data), bytes: Buffer.byteLength(content.data) });
  }
  // A PDF left from an earlier export into the same folder would not match this report.
  if (!options.renderPdf) await rm(join(outDir, PDF_FILE), { force: true });
  const manifest: ReportManifest = {
    format: 'acs-report-manifest',
    version: 1,
    generatedAt,
    program: { name: PROGRAM_NAME, version: PROGRAM_VERSION },
    redacted: redact,
    files: files.map(({ name, sha256, bytes }) => ({ name, sha256, bytes })),
  };
  const manifestText = json(manifest);
  const manifestPath = join(outDir, MANIFEST_FILE);
  await writeFileAtomic(manifestPath, manifestText);
  files.push({ name: MANIFEST_FILE, path: manifestPath, kind: 'json', sha256: sha256Hex(manifestText), bytes: Buffer.byteLength(manifestText) });
  return { outDir, files, summary, redacted: redact, replacements };
}
