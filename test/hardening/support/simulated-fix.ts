// A fix context on a simulated Windows machine, with a runner that records every command request
// exactly as the fixes handed it over (program, argument array, stdin, environment).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import type { PlanStep } from '../../../src-main/diagnosis/schema.js';
import { ActionJournal, createFix, type ElevationMode, type Fix, type FixContext, type JournalFile } from '../../../src-main/fixes/index.js';
import { collectSnapshot } from '../../../src-main/probe/collect.js';
import type { CommandRequest, CommandResult, CommandRunner } from '../../../src-main/windows/command-runner.js';
import { createSimulatedHost, type MachineState, type SimulatedHost } from '../../windows-double/host/index.js';
import { simulatedFileAccess } from '../../windows-double/host/fix-commands/state.js';

export class RecordingRunner implements CommandRunner {
  readonly requests: CommandRequest[] = [];
  constructor(private readonly inner: CommandRunner) {}
  run(request: CommandRequest): Promise<CommandResult> {
    this.requests.push(structuredClone({ ...request, signal: undefined }));
    return this.inner.run(request);
  }
}

export interface SimulatedFixSetup {
  host: SimulatedHost;
  runner: RecordingRunner;
  journal: ActionJournal;
  context: FixContext;
  workDir: string;
  plan: PlanStep[];
  fixFor(kind: PlanStep['step']): Fix;
}

export async function simulatedFix(
  profile: string,
  options: { overrides?: Partial<MachineState>; elevation?: ElevationMode; runner?: (inner: CommandRunner) => CommandRunner; journalFile?: JournalFile; workDir?: string } = {},
): Promise<SimulatedFixSetup> {
  const host = await createSimulatedHost(profile, options.overrides ?? {});
  const inner = options.runner ? options.runner(host.runner) : host.runner;
  const runner = new RecordingRunner(inner);
  Object.assign(runner, { identity: { kind: 'simulated', profile } });
  const workDir = options.workDir ?? (await mkdtemp(join(tmpdir(), 'acs-hardening-fix-')));
  const journal = new ActionJournal(join(workDir, 'journal.jsonl'), options.journalFile);
  const snapshot = await collectSnapshot({ runner: host.runner, network: false });
  const plan = diagnose(snapshot).plan;
  const context: FixContext = {
    runner,
    journal,
    reprobe: (sections) => collectSnapshot({ runner: host.runner, network: false, sections: [...sections, 'os'] }),
    snapshot,
    elevation: options.elevation ?? 'direct',
    workDir,
    user: 'tester',
    pollIntervalMs: 0,
    files: simulatedFileAccess(host.machine),
    network: false,
  };
  const fixFor = (kind: PlanStep['step']) => {
    const step = plan.find((candidate) => candidate.step === kind);
    if (!step) throw new Error(`${profile}: no ${kind} step in the plan (${plan.map((s) => s.step).join(', ')})`);
    return createFix(step, context);
  };
  return { host, runner, journal, context, workDir, plan, fixFor };
}
