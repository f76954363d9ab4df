// Fleet summary of a folder of snapshots: reads files one at a time with bounded concurrency, keeps
// one small row per machine (the newest snapshot wins), lists unreadable files without stopping.
import { readFile, stat } from 'node:fs/promises';
import { basename, relative } from 'node:path';
import { diagnose } from '../diagnosis/diagnose.js';
import type { Diagnosis, Verdict } from '../diagnosis/schema.js';
import { decodeSnapshotBytes, MAX_SNAPSHOT_BYTES, validateSnapshot } from '../snapshot/parse.js';
import type { Snapshot } from '../snapshot/schema.js';
import { machineRow, type MachineRow } from './machine-row.js';
import { jsonFilesUnder } from './walk.js';

export interface FleetCount {
  key: string;
  count: number;
}

export interface FleetSummary {
  format: 'acs-fleet-summary';
  version: 1;
  /** Name of the folder read (not its full path). */
  folder: string;
  generatedAt: string;
  /** JSON files looked at. */
  filesRead: number;
  /** Valid snapshots among them. */
  snapshots: number;
  /** Machines: snapshots of the same computer name count once (the newest). */
  machines: number;
  byVerdict: Record<Verdict, number>;
  byWindowsVersion: FleetCount[];
  byMissingKb: FleetCount[];
  byRootCertificate: FleetCount[];
  byAgentServices: FleetCount[];
  rows: MachineRow[];
  unreadable: { file: string; error: string }[];
  /** Other files of this program (diagnoses, manifests, report summaries) found in the folder. */
  skipped: { file: string; reason: string }[];
}

export interface FleetOptions {
  /** Files read at the same time (default 8). */
  concurrency?: number;
  onProgress?: (filesRead: number) => void;
  now?: () => Date;
  /** Defaults to the real diagnosis rules. */
  diagnoseSnapshot?: (snapshot: Snapshot) => Diagnosis;
}

type FileOutcome = { kind: 'row'; row: MachineRow } | { kind: 'unreadable'; error: string } | { kind: 'skipped'; reason: string };

async function readOne(path: string, file: string, diagnoseSnapshot: (snapshot: Snapshot) => Diagnosis): Promise<FileOutcome> {
  let text: string;
  try {
    // UTF-16 (what `> file` writes in Windows PowerShell 5.1) takes up to twice the bytes.
    if ((await stat(path)).size > 2 * MAX_SNAPSHOT_BYTES) return { kind: 'unreadable', error: `larger than ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MiB` };
    text = decodeSnapshotBytes(await readFile(path));
  } catch (error) {
    return { kind: 'unreadable', error: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { kind: 'unreadable', error: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const format = value !== null && typeof value === 'object' ? (value as { format?: unknown }).format : undefined;
  if (typeof format === 'string' && format.startsWith('acs-') && format !== 'acs-snapshot') return { kind: 'skipped', reason: `${format}, not a snapshot` };
  const parsed = validateSnapshot(value);
  if (!parsed.ok) return { kind: 'unreadable', error: parsed.error };
  try {
    return { kind: 'row', row: machineRow(file, parsed.snapshot, diagnoseSnapshot(parsed.snapshot)) };
  } catch (error) {
    return { kind: 'unreadable', error: `cannot be diagnosed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function counted(values: Iterable<string>): FleetCount[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The fleet folder itself is missing or not a folder (files inside that cannot be read are only listed). */
export class FleetFolderError extends Error {
  override name = 'FleetFolderError';
}

export async function summarizeFleet(folder: string, options: FleetOptions = {}): Promise<FleetSummary> {
  const concurrency = Math.max(1, Math.min(64, options.concurrency ?? 8));
  const diagnoseSnapshot = options.diagnoseSnapshot ?? diagnose;
  const newestByMachine = new Map<string, MachineRow>();
  const unreadable: FleetSummary['unreadable'] = [];
  const skipped: FleetSummary['skipped'] = [];
  let filesRead = 0;
  let snapshots = 0;
  try {
    if (!(await stat(folder)).isDirectory()) throw new FleetFolderError(`${folder} is not a folder`);
  } catch (error) {
    if (error instanceof FleetFolderError) throw error;
    throw new FleetFolderError(`cannot read the folder ${folder}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : String(error)}`);
  }
  const files = jsonFilesUnder(folder, (path, error) =>
    unreadable.push({ file: `${relative(folder, path)}/`, error: `folder cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }),
  );
  // Each worker pulls the next file name from the shared listing, so at most `concurrency` files are in memory.
  const worker = async (): Promise<void> => {
    for (;;) {
      const next = await files.next();
      if (next.done) return;
      const file = relative(folder, next.value);
      const outcome = await readOne(next.value, file, diagnoseSnapshot);
      filesRead += 1;
      options.onProgress?.(filesRead);
      if (outcome.kind === 'unreadable') unreadable.push({ file, error: outcome.error });
      else if (outcome.kind === 'skipped') skipped.push({ file, reason: outcome.reason });
      else {
        snapshots += 1;
        const key = outcome.row.computerName ? `name:${outcome.row.computerName.toLowerCase()}` : `file:${file}`;
        const known = newestByMachine.get(key);
        if (!known || Date.parse(outcome.row.collectedAt) > Date.parse(known.collectedAt)) newestByMachine.set(key, outcome.row);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));

  const rows = [...newestByMachine.values()].sort(
    (a, b) => (a.computerName ?? '').localeCompare(b.computerName ?? '') || a.file.localeCompare(b.file),
  );
  const byVerdict: Record<Verdict, number> = { ready: 0, 'action-required': 0, unsupported: 0, unknown: 0 };
  for (const row of rows) byVerdict[row.verdict] += 1;
  return {
    format: 'acs-fleet-summary',
    version: 1,
    folder: basename(folder),
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    filesRead,
    snapshots,
    machines: rows.length,
    byVerdict,
    byWindowsVersion: counted(rows.map((row) => row.windows)),
    byMissingKb: counted(rows.flatMap((row) => (row.missingKb ? [row.missingKb] : []))),
    byRootCertificate: counted(rows.map((row) => `${row.rootCertificate} (auto-update ${row.rootAutoUpdate})`)),
    byAgentServices: counted(rows.map((row) => row.agentServices)),
    rows,
    unreadable: unreadable.sort((a, b) => a.file.localeCompare(b.file)),
    skipped: skipped.sort((a, b) => a.file.localeCompare(b.file)),
  };
}
