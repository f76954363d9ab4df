// The one host factory of the desktop app, the preview, the CLI and the tests: this computer (Windows
// or not), or a simulated Windows machine of the double in development copies.
import { createNodeRunner } from '../windows/node-runner.js';
import type { HostBinding } from './binding.js';
import { loadSimulator, type SimulatedHostOptions } from './simulator.js';

export type HostRequest = { kind: 'this-computer' } | ({ kind: 'simulated'; profile: string } & SimulatedHostOptions);

export interface HostFactoryOptions {
  /** A packaged app: simulated machines are refused (NoDemoMachinesError). Default: detected. */
  packaged?: boolean;
  platform?: NodeJS.Platform;
}

export function thisComputer(platform: NodeJS.Platform = process.platform): HostBinding {
  const windows = platform === 'win32';
  return {
    kind: windows ? 'windows' : 'other',
    runner: createNodeRunner(),
    view: windows ? { kind: 'windows' } : { kind: 'other', platform },
    capabilities: { restartsInPlace: false },
    label: 'this computer',
  };
}

export async function createHost(request: HostRequest, options: HostFactoryOptions = {}): Promise<HostBinding> {
  if (request.kind === 'this-computer') return thisComputer(options.platform);
  const simulator = await loadSimulator(options.packaged === undefined ? {} : { packaged: options.packaged });
  return simulator.bindSimulatedProfile(request.profile, request.declineUac ? { declineUac: true } : {});
}
