// The simulated host's elevation commands: the launcher (assets/fixes/acs-elevate.ps1, UAC prompt) and the
// already-elevated direct start of the helper (powershell.exe -File acs-fix-helper.ps1 …) are answered by
// the REAL scripts, run under pwsh on the Windows double (./real-helper.ts) on this machine's state: what
// they change is read back into the machine, and their result lands where the app reads it. There is no
// TypeScript stand-in for the helper. Only what happens before a script starts is decided here: a
// powershell.exe that application control blocks, or one that is missing, cannot be started at all.
import type { SimulatedCommandHandler } from '../dispatcher.js';
import { commandName } from '../dispatcher.js';
import { runRealHelper } from './real-helper.js';

const scriptArgument = (args: readonly string[]) => {
  const index = args.findIndex((arg) => arg.toLowerCase() === '-file');
  return index >= 0 ? (args[index + 1] ?? '') : '';
};

export const elevationLauncherHandler: SimulatedCommandHandler = {
  name: 'elevated helper (launcher with UAC, or direct when already elevated): the real scripts under pwsh on the Windows double',
  matches: (request) => ['powershell', 'pwsh'].includes(commandName(request.file)) && /acs-(elevate|fix-helper)\.ps1$/i.test(scriptArgument(request.args)),
  async run({ request, machine }) {
    const availability = machine.state.powershell.availability;
    if (availability === 'blocked') return { exitCode: 0, stdout: '', spawnError: { code: 'EACCES', message: 'spawn powershell.exe EACCES (blocked by application control)' } };
    if (availability === 'missing') return { exitCode: 0, stdout: '', spawnError: { code: 'ENOENT', message: 'spawn powershell.exe ENOENT' } };
    return runRealHelper(request, machine);
  },
};
