// The simulated Windows host: loads a machine profile (assets/simulated/profiles/NAME.json), keeps its
// mutable state and answers commands through a CommandRunner as that machine would.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assetPath } from '../../paths.js';
import type { CommandRunner } from '../command-runner.js';
import { createSimulatedRunner, type SimulatedCommandHandler, type SimulatedRunnerOptions } from './dispatcher.js';
import { fixCommandHandlers } from './fix-commands.js';
import { machineProfileSchema, machineStateSchema, type MachineProfile, type MachineState } from './machine-state.js';
import { SimulatedMachine } from './machine.js';
import { probeCommandHandlers } from './probe-handlers.js';

export { SimulatedMachine, acsRootCertificate, executablePath, toDevicePath, type ServiceStartOutcome } from './machine.js';
export type { MachineProfile, MachineState, SimulatedCertificate, SimulatedService, SimulatedBinary, LocalFile, SimulatedFault, MachineLanguage } from './machine-state.js';
export { commandName, hasArg, type SimulatedCommandHandler, type SimulatedCommandOutput, type SimulatedCommandContext } from './dispatcher.js';

export interface SimulatedHost {
  runner: CommandRunner & { readonly simulatedProfile: string };
  machine: SimulatedMachine;
  profile: MachineProfile;
}

export interface SimulatedProfileSummary {
  name: string;
  title: string;
  story: string;
}

export function profilesDir(): string {
  return assetPath('simulated', 'profiles');
}

/** Every profile in assets/simulated/profiles, sorted by name. */
export async function listSimulatedProfiles(): Promise<SimulatedProfileSummary[]> {
  const files = (await readdir(profilesDir())).filter((file) => file.endsWith('.json')).sort();
  const profiles = await Promise.all(files.map((file) => loadMachineProfile(file.slice(0, -'.json'.length))));
  return profiles.map(({ name, title, story }) => ({ name, title, story }));
}

/** Reads and validates one profile; a bad or unknown name gives a clear error listing the known ones. */
export async function loadMachineProfile(name: string): Promise<MachineProfile> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`invalid profile name "${name}" (lower-case letters, digits and dashes)`);
  const file = join(profilesDir(), `${name}.json`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    const known = (await readdir(profilesDir()).catch(() => [] as string[])).filter((entry) => entry.endsWith('.json')).map((entry) => entry.slice(0, -5));
    throw new Error(`unknown simulated profile "${name}" (known: ${known.sort().join(', ')})`);
  }
  const parsed = machineProfileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid profile ${file}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
  }
  if (parsed.data.name !== name) throw new Error(`invalid profile ${file}: its name is "${parsed.data.name}", expected "${name}"`);
  return parsed.data;
}

/**
 * A simulated Windows machine and the runner that answers as it would. `overrides` replaces whole
 * top-level parts of the machine state (e.g. { powershell: { availability: 'constrained-language', version: '5.1' } }).
 * The profile is copied: changes made by commands never touch the loaded profile.
 */
export async function createSimulatedHost(
  profile: string | MachineProfile,
  overrides: Partial<MachineState> = {},
  options: SimulatedRunnerOptions = {},
): Promise<SimulatedHost> {
  const loaded = typeof profile === 'string' ? await loadMachineProfile(profile) : machineProfileSchema.parse(profile);
  const state = machineStateSchema.parse(structuredClone({ ...loaded.machine, ...overrides }));
  const machine = new SimulatedMachine(state);
  const handlers = (): readonly SimulatedCommandHandler[] => [...probeCommandHandlers, ...fixCommandHandlers];
  const runner = Object.assign(createSimulatedRunner(machine, loaded, handlers, options), { simulatedProfile: loaded.name });
  return { runner, machine, profile: loaded };
}
