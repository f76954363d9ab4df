// Fleet summary of a folder of snapshots. The folder is walked one directory at a time; files are read,
// validated and diagnosed in worker threads (pool.ts) or in this thread, and only one small row per
// machine is kept. Machines are keyed by their machine id (host.machineId), else by computer name;
// several snapshots of one machine, or several machines under one name, are listed as conflicts, and a
// snapshot dated in the future is refused, so no file on the share can silently hide another machine.
import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { basename, relative } from 'node:path';
import type { Diagnosis, Verdict } from '../diagnosis/schema.js';
import type { Snapshot } from '../snapshot/schema.js';
import type { MachineRow } from './machine-row.js';
import { FLEET_MESSAGES, FLEET_TEXTS } from './messages.js';
import { renderMessage, type MessageRef } from '../shared/i18n/index.js';
import { RUNNING_FROM_SOURCE, workerReader, type FleetReader } from './pool.js';
import { readFleetFile, type FileOutcome } from './read-file.js';
import { jsonFilesUnder } from './walk.js';

export interface FleetCount {
  key: string;
  count: number;
}

export interface FleetConflictFile {
  file: string;
  computerName: string | null;
  machineId: string | null;
  collectedAt: string;
  verdict: Verdict;
}

export interface FleetConflict {
  /** Several snapshots of one machine (the newest is counted), or several machines under one computer name (each counted). */
  reason: 'several-snapshots-one-machine' | 'several-machines-one-name';
  computerName: string | null;
  /** The file counted (several snapshots of one machine); null when each is counted. */
  kept: string | null;
  /** English; messageRef says it in another language. */
  message: string;
  messageRef?: MessageRef;
  files: FleetConflictFile[];
}

export interface FleetSummary {
  format: 'acs-fleet-summary';
  version: 1;
  /** Name of the folder read (not its full path). */
  folder: string;
  generatedAt: string;
  /** JSON files looked at. */
  filesRead: number;
  /** Valid snapshots among them (refused ones included). */
  snapshots: number;
  /** Machines: snapshots of the same machine id (else computer name) count once (the newest). */
  machines: number;
  byVerdict: Record<Verdict, number>;
  byWindowsVersion: FleetCount[];
  byMissingKb: FleetCount[];
  byRootCertificate: FleetCount[];
  byAgentServices: FleetCount[];
  rows: MachineRow[];
  /** error in English; errorMessage says it in another language (absent for the snapshot parser's own words). */
  unreadable: { file: string; error: string; errorMessage?: MessageRef }[];
  /** Other files of this program (diagnoses, manifests, report summaries) found in the folder. */
  skipped: { file: string; reason: string; reasonMessage?: MessageRef }[];
  /** Valid snapshots not counted: collected in the future (beyond a small clock skew). */
  refused: { file: string; computerName: string | null; collectedAt: string; reason: string; reasonMessage?: MessageRef }[];
  /** Snapshots that claim the same machine or the same computer name. */
  conflicts: FleetConflict[];
}

export interface FleetOptions {
  /** Files read at the same time in this thread (default 8; with workers, files per batch in flight). */
  concurrency?: number;
  /** Worker threads (default: one per core, at most 8, in the compiled program; this thread when running
   * from TypeScript source; 0 reads in this thread). */
  workers?: number;
  onProgress?: (filesRead: number) => void;
  now?: () => Date;
  /** Defaults to the real diagnosis rules (a custom one runs in this thread). */
  diagnoseSnapshot?: (snapshot: Snapshot) => Diagnosis;
}

