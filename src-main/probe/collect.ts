// Collects one snapshot of this machine: one PowerShell process running assets/probe/collect.ps1,
// the built-in tools when PowerShell is locked down, portable facts on a non-Windows host. Always
// resolves to a valid snapshot (failed sections become errors[] entries); rejects only on cancel.
import { assetPath } from '../paths.js';
import { isoNow, buildSnapshot, validateSection, validErrors, type SnapshotSections } from './assemble.js';
import { collectWithBuiltinTools } from './builtin/collect-builtin.js';
import { collectPortableSnapshot } from './portable.js';
import { defaultProbeInput, LANGUAGE_MODE_FAILURE, lockedDownMarkerSchema, parseProgressLine, PROBE_SECTIONS, type ProbeSectionName } from './protocol.js';
import { PROGRAM_NAME, PROGRAM_VERSION } from '../version.js';
import type { CommandResult, CommandRunner } from '../windows/command-runner.js';
import type { StreamingCommandRequest } from '../windows/node-runner.js';
import type { CollectionError, Snapshot } from '../snapshot/schema.js';
import { osFallback } from './os-fallback.js';
import type { ProbeProgressStatus } from '../shared/names.js';

export type { ProbeSectionName } from './protocol.js';
export { PROBE_SECTIONS } from './protocol.js';

export interface ProbeProgress {
  section: string;
  status: ProbeProgressStatus;
  elapsedMs: number;
  message?: string;
}

export interface CollectOptions {
  runner: CommandRunner;
  /** false: no reachability check of the root update source (nothing leaves the machine). Default true. */
  network?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: ProbeProgress) => void;
  /** Only these sections (os is always collected: every snapshot needs it). Default: all. */
  sections?: readonly ProbeSectionName[];
  /** Time limit of the whole collection (default 30 s). */
  timeoutMs?: number;
  /** The platform collected on (default process.platform; a simulated runner is always Windows). */
  platform?: NodeJS.Platform;
}

export const DEFAULT_COLLECT_TIMEOUT_MS = 30_000;
const MAX_SCRIPT_OUTPUT_BYTES = 16 * 1024 * 1024;

/** Thrown when the collection is cancelled through its AbortSignal. */
export class CollectionCancelledError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('the collection was cancelled');
  }
}

/** powershell.exe by full path, so a program of the same name earlier in PATH is never started. */
export function powershellPath(): string {
  const systemRoot = process.env.SystemRoot ?? process.env.windir ?? 'C:\\Windows';
  return `${systemRoot}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`;
}

export function collectorScriptPath(): string {
  return assetPath('probe', 'collect.ps1');
}

/** How the facts were gathered, whatever the machine (a simulated host records method "simulated"). */
export type CollectionPath = 'powershell' | 'builtin-tools' | 'portable';

export interface CollectionOutcome {
  snapshot: Snapshot;
  path: CollectionPath;
}

export async function collectSnapshot(options: CollectOptions): Promise<Snapshot> {
  return (await collectSnapshotWithPath(options)).snapshot;
}

/**
 * collectSnapshot, also saying which path gathered the facts. On a simulated host the snapshot's
 * collector.method is "simulated" (with collector.profile), so the path is only known from here.
 */
