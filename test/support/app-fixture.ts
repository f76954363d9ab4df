// Builds an app instance for handler tests: the real diagnosis, redaction and journal, a probe that
// replays a recorded snapshot with per-section progress, recorded fixes, and a shell adapter whose
// choices the test sets.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type AppInstance } from '../../src-main/app/create-app.js';
import type { AppServices, ProbeRequest } from '../../src-main/app/services.js';
import type { ShellAdapter, ShellChoice } from '../../src-main/app/shell-adapter.js';
import type { PlanStep } from '../../src-main/diagnosis/schema.js';
import { diagnose } from '../../src-main/diagnosis/diagnose.js';
import { ActionJournal } from '../../src-main/fixes/journal.js';
import { findResumePoint, resumeAfterRestart } from '../../src-main/fixes/reboot.js';
import type { ApplyOptions, Fix, FixContext, FixOutcome } from '../../src-main/fixes/types.js';
import { previewRedaction } from '../../src-main/redaction/redact.js';
import { exportReport } from '../../src-main/report/export.js';
import { openReceived } from '../../src-main/report/open-received.js';
import { parseSnapshotText } from '../../src-main/snapshot/parse.js';
import type { Snapshot } from '../../src-main/snapshot/schema.js';

export const FIXTURE = new URL('../fixtures/snapshots/server2019-air-gapped-missing-update-and-root.json', import.meta.url);

export async function fixtureSnapshot(): Promise<Snapshot> {
  const parsed = parseSnapshotText(await readFile(FIXTURE, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.snapshot;
}

export interface FixCall {
  kind: string;
  what: 'preview' | 'apply' | 'verify' | 'undo';
  options?: ApplyOptions;
}

/** A fix that records what it was asked and answers with the outcome the test chose. */
export function recordingFix(step: PlanStep, calls: FixCall[], outcome: () => Partial<FixOutcome>): Fix {
  return {
    kind: step.step,
    step,
    describe: () => ({
      kind: step.step,
      title: step.title,
      what: `Do ${step.step}`,
      why: step.why,
      needsAdmin: step.needsAdmin,
      needsReboot: step.needsReboot,
      undoable: step.step === 'install-root-certificate',
      undoNote: 'Removes it again',
    }),
    async preview(options) {
      calls.push({ kind: step.step, what: 'preview', ...(options ? { options } : {}) });
      return {
        kind: step.step,
        checks: [{ id: 'c1', passed: true, message: 'fine' }],
        commands: [{ file: 'certutil.exe', args: ['-addstore', 'Root', 'C:\\a b.cer'], elevated: true, purpose: 'adds it' }],
        facts: { Thumbprint: 'F400' },
        ready: true,
        blockers: [],
      };
    },
    async apply(options) {
      calls.push({ kind: step.step, what: 'apply', ...(options ? { options } : {}) });
      options?.onProgress?.({ stage: 'running', message: 'Working' });
      if (options?.signal?.aborted) throw new Error('aborted');
      return { kind: step.step, status: 'succeeded', message: 'Done', commands: [], verification: null, runId: 'r1', ...outcome() };
    },
    async verify() {
      calls.push({ kind: step.step, what: 'verify' });
      return { verified: true, message: 'Verified', details: [] };
    },
    ...(step.step === 'install-root-certificate'
      ? {
          async undo() {
            calls.push({ kind: step.step, what: 'undo' });
            return { kind: step.step, status: 'succeeded' as const, message: 'Removed', commands: [], verification: null, runId: 'r2' };
          },
        }
      : {}),
  };
}

export interface TestApp extends AppInstance {
  calls: FixCall[];
  probes: ProbeRequest[];
  shell: ShellAdapter & { next: ShellChoice; opened: string[] };
  workDir: string;
  setOutcome(outcome: Partial<FixOutcome>): void;
}

export async function createTestApp(overrides: Partial<AppServices> = {}): Promise<TestApp> {
  const snapshot = await fixtureSnapshot();
  const workDir = await mkdtemp(join(tmpdir(), 'acs-app-'));
  const calls: FixCall[] = [];
  const probes: ProbeRequest[] = [];
  let outcome: Partial<FixOutcome> = {};
  const contexts: FixContext[] = [];
  const services: AppServices = {
    async collectSnapshot(request) {
      probes.push(request);
      for (const section of request.sections ?? ['os', 'hotfixes']) {
        request.onProgress?.({ section, status: 'started', elapsedMs: 0 });
        if (request.signal?.aborted) throw new Error('probe cancelled');
        request.onProgress?.({ section, status: 'done', elapsedMs: 5 });
      }
      return structuredClone(snapshot);
    },
    diagnose,
    createFix(step, context) {
      contexts.push(context);
      return recordingFix(step, calls, () => outcome);
    },
    openJournal: (path) => new ActionJournal(path),
    findResumePoint,
    resumeAfterRestart,
    previewRedaction,
    exportReport,
    openReceived,
    decodeSupportCode: () => ({ ok: false, error: 'not part of this test' }),
    ...overrides,
  };
  const shell = {
    kind: 'preview' as const,
    next: { kind: 'cancelled' } as ShellChoice,
    opened: [] as string[],
    async chooseUpdateFile() {
      return shell.next;
    },
    async chooseReceived() {
      return shell.next;
    },
    async chooseExportFolder() {
      return null;
    },
    async openExternal(url: string) {
      shell.opened.push(url);
      return 'renderer' as const;
    },
  };
  const app = createApp({
    host: {
      kind: 'windows',
      runner: {
        run: async () => {
          throw new Error('no commands in this test');
        },
      },
      view: { kind: 'windows' },
      capabilities: { restartsInPlace: false },
      label: 'this computer',
    },
    services,
    shell,
    workDir,
  });
  return { ...app, calls, probes, shell, workDir, setOutcome: (next) => void (outcome = next) };
}