function counted(values: Iterable<string>): FleetCount[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The fleet folder itself is missing or not a folder (files inside that cannot be read are only listed). */
export class FleetFolderError extends Error {
  override name = 'FleetFolderError';
  constructor(readonly messageRef: MessageRef) {
    super(renderMessage(messageRef, 'en'));
  }
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const PLACEHOLDER_ID = /^MACHINE-\d+$/;

/** The identity a row is counted under: its machine id, else its computer name, else its file. */
export function machineKey(row: Pick<MachineRow, 'machineId' | 'computerName' | 'file'>): string {
  if (row.machineId && !PLACEHOLDER_ID.test(row.machineId)) return `id:${row.machineId.toLowerCase()}`;
  if (row.computerName) return `name:${row.computerName.toLowerCase()}`;
  return `file:${row.file}`;
}

function conflictFile(row: MachineRow): FleetConflictFile {
  return { file: row.file, computerName: row.computerName, machineId: row.machineId, collectedAt: row.collectedAt, verdict: row.verdict };
}

/** Is `a` the snapshot to count rather than `b`: newer, or as new and first by file name. */
function preferred(a: MachineRow, b: MachineRow): boolean {
  const difference = Date.parse(a.collectedAt) - Date.parse(b.collectedAt);
  return difference > 0 || (difference === 0 && byCodeUnits(a.file, b.file) < 0) || (Number.isNaN(difference) && byCodeUnits(a.file, b.file) < 0);
}

function inProcessReader(nowMs: number, concurrency: number, diagnoseSnapshot?: (snapshot: Snapshot) => Diagnosis): FleetReader {
  return {
    async read(files) {
      const outcomes: FileOutcome[] = new Array(files.length);
      let next = 0;
      const lane = async () => {
        for (let index = next++; index < files.length; index = next++) outcomes[index] = await readFleetFile(files[index]!.path, files[index]!.file, nowMs, diagnoseSnapshot);
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, lane));
      return outcomes;
    },
    async close() {},
  };
}

export async function summarizeFleet(folder: string, options: FleetOptions = {}): Promise<FleetSummary> {
  const concurrency = Math.max(1, Math.min(64, options.concurrency ?? 8));
  const generatedAt = options.now?.() ?? new Date();
  const nowMs = generatedAt.getTime();
  try {
    if (!(await stat(folder)).isDirectory()) throw new FleetFolderError(FLEET_TEXTS.notAFolder(folder));
  } catch (error) {
    if (error instanceof FleetFolderError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new FleetFolderError(code === 'ENOENT' ? FLEET_TEXTS.folderMissing(folder) : FLEET_TEXTS.folderError(folder, String(error)));
  }
  // From TypeScript source (tests, tsx) each worker would compile the modules again (seconds): there the
  // default is this thread, and workers run only when asked for.
  const defaultWorkers = RUNNING_FROM_SOURCE ? 0 : Math.min(8, availableParallelism());
  const workers = options.diagnoseSnapshot ? 0 : Math.max(0, Math.min(16, options.workers ?? defaultWorkers));
  const local = inProcessReader(nowMs, concurrency, options.diagnoseSnapshot);
  const reader = workers > 0 ? workerReader(workers, nowMs, local) : local;

  const machines = new Map<string, { row: MachineRow; others: FleetConflictFile[] | null }>();
  const keysByName = new Map<string, string | string[]>();
  const unreadable: FleetSummary['unreadable'] = [];
  const skipped: FleetSummary['skipped'] = [];
  const refused: FleetSummary['refused'] = [];
  // Rows of 100,000 machines repeat the same Windows names, headlines and states: keep one copy of each.
  const shared = new Map<string, string>();
  const intern = <T extends string | null>(text: T): T => {
    if (text === null) return text;
    const known = shared.get(text);
    if (known !== undefined) return known as T;
    if (shared.size < 50_000) shared.set(text, text);
    return text;
  };
  let filesRead = 0;
  let snapshots = 0;

  const take = (outcome: FileOutcome) => {
    filesRead += 1;
    options.onProgress?.(filesRead);
    if (outcome.kind === 'unreadable') unreadable.push({ file: outcome.file, error: outcome.error, ...(outcome.errorMessage ? { errorMessage: outcome.errorMessage } : {}) });
    else if (outcome.kind === 'skipped') skipped.push({ file: outcome.file, reason: outcome.reason, reasonMessage: outcome.reasonMessage });
    else if (outcome.kind === 'refused') {
      snapshots += 1;
      refused.push({ file: outcome.file, computerName: outcome.computerName, collectedAt: outcome.collectedAt, reason: outcome.reason, reasonMessage: outcome.reasonMessage });
    } else {
      snapshots += 1;
      const row = outcome.row;
      for (const field of ['verdict', 'windows', 'build', 'windowsUpdate', 'missingKb', 'rootCertificate', 'rootAutoUpdate', 'agentServices', 'headline'] as const) {
        (row as unknown as Record<string, string | null>)[field] = intern(row[field] as string | null);
      }
      const key = machineKey(row);
      const known = machines.get(key);
      if (!known) {
        machines.set(key, { row, others: null });
        if (row.computerName) {
          const name = row.computerName.toLowerCase();
          const keys = keysByName.get(name);
          if (keys === undefined) keysByName.set(name, key);
          else if (typeof keys === 'string') keysByName.set(name, [keys, key]);
          else keys.push(key);
        }
      } else {
        const [kept, other] = preferred(row, known.row) ? [row, known.row] : [known.row, row];
        (known.others ??= []).push(conflictFile(other));
        known.row = kept;
      }
    }
  };

  const batchSize = workers > 0 ? 32 : concurrency;
  const inFlight = new Set<Promise<void>>();
  const maxInFlight = workers > 0 ? workers * 2 + 1 : 1;
  let batch: { path: string; file: string }[] = [];
  const send = async () => {
    const files = batch;
    batch = [];
    const pending: Promise<void> = reader.read(files).then((outcomes) => {
      for (const outcome of outcomes) take(outcome);
    });
    const tracked = pending.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
  };
  try {
    const files = jsonFilesUnder(folder, (path, error) =>
      unreadable.push({
        file: `${relative(folder, path)}/`,
        error: FLEET_MESSAGES.folderUnreadable((error as NodeJS.ErrnoException).code ?? String(error)),
        errorMessage: FLEET_TEXTS.folderUnreadable((error as NodeJS.ErrnoException).code ?? String(error)),
      }),
    );
    for await (const path of files) {
      batch.push({ path, file: relative(folder, path) });
      if (batch.length >= batchSize) await send();
    }
    if (batch.length) await send();
    await Promise.all(inFlight);
  } finally {
    await reader.close();
  }

  const conflicts: FleetConflict[] = [];
  for (const { row, others } of machines.values()) {
    if (!others) continue;
    const files = [conflictFile(row), ...others].sort((a, b) => byCodeUnits(a.file, b.file));
    const messageRef = FLEET_TEXTS.conflictSeveralSnapshots(files.length);
    conflicts.push({ reason: 'several-snapshots-one-machine', computerName: row.computerName, kept: row.file, message: renderMessage(messageRef, 'en'), messageRef, files });
  }
  for (const keys of keysByName.values()) {
    if (typeof keys === 'string') continue;
    const files = keys.map((key) => conflictFile(machines.get(key)!.row)).sort((a, b) => byCodeUnits(a.file, b.file));
    const messageRef = FLEET_TEXTS.conflictSeveralMachines(files.length);
    conflicts.push({ reason: 'several-machines-one-name', computerName: files[0]!.computerName, kept: null, message: renderMessage(messageRef, 'en'), messageRef, files });
  }
  conflicts.sort(
    (a, b) => byCodeUnits((a.computerName ?? '').toLowerCase(), (b.computerName ?? '').toLowerCase()) || byCodeUnits(a.reason, b.reason) || byCodeUnits(a.files[0]!.file, b.files[0]!.file),
  );

  const rows = [...machines.values()].map((entry) => entry.row);
  machines.clear();
  rows.sort((a, b) => (a.computerName ?? '').localeCompare(b.computerName ?? '') || byCodeUnits(a.file, b.file));
  const byVerdict: Record<Verdict, number> = { ready: 0, 'action-required': 0, unsupported: 0, unknown: 0 };
  for (const row of rows) byVerdict[row.verdict] += 1;
  return {
    format: 'acs-fleet-summary',
    version: 1,
    folder: basename(folder),
    generatedAt: generatedAt.toISOString(),
    filesRead,
    snapshots,
    machines: rows.length,
    byVerdict,
    byWindowsVersion: counted(rows.map((row) => row.windows)),
    byMissingKb: counted(rows.flatMap((row) => (row.missingKb ? [row.missingKb] : []))),
    byRootCertificate: counted(rows.map((row) => `${row.rootCertificate} (auto-update ${row.rootAutoUpdate})`)),
    byAgentServices: counted(rows.map((row) => row.agentServices)),
    rows,
    unreadable: unreadable.sort((a, b) => byCodeUnits(a.file, b.file)),
    skipped: skipped.sort((a, b) => byCodeUnits(a.file, b.file)),
    refused: refused.sort((a, b) => byCodeUnits(a.file, b.file)),
    conflicts,
  };
}
