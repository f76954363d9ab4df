// Shared pieces of the simulated fix commands: who runs a command (elevated or not), knobs tests turn
// (a busy installer, a forced exit code), and the files a technician's USB stick holds in a profile.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ACS_ROOT_CERTIFICATE } from '#product/catalogue/root-certificate.js';
import { localFiles, type FileAccess } from '#product/fixes/files.js';
import { assetPath } from '#product/paths.js';
import type { CommandRequest } from '#product/windows/command-runner.js';
import { localFileSchema, type LocalFile } from '../machine-state.js';
import type { SimulatedMachine } from '../machine.js';

/** Set by the simulated elevated helper on the commands it runs: they run with administrator rights. */
export const SIMULATED_ELEVATED_ENV = 'ACS_SIMULATED_ELEVATED';

export interface FixSimulationOptions {
  /** Another installation (Windows Update, an MSI) is running: wusa/DISM answer 1618. */
  installInProgress?: boolean;
  /** Force the next wusa/DISM exit code (exercises every mapped code), consumed once. */
  nextInstallerExitCode?: number;
}

/** Sets the installer knobs in the machine's state (the real helper's tool shims read them from there). */
export function configureFixSimulation(machine: SimulatedMachine, options: FixSimulationOptions): void {
  if (options.installInProgress !== undefined) machine.state.installers.inProgress = options.installInProgress;
  if (options.nextInstallerExitCode !== undefined) machine.state.installers.nextExitCode = options.nextInstallerExitCode;
}

/** Does this command run with administrator rights (the app elevated, or inside the elevated helper)? */
export function runsElevated(request: CommandRequest, machine: SimulatedMachine): boolean {
  return request.env?.[SIMULATED_ELEVATED_ENV] === '1' || machine.state.user.elevated;
}

/** Windows paths are case-insensitive. */
export function findLocalFile(machine: SimulatedMachine, path: string): LocalFile | undefined {
  const wanted = path.toLowerCase();
  return machine.state.localFiles.find((file) => file.path.toLowerCase() === wanted);
}

/**
 * A simulated file's content as bytes: its profile entry as JSON, defaults filled in (a test may push an
 * entry without them; the state file the double's tools read has them). The real helper's drive files
 * hold exactly this text.
 */
export function simulatedFileContent(file: LocalFile): string {
  return JSON.stringify(localFileSchema.parse(file));
}

/** A stable stand-in for a simulated file's content hash (the file exists only as a profile entry). */
export function simulatedFileSha256(file: LocalFile): string {
  return createHash('sha256').update(simulatedFileContent(file)).digest('hex').toUpperCase();
}

/**
 * Files as the simulated machine sees them: entries of the profile's localFiles first (size and a
 * stable hash; a .cer entry of the pinned root reads as the bundled certificate), then the real disk
 * (tests create certificate files with awkward names there).
 */
export function simulatedFileAccess(machine: SimulatedMachine): FileAccess {
  return {
    async size(path) {
      const file = findLocalFile(machine, path);
      return file ? file.sizeBytes : localFiles.size(path);
    },
    async read(path) {
      const file = findLocalFile(machine, path);
      if (!file) return localFiles.read(path);
      if (file.kind === 'cer' && file.certificate.thumbprint === ACS_ROOT_CERTIFICATE.sha1Thumbprint) return readFile(assetPath(ACS_ROOT_CERTIFICATE.derFile));
      throw Object.assign(new Error(`the simulated file ${path} has no content to read`), { code: 'EIO' });
    },
    async sha256(path) {
      const file = findLocalFile(machine, path);
      return file ? simulatedFileSha256(file) : localFiles.sha256(path);
    },
  };
}
