// Opens a snapshot file or an exported report folder received from a customer, read-only: checks the
// manifest's SHA-256s, validates the snapshot and diagnoses it again with this program's catalogue.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { diagnose } from '../diagnosis/diagnose.js';
import { diagnosisSchema, type Diagnosis } from '../diagnosis/schema.js';
import { describeZodError, MAX_SNAPSHOT_BYTES, readSnapshotFile } from '../snapshot/parse.js';
import type { Snapshot } from '../snapshot/schema.js';
import { DIAGNOSIS_FILE, MANIFEST_FILE, manifestSchema, reportSummarySchema, SNAPSHOT_FILE, SUMMARY_FILE, verifyManifest, type ReportSummary } from './manifest.js';

export interface ReceivedReport {
  ok: true;
  snapshot: Snapshot;
  /** Diagnosed now, with this program's catalogue: what the result and plan screens show. */
  diagnosis: Diagnosis;
  /** The diagnosis saved in the report folder when it was made (it may use an older catalogue). */
  exportedDiagnosis: Diagnosis | null;
  summary: ReportSummary | null;
  origin: {
    /** Whose machine (a placeholder such as HOST-1 when the report was redacted). */
    computerName: string | null;
    collectedAt: string;
    /** File or folder name it came from (not the full path). */
    sourceName: string;
    kind: 'snapshot-file' | 'report-folder';
    redacted: boolean;
  };
  /** Manifest check: `checked` false when the folder has no manifest; problems list changed or missing files. */
  integrity: { checked: boolean; problems: string[] };
  /** Things that did not stop opening it but the reader should know. */
  warnings: string[];
}

export type ReceivedResult = ReceivedReport | { ok: false; error: string };

export async function openReceived(path: string): Promise<ReceivedResult> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch {
    return { ok: false, error: `cannot open ${basename(path)}: no such file or folder` };
  }
  return isFolder ? openFolder(path) : openSnapshotFile(path);
}

async function openSnapshotFile(path: string): Promise<ReceivedResult> {
  const parsed = await readSnapshotFile(path);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return received(parsed.snapshot, { sourceName: basename(path), kind: 'snapshot-file', redacted: looksRedacted(parsed.snapshot) }, null, null, { checked: false, problems: [] }, []);
}

async function openFolder(folder: string): Promise<ReceivedResult> {
  const warnings: string[] = [];
  const names = await readdir(folder);
  let integrity = { checked: false, problems: [] as string[] };
  if (names.includes(MANIFEST_FILE)) {
    const manifest = manifestSchema.safeParse(await readJson(join(folder, MANIFEST_FILE)));
    if (manifest.success) integrity = { checked: true, problems: await verifyManifest(folder, manifest.data) };
    else integrity = { checked: false, problems: [`${MANIFEST_FILE} cannot be read: ${describeZodError(manifest.error, 'manifest')}`] };
  } else {
    warnings.push('This folder has no manifest, so its files cannot be checked for changes.');
  }
  let snapshotName: string | null = names.includes(SNAPSHOT_FILE) ? SNAPSHOT_FILE : null;
  if (!snapshotName) {
    const candidates = names.filter((name) => name.toLowerCase().endsWith('.json') && ![MANIFEST_FILE, SUMMARY_FILE, DIAGNOSIS_FILE].includes(name));
    if (candidates.length === 1) snapshotName = candidates[0]!;
    else if (candidates.length === 0) return { ok: false, error: `${basename(folder)} holds no snapshot (snapshot.json or one .json file)` };
    else return { ok: false, error: `${basename(folder)} holds ${candidates.length} JSON files; open the snapshot file itself` };
  }
  const parsed = await readSnapshotFile(join(folder, snapshotName));
  if (!parsed.ok) return { ok: false, error: parsed.error };

  let exportedDiagnosis: Diagnosis | null = null;
  if (names.includes(DIAGNOSIS_FILE)) {
    const result = diagnosisSchema.safeParse(await readJson(join(folder, DIAGNOSIS_FILE)));
    if (result.success) exportedDiagnosis = result.data;
    else warnings.push(`${DIAGNOSIS_FILE} was not used: ${describeZodError(result.error, 'diagnosis')}`);
  }
  let summary: ReportSummary | null = null;
  if (names.includes(SUMMARY_FILE)) {
    const result = reportSummarySchema.safeParse(await readJson(join(folder, SUMMARY_FILE)));
    if (result.success) summary = result.data;
    else warnings.push(`${SUMMARY_FILE} was not used: ${describeZodError(result.error, 'summary')}`);
  }
  const redacted = summary?.redacted ?? looksRedacted(parsed.snapshot);
  return received(parsed.snapshot, { sourceName: basename(folder), kind: 'report-folder', redacted }, exportedDiagnosis, summary, integrity, warnings);
}

function received(
  snapshot: Snapshot,
  source: Pick<ReceivedReport['origin'], 'sourceName' | 'kind' | 'redacted'>,
  exportedDiagnosis: Diagnosis | null,
  summary: ReportSummary | null,
  integrity: ReceivedReport['integrity'],
  warnings: string[],
): ReceivedReport {
  const diagnosis = diagnose(snapshot);
  if (exportedDiagnosis && exportedDiagnosis.verdict !== diagnosis.verdict) {
    warnings.push(
      `When the report was made the verdict was "${exportedDiagnosis.verdict}" (catalogue ${exportedDiagnosis.catalogueDate}); with this program's catalogue it is "${diagnosis.verdict}".`,
    );
  }
  if (integrity.problems.length) warnings.push('Some files were changed after the report was made: see the integrity problems.');
  return {
    ok: true,
    snapshot,
    diagnosis,
    exportedDiagnosis,
    summary,
    origin: { computerName: snapshot.host?.computerName ?? null, collectedAt: snapshot.collectedAt, ...source },
    integrity,
    warnings,
  };
}

/** A small regular file parsed as JSON, else undefined (never opens a FIFO or a device). */
async function readJson(path: string): Promise<unknown> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_SNAPSHOT_BYTES) return undefined;
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function looksRedacted(snapshot: Snapshot): boolean {
  return /^HOST-\d+$/.test(snapshot.host?.computerName ?? '');
}
