// `node dist/double/tools/materialize.js PROFILE DIR`: lays out one simulated machine for PowerShell-only
// tests (Pester): DIR/machine.json (its state), DIR/machine.view.json (what Windows APIs would return)
// and DIR/System32 with the fake native tools. Prints DIR/machine.json.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMachineProfile } from '../host/index.js';
import { writeStateFiles } from './fake-tool.js';

export const DOUBLE_TOOLS = ['certutil', 'sc', 'wusa', 'dism', 'expand', 'reg', 'shutdown', 'wevtutil', 'whoami', 'bcdedit', 'icacls', 'takeown', 'systeminfo', 'wmic', 'x509store'];

/** Writes the double's System32 folder: one shim per Windows tool, each running the fake tool. */
export function writeDoubleTools(system32: string, fakeTool: string): void {
  mkdirSync(system32, { recursive: true });
  for (const tool of DOUBLE_TOOLS) {
    const shim = join(system32, `${tool}.exe`);
    writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${fakeTool}" ${tool} "$@"\n`, 'utf8');
    chmodSync(shim, 0o755);
  }
}

async function main(): Promise<number> {
  const [profileName, dirArg] = process.argv.slice(2);
  if (!profileName || !dirArg) {
    process.stderr.write('materialize: usage: node materialize.js PROFILE DIR\n');
    return 64;
  }
  const dir = resolve(dirArg);
  const profile = await loadMachineProfile(profileName);
  const statePath = join(dir, 'machine.json');
  writeDoubleTools(join(dir, 'System32'), fileURLToPath(new URL('./fake-tool.js', import.meta.url)));
  writeStateFiles(statePath, profile.machine);
  process.stdout.write(`${statePath}\n`);
  return 0;
}

if (process.argv[1] && /materialize\.(js|ts)$/.test(process.argv[1])) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`materialize: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
