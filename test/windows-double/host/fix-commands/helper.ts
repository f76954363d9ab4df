// Simulated elevation: the launcher (Start-Process -Verb RunAs powershell.exe acs-fix-helper.ps1) meets
// the profile's user: a declined UAC prompt (or an account without admin rights) ends with 1223;
// accepted, the helper's job runs as the TypeScript twin of the script (runActionDirect) with
// administrator rights on this machine, and its result file is written as the script would.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { runActionDirect } from '#product/fixes/actions/direct.js';
import { actionRequestSchema } from '#product/fixes/actions/requests.js';
import type { CommandRunner } from '#product/windows/command-runner.js';
import { commandName, createSimulatedRunner, type SimulatedCommandHandler } from '../dispatcher.js';
import { SIMULATED_ELEVATED_ENV, simulatedFileAccess } from './state.js';

/** Set by fix-commands.ts: every handler of the simulated host (the helper's commands go through them). */
let allHandlers: () => readonly SimulatedCommandHandler[] = () => [];
export function setHelperHandlers(handlers: () => readonly SimulatedCommandHandler[]): void {
  allHandlers = handlers;
}

export const elevationLauncherHandler: SimulatedCommandHandler = {
  name: 'elevated helper (Start-Process -Verb RunAs)',
  matches: (request) => ['powershell', 'pwsh'].includes(commandName(request.file)) && typeof request.env?.ACS_HELPER_ACTION === 'string',
  async run({ request, machine, profile }) {
    const availability = machine.state.powershell.availability;
    if (availability === 'blocked') return { exitCode: 0, stdout: '', spawnError: { code: 'EACCES', message: 'spawn powershell.exe EACCES (blocked by application control)' } };
    if (availability === 'missing') return { exitCode: 0, stdout: '', spawnError: { code: 'ENOENT', message: 'spawn powershell.exe ENOENT' } };
    const user = machine.state.user;
    // A standard account gets a credentials prompt nobody can answer here: the same as declining.
    if (user.uacAnswer === 'decline' || !user.isAdmin) return { exitCode: 1223, stdout: '', stderr: '' };
    const requestFile = request.env!.ACS_HELPER_REQUEST ?? '';
    let envelope: { request: unknown; resultFile: string };
    try {
      envelope = JSON.parse(await readFile(requestFile, 'utf8')) as { request: unknown; resultFile: string };
    } catch {
      return { exitCode: 2, stdout: '', stderr: 'Not an ACS fix request file.\r\n' };
    }
    const parsed = actionRequestSchema.safeParse(envelope.request);
    if (!parsed.success || parsed.data.action !== request.env!.ACS_HELPER_ACTION) return { exitCode: 2, stdout: '', stderr: 'The request is for another action.\r\n' };
    const inner = createSimulatedRunner(machine, profile, allHandlers);
    const elevatedRunner: CommandRunner = { run: (command) => inner.run({ ...command, env: { ...command.env, [SIMULATED_ELEVATED_ENV]: '1' } }) };
    const result = await runActionDirect(elevatedRunner, parsed.data, undefined, simulatedFileAccess(machine));
    const resultFile = isAbsolute(envelope.resultFile) ? envelope.resultFile : join(dirname(requestFile), envelope.resultFile);
    await writeFile(resultFile, JSON.stringify(result), 'utf8');
    return { exitCode: 0, stdout: `${result.message}\r\n` };
  },
};
