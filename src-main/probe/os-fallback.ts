// The last resort when neither PowerShell nor reg query could read the Windows version: the kernel
// version Node reports. Every assumed value is named in errors[] so no reader takes it for a fact.
import { release } from 'node:os';
import type { CollectionError, WindowsOs } from '../snapshot/schema.js';

export function osFallback(errors: CollectionError[], platform: NodeJS.Platform = process.platform, kernelRelease: string = release()): WindowsOs {
  const build = platform === 'win32' ? Number.parseInt(kernelRelease.split('.')[2] ?? '', 10) : Number.NaN;
  const known = Number.isInteger(build) && build > 0;
  errors.push({
    section: 'os',
    message: known
      ? `the Windows version could not be read; build ${build} comes from the kernel version, edition and installation type are unknown (installationType "Client" is assumed)`
      : 'the Windows version could not be read; build, edition and installation type are unknown (placeholders: build 1, "Client")',
  });
  return {
    platform: 'windows',
    productName: 'Windows (version could not be read)',
    editionId: 'Unknown',
    installationType: 'Client',
    currentBuild: known ? build : 1,
    ubr: null,
    displayVersion: null,
    architecture: process.arch === 'arm64' ? 'arm64' : process.arch === 'ia32' ? 'x86' : 'x64',
  };
}