export async function collectSnapshotWithPath(options: CollectOptions): Promise<CollectionOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const { runner, signal } = options;
  if (signal?.aborted) throw new CollectionCancelledError();
  const sections = normaliseSections(options.sections);
  const network = options.network ?? true;
  const profile = runner.identity?.kind === 'simulated' ? runner.identity.profile : undefined;
  const platform = profile ? 'win32' : (options.platform ?? process.platform);
  const report = (progress: ProbeProgress) => options.onProgress?.(progress);

  if (platform !== 'win32') {
    const snapshot = await collectPortableSnapshot({ platform, sections, report });
    if (signal?.aborted) throw new CollectionCancelledError();
    snapshot.collector = { ...snapshot.collector!, durationMs: elapsed() };
    return { snapshot, path: 'portable' };
  }

  const timeoutMs = options.timeoutMs ?? DEFAULT_COLLECT_TIMEOUT_MS;
  const input = defaultProbeInput({ sections: [...sections], network });
  const request: StreamingCommandRequest = {
    file: powershellPath(),
    args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', collectorScriptPath()],
    stdin: JSON.stringify(input),
    // The same input as an environment value, in case a host does not pass stdin through.
    env: { ACS_PROBE_INPUT: JSON.stringify(input) },
    timeoutMs,
    maxOutputBytes: MAX_SCRIPT_OUTPUT_BYTES,
    signal,
    onStderrLine: (line) => {
      const progress = parseProgressLine(line);
      if (progress) report({ section: progress.section, status: progress.status, elapsedMs: progress.elapsedMs, ...(progress.message ? { message: progress.message } : {}) });
    },
  };
  let result: CommandResult;
  try {
    result = await runner.run(request);
  } catch (error) {
    // A runner that throws is treated like a program that could not start: the fallback still runs.
    result = {
      exitCode: null,
      stdout: '',
      stderr: '',
      timedOut: false,
      cancelled: false,
      truncated: false,
      durationMs: elapsed(),
      spawnError: { code: 'ERUNNER', message: error instanceof Error ? error.message : String(error) },
    };
  }
  if (result.cancelled || signal?.aborted) throw new CollectionCancelledError();

  const document = readScriptDocument(result);
  const collectorBase = { name: PROGRAM_NAME, version: PROGRAM_VERSION, ...(profile ? { profile } : {}) };
  const method = (path: CollectionPath) => (profile ? ('simulated' as const) : path);

  if (!document.ok) {
    report({ section: 'powershell', status: 'failed', elapsedMs: elapsed(), message: `${document.reason}; using built-in tools` });
    const remaining = Math.max(timeoutMs - elapsed(), 10_000);
    const fallback = await collectWithBuiltinTools({ runner, sections, network, signal, timeoutMs: remaining, report, started });
    if (signal?.aborted) throw new CollectionCancelledError();
    const errors: CollectionError[] = [{ section: 'collector', message: `PowerShell was not usable (${document.reason}): collected with built-in tools` }, ...fallback.errors];
    const os = fallback.sections.os ?? osFallback(errors);
    const snapshot = buildSnapshot(
      { collectedAt: isoNow(), collector: { ...collectorBase, elevated: fallback.elevated, method: method('builtin-tools'), durationMs: elapsed() }, os: os as Snapshot['os'] },
      fallback.sections,
      errors,
    );
    return { snapshot, path: 'builtin-tools' };
  }

  const raw = document.value;
  const errors = validErrors(raw.errors);
  const values: SnapshotSections = {};
  for (const section of sections) {
    const outcome = validateSection(section, raw[section]);
    values[section] = outcome.value;
    if (outcome.error && !errors.some((error) => error.section === section)) errors.push({ section, message: outcome.error });
  }
  // Sections that failed because their runspace was forced into ConstrainedLanguage (an application
  // control policy the script could not detect): read those with the built-in tools instead.
  const lockedSections = sections.filter((section) => section !== 'os' && values[section] == null && errors.some((error) => error.section === section && LANGUAGE_MODE_FAILURE.test(error.message)));
  if (lockedSections.length > 0) {
    const fallback = await collectWithBuiltinTools({ runner, sections: lockedSections, network, signal, timeoutMs: Math.max(timeoutMs - elapsed(), 10_000), report, started });
    if (signal?.aborted) throw new CollectionCancelledError();
    for (const section of lockedSections) {
      const value = fallback.sections[section];
      if (value === null || value === undefined) continue;
      values[section] = value;
      const index = errors.findIndex((error) => error.section === section);
      if (index >= 0) errors.splice(index, 1, { section, message: 'PowerShell was locked down for this part: collected with built-in tools' });
    }
    errors.push(...fallback.errors);
  }
  let os = values.os;
  if (os === null || os === undefined) {
    // Every snapshot needs os: read it with reg query, or say honestly what is known.
    const fallback = await collectWithBuiltinTools({ runner, sections: ['os'], network: false, signal, timeoutMs: 10_000, report, started });
    if (signal?.aborted) throw new CollectionCancelledError();
    errors.push(...fallback.errors);
    os = fallback.sections.os ?? osFallback(errors);
    values.os = os;
  }
  const scriptCollector = (raw.collector ?? {}) as { elevated?: unknown };
  const collectedAt = typeof raw.collectedAt === 'string' && !Number.isNaN(Date.parse(raw.collectedAt)) && /Z|[+-]\d\d:\d\d$/.test(raw.collectedAt) ? raw.collectedAt : isoNow();
  const snapshot = buildSnapshot(
    { collectedAt, collector: { ...collectorBase, elevated: scriptCollector.elevated === true, method: method('powershell'), durationMs: elapsed() }, os: os as Snapshot['os'] },
    values,
    errors,
  );
  return { snapshot, path: 'powershell' };
}

function normaliseSections(requested: readonly ProbeSectionName[] | undefined): ProbeSectionName[] {
  if (!requested || requested.length === 0) return [...PROBE_SECTIONS];
  const wanted = new Set<ProbeSectionName>(requested);
  wanted.add('os');
  return PROBE_SECTIONS.filter((section) => wanted.has(section));
}

type ScriptDocument = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string };

/** Reads the script's stdout: the snapshot document, or why PowerShell could not be used. */
export function readScriptDocument(result: {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  truncated: boolean;
  spawnError?: { code: string; message: string };
}): ScriptDocument {
  if (result.spawnError) {
    const why = result.spawnError.code === 'ENOENT' ? 'powershell.exe is missing' : `powershell.exe could not be started (${result.spawnError.code}), probably blocked by policy`;
    return { ok: false, reason: why };
  }
  if (result.timedOut) return { ok: false, reason: 'the collector script ran past its time limit' };
  if (result.truncated) return { ok: false, reason: 'the collector script printed more than the output limit' };
  const text = result.stdout.replace(/^\uFEFF/, '').trim();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const firstError = result.stderr.split(/\r?\n/).find((line) => line.trim() !== '' && parseProgressLine(line) === null);
    const detail = firstError ? `: ${firstError.trim().slice(0, 200)}` : '';
    return { ok: false, reason: text === '' ? `the collector script printed nothing (exit code ${result.exitCode ?? 'none'})${detail}` : `the collector script printed unreadable output${detail}` };
  }
  const marker = lockedDownMarkerSchema.safeParse(value);
  if (marker.success) {
    if (marker.data.lockdownPolicy === 'Enforce') return { ok: false, reason: 'an application control policy (AppLocker or WDAC) locks PowerShell down' };
    return { ok: false, reason: `PowerShell runs in ${marker.data.languageMode} mode` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || (value as Record<string, unknown>).format !== 'acs-snapshot') {
    return { ok: false, reason: 'the collector script printed something that is not a snapshot' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
