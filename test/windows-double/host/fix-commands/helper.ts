// SIMULATED elevation on the TypeScript host (the app's tests and the demo): the launcher
// (assets/fixes/acs-elevate.ps1, UAC prompt) and the already-elevated direct start of the helper
// (powershell.exe -File acs-fix-helper.ps1 …) meet the profile's user: a declined prompt (or an account
// without admin rights) ends with 1223; accepted, the request file is checked as the real helper checks
// it (SHA-256 from the command line before reading, the app's strict schema, no output path), the step
// runs as the TypeScript twin (./helper-twin.ts) with administrator rights on this machine, and the
// result goes where the real helper writes it (src-main/fixes/helper-folder.ts).
// The real helper and launcher are run under pwsh on the Windows double in test/powershell/helper-*.test.ts;
// what the twin does is only simulated.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { actionRequestSchema, type ActionResult } from '#product/fixes/actions/requests.js';
import { helperResultPath } from '#product/fixes/helper-folder.js';
import type { CommandRequest, CommandRunner } from '#product/windows/command-runner.js';
import { commandName, createSimulatedRunner, type SimulatedCommandHandler } from '../dispatcher.js';
import { runActionDirect } from './helper-twin.js';
import { realHelperWanted, runRealHelper } from './real-helper.js';
import { SIMULATED_ELEVATED_ENV, simulatedFileAccess } from './state.js';

/** Set by fix-commands.ts: every handler of the simulated host (the helper's commands go through them). */
let allHandlers: () => readonly SimulatedCommandHandler[] = () => [];
export function setHelperHandlers(handlers: () => readonly SimulatedCommandHandler[]): void {
  allHandlers = handlers;
}

const scriptArgument = (request: CommandRequest) => {
  const index = request.args.findIndex((arg) => arg.toLowerCase() === '-file');
  return index >= 0 ? (request.args[index + 1] ?? '') : '';
};
const argAfter = (request: CommandRequest, name: string) => {
  const index = request.args.findIndex((arg) => arg.toLowerCase() === name.toLowerCase());
  return index >= 0 ? (request.args[index + 1] ?? '') : '';
};

/** The helper's values: from the launcher's environment, or from the direct command line. */
function helperValues(request: CommandRequest): { action: string; requestFile: string; sha256: string; runId: string; viaLauncher: boolean } {
  if (/acs-elevate\.ps1$/i.test(scriptArgument(request))) {
    const env = request.env ?? {};
    return { action: env.ACS_HELPER_ACTION ?? '', requestFile: env.ACS_HELPER_REQUEST ?? '', sha256: env.ACS_HELPER_REQUEST_SHA256 ?? '', runId: env.ACS_HELPER_RUN_ID ?? '', viaLauncher: true };
  }
  return {
    action: argAfter(request, '-ActionId'),
    requestFile: argAfter(request, '-RequestFile'),
    sha256: argAfter(request, '-RequestSha256'),
    runId: argAfter(request, '-RunId'),
    viaLauncher: false,
  };
}

const envelopeKeys = ['format', 'request', 'runId', 'step', 'user', 'version'];

export const elevationLauncherHandler: SimulatedCommandHandler = {
  name: 'elevated helper (launcher with UAC, or direct when already elevated) [simulated]',
  matches: (request) => ['powershell', 'pwsh'].includes(commandName(request.file)) && /acs-(elevate|fix-helper)\.ps1$/i.test(scriptArgument(request)),
  async run({ request, machine, profile }) {
    const availability = machine.state.powershell.availability;
    if (availability === 'blocked') return { exitCode: 0, stdout: '', spawnError: { code: 'EACCES', message: 'spawn powershell.exe EACCES (blocked by application control)' } };
    if (availability === 'missing') return { exitCode: 0, stdout: '', spawnError: { code: 'ENOENT', message: 'spawn powershell.exe ENOENT' } };
    if (availability === 'constrained-language') return { exitCode: 86, stdout: '{"acsHelperUnavailable":true,"languageMode":"ConstrainedLanguage"}\r\n' };
    // The real launcher and helper under pwsh on the Windows double, when a test asks for them.
    if (realHelperWanted()) return runRealHelper(request, machine);
    const values = helperValues(request);
    const user = machine.state.user;
    if (values.viaLauncher) {
      // A standard account gets a credentials prompt nobody can answer here: the same as declining.
      if (user.uacAnswer === 'decline' || !user.isAdmin) return { exitCode: 1223, stdout: '', stderr: '' };
    } else if (!user.elevated) {
      return { exitCode: 5, stdout: '', stderr: 'The helper needs administrator rights (run it as administrator). Nothing was changed.\r\n' };
    }
    if (!/^[0-9A-F]{64}$/i.test(values.sha256) || !/^[0-9a-f-]{36}$/.test(values.runId))
      return { exitCode: 2, stdout: '', stderr: 'The helper was started without a valid action, request hash or run id.\r\n' };
    const write = async (result: ActionResult) => {
      const path = helperResultPath(values.runId);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, JSON.stringify(result), 'utf8');
      return { exitCode: 0, stdout: `${result.message}\r\n` };
    };
    const refuse = (reason: string, message: string) => write({ action: values.action as ActionResult['action'], status: 'refused', reason, message, commands: [], exitCode: null });
    let bytes: Buffer;
    try {
      bytes = await readFile(values.requestFile);
    } catch {
      return refuse('request-unreadable', 'Refused: the request file cannot be read. Nothing was changed.');
    }
    if (createHash('sha256').update(bytes).digest('hex').toUpperCase() !== values.sha256.toUpperCase())
      return refuse('request-changed', 'Refused: the request file changed after you approved it (its SHA-256 is not the one on the administrator command line). Nothing was changed.');
    let envelope: Record<string, unknown>;
    try {
      envelope = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    } catch {
      return refuse('request-invalid', 'Refused: the request is not valid (JSON). Nothing was changed.');
    }
    const extra = Object.keys(envelope).find((key) => !envelopeKeys.includes(key));
    const parsed = actionRequestSchema.safeParse(envelope.request);
    if (extra || envelope.format !== 'acs-fix-request' || envelope.runId !== values.runId || !parsed.success || parsed.data.action !== values.action) {
      return refuse(
        'request-invalid',
        `Refused: the request is not valid (${extra ?? (parsed.success ? 'action' : String(parsed.error.issues[0]?.path.join('.') ?? 'request'))}). Nothing was changed.`,
      );
    }
    const inner = createSimulatedRunner(machine, profile, allHandlers);
    const elevatedRunner: CommandRunner = { run: (command) => inner.run({ ...command, env: { ...command.env, [SIMULATED_ELEVATED_ENV]: '1' } }) };
    return write(await runActionDirect(elevatedRunner, parsed.data, undefined, simulatedFileAccess(machine)));
  },
};
