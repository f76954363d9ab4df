// Benchmark: the shipped collect.ps1 executed by pwsh 7.6 on the PowerShell Windows double, per simulated
// profile: wall time of one collection, and that time as a ratio to a bare `pwsh -NoProfile` start on the
// same machine in the same run (the ratio holds still when the machine is busy). The double's module is
// loaded in every runspace, which real Windows does not do: these figures are the engine's own cost here,
// not a measurement on Windows. Needs pwsh and npm run build. Run: npx tsx bench/pwsh.bench.ts
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultProbeInput } from '../src-main/probe/protocol.js';
import { createDoubleMachine, findPwsh, pwshMissingReason, REPO_ROOT, runProcess, runScriptOnDouble } from '../test/support/pwsh.js';
import { listSimulatedProfiles, loadMachineProfile } from '../test/windows-double/host/index.js';

export interface PwshCollectFigures {
  profile: string;
  wallMs: number;
  ratioToBareStart: number;
  exitCode: number | null;
}

export interface PwshBenchmarkResult {
  name: 'collect-pwsh-double';
  bareStartMs: number;
  profiles: PwshCollectFigures[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function runPwshBenchmark(options: { repetitions?: number } = {}): Promise<PwshBenchmarkResult> {
  const missing = pwshMissingReason();
  if (missing) throw new Error(missing);
  const repetitions = options.repetitions ?? 1;
  const bare: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const run = await runProcess(findPwsh()!, ['-NoProfile', '-NonInteractive', '-Command', 'exit 0'], {
      env: { ...process.env } as Record<string, string>,
      stdin: '',
      timeoutMs: 60_000,
      cwd: REPO_ROOT,
    });
    bare.push(run.durationMs);
  }
  const bareStartMs = median(bare);
  const profiles: PwshCollectFigures[] = [];
  for (const { name } of await listSimulatedProfiles()) {
    const profile = await loadMachineProfile(name);
    if (profile.machine.powershell.availability !== 'full' || Number.parseInt(profile.machine.powershell.version, 10) < 3) continue;
    const machine = await createDoubleMachine(profile.machine);
    const walls: number[] = [];
    let exitCode: number | null = null;
    try {
      for (let i = 0; i < repetitions; i += 1) {
        const run = await runScriptOnDouble(machine, join(REPO_ROOT, 'assets/probe/collect.ps1'), { stdin: JSON.stringify(defaultProbeInput({ network: false })) });
        walls.push(run.durationMs);
        exitCode = run.exitCode;
      }
    } finally {
      await machine.dispose();
    }
    const wallMs = median(walls);
    profiles.push({ profile: name, wallMs, ratioToBareStart: Math.round((wallMs / bareStartMs) * 10) / 10, exitCode });
  }
  return { name: 'collect-pwsh-double', bareStartMs, profiles };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runPwshBenchmark().then((result) => console.log(JSON.stringify(result, null, 2)));
}
