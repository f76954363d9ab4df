// Benchmark: a full collection on each simulated profile — processes started (target: 1 PowerShell
// process, fallbacks excepted), wall time here, and the Windows time the simulated model predicts.
// Run: npx tsx bench/collect.bench.ts [repetitions]. Figures come from the simulated host, not Windows.
import { pathToFileURL } from 'node:url';
import { collectSnapshotWithPath, type ProbeProgress } from '../src-main/probe/collect.js';
import { CountingRunner } from '../src-main/windows/command-runner.js';
import { commandName } from '../test/windows-double/host/dispatcher.js';
import { createSimulatedHost, listSimulatedProfiles } from '../test/windows-double/host/index.js';

export interface ProfileCollectFigures {
  profile: string;
  path: string;
  processes: number;
  powershellProcesses: number;
  /** Median wall time of one collection against the simulated host, on this machine. */
  wallMs: number;
  /** When the last section finished, as the simulated model of Windows predicts (not measured on Windows). */
  modelledWindowsMs: number;
  failedSections: number;
}

export interface CollectBenchmarkResult {
  name: 'collect-simulated';
  repetitions: number;
  profiles: ProfileCollectFigures[];
  targets: { powershellProcesses: number };
  /** Every profile on the PowerShell path started exactly one process. */
  withinTargets: boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function runCollectBenchmark(options: { repetitions?: number } = {}): Promise<CollectBenchmarkResult> {
  const repetitions = options.repetitions ?? 5;
  const profiles: ProfileCollectFigures[] = [];
  for (const { name } of await listSimulatedProfiles()) {
    const walls: number[] = [];
    let figures: Omit<ProfileCollectFigures, 'wallMs'> | null = null;
    for (let round = 0; round < repetitions; round++) {
      const host = await createSimulatedHost(name);
      const counting = new CountingRunner(host.runner);
      const progress: ProbeProgress[] = [];
      const started = performance.now();
      const { snapshot, path } = await collectSnapshotWithPath({ runner: counting, onProgress: (p) => progress.push(p) });
      walls.push(performance.now() - started);
      figures = {
        profile: name,
        path,
        processes: counting.started.length,
        powershellProcesses: counting.started.filter((request) => commandName(request.file) === 'powershell').length,
        modelledWindowsMs: path === 'powershell' ? Math.max(0, ...progress.map((p) => p.elapsedMs)) : Number.NaN,
        failedSections: (snapshot.errors ?? []).length,
      };
    }
    profiles.push({ ...figures!, wallMs: Math.round(median(walls) * 10) / 10 });
  }
  const withinTargets = profiles.every((figures) => figures.path !== 'powershell' || figures.processes === 1);
  return { name: 'collect-simulated', repetitions, profiles, targets: { powershellProcesses: 1 }, withinTargets };
}

export function formatCollectBenchmark(result: CollectBenchmarkResult): string {
  const lines = result.profiles.map(
    (p) =>
      `  ${p.profile.padEnd(36)} ${p.path.padEnd(14)} processes ${String(p.processes).padStart(2)} (PowerShell ${p.powershellProcesses})  wall ${p.wallMs.toFixed(1).padStart(6)} ms  modelled Windows ${Number.isNaN(p.modelledWindowsMs) ? '   n/a' : `${String(p.modelledWindowsMs).padStart(6)} ms`}  errors ${p.failedSections}`,
  );
  return [
    `collect on the simulated host (median of ${result.repetitions}; "modelled Windows" is the simulated model's estimate, not a measurement):`,
    ...lines,
    `target: 1 PowerShell process per collection on the PowerShell path — ${result.withinTargets ? 'met' : 'NOT MET'}`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const repetitions = process.argv[2] ? Number.parseInt(process.argv[2], 10) : undefined;
  runCollectBenchmark({ repetitions }).then(
    (result) => console.log(formatCollectBenchmark(result)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
