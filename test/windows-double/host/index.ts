// The simulated Windows host (the Windows double): loads a machine profile
// (test/windows-double/profiles/NAME.json), keeps its mutable state and answers commands through a
// CommandRunner as that machine would. Development copies and tests only: the product reaches this file
// through src-main/host/simulator.ts (a dynamic import a packaged app never makes), tests import it.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HostBinding } from '#product/host/binding.js';
import type { SimulatedHostOptions, SimulatedProfileSummary, SimulatorModule } from '#product/host/simulator.js';
import { projectRoot } from '#product/paths.js';
import type { CommandRunner } from '#product/windows/command-runner.js';
import { createSimulatedRunner, type SimulatedCommandHandler, type SimulatedRunnerOptions } from './dispatcher.js';
import { fixCommandHandlers, simulatedFileAccess } from './fix-commands.js';
import { machineProfileSchema, machineStateSchema, type MachineProfile, type MachineState } from './machine-state.js';
import { SimulatedMachine } from './machine.js';
import { probeCommandHandlers } from './probe-handlers.js';

export { SimulatedMachine, acsRootCertificate, executablePath, toDevicePath, type ServiceStartOutcome } from './machine.js';
export type { MachineProfile, MachineState, SimulatedCertificate, SimulatedService, SimulatedBinary, LocalFile, SimulatedFault, MachineLanguage } from './machine-state.js';
export { commandName, hasArg, createSimulatedRunner, type SimulatedCommandHandler, type SimulatedCommandOutput, type SimulatedCommandContext, type SimulatedRunnerOptions } from './dispatcher.js';
export { machineStateSchema, machineProfileSchema } from './machine-state.js';
export { probeCommandHandlers } from './probe-handlers.js';
export { fixCommandHandlers, configureFixSimulation, simulatedFileAccess, SIMULATED_ELEVATED_ENV, type FixSimulationOptions } from './fix-commands.js';
export type { SimulatedProfileSummary } from '#product/host/simulator.js';

export interface SimulatedHost {
  runner: CommandRunner & { readonly identity: { kind: 'simulated'; profile: string } };
  machine: SimulatedMachine;
  profile: MachineProfile;
}

export function profilesDir(): string {
  return join(projectRoot(), 'test', 'windows-double', 'profiles');
}

/** Every profile in test/windows-double/profiles, sorted by name. */
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
export async function createSimulatedHost(profile: string | MachineProfile, overrides: Partial<MachineState> = {}, options: SimulatedRunnerOptions = {}): Promise<SimulatedHost> {
  const loaded = typeof profile === 'string' ? await loadMachineProfile(profile) : machineProfileSchema.parse(profile);
  const state = machineStateSchema.parse(structuredClone({ ...loaded.machine, ...overrides }));
  const machine = new SimulatedMachine(state);
  const handlers = (): readonly SimulatedCommandHandler[] => [...probeCommandHandlers, ...fixCommandHandlers];
  const runner = Object.assign(createSimulatedRunner(machine, loaded, handlers, options), { identity: { kind: 'simulated' as const, profile: loaded.name } });
  return { runner, machine, profile: loaded };
}

/** The product's view of a simulated machine: a HostBinding that says it is simulated and restarts in place. */
export function bindSimulatedHost(host: SimulatedHost): HostBinding {
  return {
    kind: 'simulated',
    runner: host.runner,
    view: { kind: 'simulated', profile: host.profile.name, title: host.profile.title, story: host.profile.story },
    capabilities: { restartsInPlace: true, fixPollIntervalMs: 0 },
    label: `simulated host "${host.profile.name}"`,
    localFiles: () => host.machine.state.localFiles,
    files: simulatedFileAccess(host.machine),
  };
}

/** The profile's machine with the app not elevated and the person declining the administrator prompt. */
export function decliningUac(profile: MachineProfile): Partial<MachineState> {
  return { user: { ...profile.machine.user, elevated: false, uacAnswer: 'decline' } };
}

/** For src-main/host/create-host.ts (through src-main/host/simulator.ts). */
export async function bindSimulatedProfile(name: string, options: SimulatedHostOptions = {}): Promise<HostBinding> {
  const profile = await loadMachineProfile(name);
  return bindSimulatedHost(await createSimulatedHost(profile, options.declineUac ? decliningUac(profile) : {}));
}

// The module itself is the SimulatorModule the product loads: checked here by the typecheck.
const _simulatorModule: SimulatorModule = { listSimulatedProfiles, bindSimulatedProfile };
void _simulatorModule;
