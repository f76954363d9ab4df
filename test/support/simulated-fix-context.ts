// Builds a FixContext on a simulated Windows host for the fix tests: journal and work folder in a
// fresh temporary folder, reprobe through the probe's own collectSnapshot.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnose } from '../../src-main/diagnosis/diagnose.js';
import type { Diagnosis, PlanStep, PlanStepKind } from '../../src-main/diagnosis/schema.js';
import { ActionJournal, detectElevation, type FixContext } from '../../src-main/fixes/index.js';
import { collectSnapshot } from '../../src-main/probe/collect.js';
import { simulatedFileAccess } from '../windows-double/host/fix-commands.js';
import { createSimulatedHost, type MachineState, type SimulatedHost } from '../windows-double/host/index.js';

export interface SimulatedFixSetup {
  host: SimulatedHost;
  context: FixContext;
  journal: ActionJournal;
  dataDir: string;
  diagnosis: Diagnosis;
  step: (kind: PlanStepKind) => PlanStep;
  /** Commands the simulated machine ran, as "file arg arg…" for readable assertions. */
  commandsRun: () => string[];
  rediagnose: () => Promise<Diagnosis>;
}

export async function simulatedFixSetup(profile: string, overrides: Partial<MachineState> = {}): Promise<SimulatedFixSetup> {
  const host = await createSimulatedHost(profile, overrides);
  const dataDir = await mkdtemp(join(tmpdir(), 'acs fix data ü '));
  const journal = new ActionJournal(join(dataDir, 'journal.jsonl'));
  const snapshot = await collectSnapshot({ runner: host.runner, network: false });
  const context: FixContext = {
    runner: host.runner,
    journal,
    reprobe: (sections) => collectSnapshot({ runner: host.runner, sections, network: false }),
    snapshot,
    elevation: await detectElevation(host.runner),
    workDir: dataDir,
    files: simulatedFileAccess(host.machine),
    pollIntervalMs: 0,
    network: false,
    user: 'tech',
  };
  const diagnosis = diagnose(snapshot);
  const setup: SimulatedFixSetup = {
    host,
    context,
    journal,
    dataDir,
    diagnosis,
    step(kind) {
      const found = setup.diagnosis.plan.find((candidate) => candidate.step === kind);
      if (!found) throw new Error(`the plan for ${profile} has no ${kind} step (plan: ${setup.diagnosis.plan.map((item) => item.step).join(', ')})`);
      return found;
    },
    commandsRun: () => host.machine.commandLog.map((entry) => [program(entry.file), ...entry.args].join(' ')),
    async rediagnose() {
      context.snapshot = await collectSnapshot({ runner: host.runner, network: false });
      setup.diagnosis = diagnose(context.snapshot);
      return setup.diagnosis;
    },
  };
  return setup;
}

/** "C:\\Windows\\System32\\certutil.exe" -> "certutil.exe" (the fixes start programs by full path). */
export function program(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

export const OFFLINE_PROFILE = 'win10-21h2-offline-unpatched';
export const UPDATE_X64 = 'E:\\Updates\\windows10.0-kb5011487-x64_2a2a52c1f25c1fc5dd9bbdd9f6bb7a1a1ef0cc5e.msu';
export const UPDATE_X86 = 'E:\\Updates\\windows10.0-kb5011487-x86_6b6fa9bb4e4cc2a5c2b8fcd37a0a0e9df4ad8e4b.msu';
export const ROOT_ON_USB = 'E:\\Certificates\\Microsoft Identity Verification Root Certificate Authority 2020.crt';
