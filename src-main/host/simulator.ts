// The only way product code reaches the Windows double (test/windows-double/): a dynamic import that
// development copies resolve (package.json "imports" #double/* -> dist/double/, or the sources under
// tsx, vitest and Playwright) and that a packaged app never reaches: there it answers NO_DEMO_MACHINES.
import { isPackagedApp } from '../paths.js';
import type { HostBinding } from './binding.js';

/** The machine a development copy shows when nobody named one (npm start off Windows, npm run preview). */
export const DEFAULT_SIMULATED_PROFILE = 'win10-21h2-offline-unpatched';

/** The one sentence a packaged app (or a copy built without the double) gives for --simulate / ACS_SIMULATE. */
export const NO_DEMO_MACHINES = 'This build has no demo machines: --simulate and ACS_SIMULATE work only in a development copy (npm start, npm run preview).';

export class NoDemoMachinesError extends Error {
  override readonly name = 'NoDemoMachinesError';
  constructor() {
    super(NO_DEMO_MACHINES);
  }
}

export interface SimulatedProfileSummary {
  name: string;
  title: string;
  story: string;
}

export interface SimulatedHostOptions {
  /** The app runs without administrator rights and the person answers the prompt with "No" (UAC declined). */
  declineUac?: boolean;
}

/** What test/windows-double/host/index.ts offers the product (checked by the typecheck of the double). */
export interface SimulatorModule {
  listSimulatedProfiles(): Promise<SimulatedProfileSummary[]>;
  /** Loads a profile (a clear error for an unknown name) and binds a fresh machine of it. */
  bindSimulatedProfile(profile: string, options?: SimulatedHostOptions): Promise<HostBinding>;
}

/** Where the double is: a package.json subpath import, kept in a variable so no compiler follows it into the product build. */
const DOUBLE_ENTRY = '#double/host/index.js';

export async function loadSimulator(options: { packaged?: boolean } = {}): Promise<SimulatorModule> {
  if (options.packaged ?? isPackagedApp()) throw new NoDemoMachinesError();
  const specifier = DOUBLE_ENTRY;
  try {
    return (await import(specifier)) as SimulatorModule;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_IMPORT_NOT_DEFINED') throw new NoDemoMachinesError();
    throw error;
  }
}
