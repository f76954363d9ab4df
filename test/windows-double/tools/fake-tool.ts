// A Windows command-line tool of the PowerShell double: `node fake-tool.js TOOL ARGS…` runs one command
// (certutil, sc, wusa, dism, expand, reg, shutdown, wevtutil, whoami …) on the simulated machine whose
// state is in the file named by ACS_DOUBLE_STATE, prints what the Windows tool prints, exits with its
// exit code, and writes the changed state (and its raw view, for WindowsDouble.psm1) back.
// The shipped scripts reach it through small shims named certutil.exe … in the double's System32 folder.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { MachineProfile } from '../host/machine-state.js';
import { machineStateSchema } from '../host/machine-state.js';
import { SimulatedMachine } from '../host/machine.js';
import { createSimulatedRunner } from '../host/dispatcher.js';
import { fixCommandHandlers, SIMULATED_ELEVATED_ENV } from '../host/fix-commands.js';
import { probeCommandHandlers } from '../host/probe-handlers.js';
import { rawWindowsView } from './raw-view.js';

export function writeStateFiles(statePath: string, state: unknown): void {
  const parsed = machineStateSchema.parse(state);
  const write = (path: string, text: string) => {
    writeFileSync(`${path}.tmp`, text, 'utf8');
    renameSync(`${path}.tmp`, path);
  };
  write(statePath, JSON.stringify(parsed, null, 1));
  write(viewPathFor(statePath), JSON.stringify(rawWindowsView(parsed)));
}

export function viewPathFor(statePath: string): string {
  return statePath.replace(/\.json$/i, '') + '.view.json';
}

async function main(argv: string[]): Promise<number> {
  const [tool, ...args] = argv;
  const statePath = process.env.ACS_DOUBLE_STATE;
  if (!tool || !statePath) {
    process.stderr.write('fake-tool: usage: ACS_DOUBLE_STATE=state.json node fake-tool.js TOOL [ARGS…]\n');
    return 64;
  }
  const state = machineStateSchema.parse(JSON.parse(readFileSync(statePath, 'utf8')));
  const machine = new SimulatedMachine(state);
  const profile: MachineProfile = { name: 'windows-double', title: 'Windows double', story: '', machine: state };
  const runner = createSimulatedRunner(machine, profile, () => [...probeCommandHandlers, ...fixCommandHandlers]);
  const elevated = process.env.ACS_DOUBLE_ELEVATED === '1';
  const result = await runner.run({
    file: `C:\\Windows\\System32\\${tool}.exe`,
    args,
    timeoutMs: 24 * 3600_000,
    env: elevated ? { [SIMULATED_ELEVATED_ENV]: '1' } : {},
  });
  writeStateFiles(statePath, machine.state);
  if (result.spawnError) {
    process.stderr.write(`${result.spawnError.message}\n`);
    return 9009;
  }
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return result.exitCode ?? 1;
}

if (process.argv[1] && /fake-tool\.(js|ts)$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`fake-tool: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
