// Reads one file of a fleet folder into a small outcome: a machine row, or why it was not used. Runs in
// the worker threads (worker.ts) or in-process; everything it returns can be posted between threads.
import { readFile, stat } from 'node:fs/promises';
import { diagnose } from '../diagnosis/diagnose.js';
import type { Diagnosis } from '../diagnosis/schema.js';
import { decodeSnapshotBytes, MAX_SNAPSHOT_BYTES, validateSnapshot } from '../snapshot/parse.js';
import type { Snapshot } from '../snapshot/schema.js';
import { machineRow, type MachineRow } from './machine-row.js';
import { FLEET_TEXTS } from './messages.js';
import { renderMessage, type MessageRef } from '../shared/i18n/index.js';

/** How far a snapshot's collectedAt may lie after the summary's own time (clocks differ a little). */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export type FileOutcome =
  | { kind: 'row'; file: string; row: MachineRow }
  /** error: English; errorMessage: the same as a message (absent when error is the snapshot parser's own words). */
  | { kind: 'unreadable'; file: string; error: string; errorMessage?: MessageRef }
  | { kind: 'skipped'; file: string; reason: string; reasonMessage: MessageRef }
  | { kind: 'refused'; file: string; computerName: string | null; collectedAt: string; reason: string; reasonMessage: MessageRef };

function unreadable(file: string, ref: MessageRef): FileOutcome {
  return { kind: 'unreadable', file, error: renderMessage(ref, 'en'), errorMessage: ref };
}

export async function readFleetFile(path: string, file: string, nowMs: number, diagnoseSnapshot: (snapshot: Snapshot) => Diagnosis = diagnose): Promise<FileOutcome> {
  let text: string;
  try {
    // UTF-16 (what `> file` writes in Windows PowerShell 5.1) takes up to twice the bytes.
    if ((await stat(path)).size > 2 * MAX_SNAPSHOT_BYTES) return unreadable(file, FLEET_TEXTS.tooLarge(MAX_SNAPSHOT_BYTES / 1024 / 1024));
    text = decodeSnapshotBytes(await readFile(path));
  } catch (error) {
    return unreadable(file, FLEET_TEXTS.cannotRead((error as NodeJS.ErrnoException).code ?? String(error)));
  }
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return unreadable(file, FLEET_TEXTS.notJson(error instanceof Error ? error.message : String(error)));
  }
  const format = value !== null && typeof value === 'object' ? (value as { format?: unknown }).format : undefined;
  if (typeof format === 'string' && format.startsWith('acs-') && format !== 'acs-snapshot') {
    const reasonMessage = FLEET_TEXTS.otherFormat(format);
    return { kind: 'skipped', file, reason: renderMessage(reasonMessage, 'en'), reasonMessage };
  }
  const parsed = validateSnapshot(value);
  if (!parsed.ok) return { kind: 'unreadable', file, error: parsed.error };
  const snapshot = parsed.snapshot;
  const collected = Date.parse(snapshot.collectedAt);
  if (Number.isFinite(collected) && collected > nowMs + MAX_CLOCK_SKEW_MS) {
    const reasonMessage = FLEET_TEXTS.inFuture(snapshot.collectedAt, MAX_CLOCK_SKEW_MS / 60_000);
    return { kind: 'refused', file, computerName: snapshot.host?.computerName ?? null, collectedAt: snapshot.collectedAt, reason: renderMessage(reasonMessage, 'en'), reasonMessage };
  }
  try {
    return { kind: 'row', file, row: machineRow(file, snapshot, diagnoseSnapshot(snapshot)) };
  } catch (error) {
    return unreadable(file, FLEET_TEXTS.cannotDiagnose(error instanceof Error ? error.message : String(error)));
  }
}
