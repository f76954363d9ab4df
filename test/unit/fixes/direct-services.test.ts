import { describe, expect, it } from 'vitest';
import { parseScQuery, runActionDirect } from '../../windows-double/host/fix-commands/helper-twin.js';
import type { CommandRequest, CommandResult, CommandRunner } from '../../../src-main/windows/command-runner.js';

const result = (exitCode: number, stdout: string): CommandResult => ({ exitCode, stdout, stderr: '', timedOut: false, cancelled: false, truncated: false, durationMs: 1 });
const query = (state: string, exit = 0) =>
  `SERVICE_NAME: TmListen\r\n        TYPE               : 10  WIN32_OWN_PROCESS\r\n        STATE              : 2  ${state}\r\n        WIN32_EXIT_CODE    : ${exit}  (0x${exit.toString(16)})\r\n`;

function scRunner(answer: (request: CommandRequest) => CommandResult): CommandRunner & { seen: CommandRequest[] } {
  const seen: CommandRequest[] = [];
  return { seen, run: async (request) => (seen.push(request), answer(request)) };
}

describe('starting services directly', () => {
  it('reads sc query output: state name and Win32 exit code', () => {
    expect(parseScQuery(query('RUNNING'))).toEqual({ state: 'RUNNING', win32ExitCode: 0 });
    expect(parseScQuery(query('STOPPED', 577))).toEqual({ state: 'STOPPED', win32ExitCode: 577 });
    expect(parseScQuery('[SC] EnumQueryServicesStatus:OpenService FAILED 1060:')).toEqual({ state: null, win32ExitCode: null });
  });

  it('gives up waiting after the time limit and says the service is still starting', async () => {
    const runner = scRunner((request) => (request.args[0] === 'start' ? result(0, query('START_PENDING')) : result(0, query('START_PENDING'))));
    const outcome = await runActionDirect(runner, { action: 'start-services', services: ['TmListen'], timeoutMs: 30, pollIntervalMs: 5 });
    expect(outcome.status).toBe('failed');
    expect(outcome.services![0]).toMatchObject({ name: 'TmListen', running: false, timedOut: true, state: 'START_PENDING' });
    expect(outcome.services![0]!.message).toMatch(/Still start pending/);
    expect(runner.seen.filter((request) => request.args[0] === 'query').length).toBeGreaterThan(1);
    expect(runner.seen.every((request) => request.timeoutMs > 0)).toBe(true);
  });

  it('reports access denied from sc start as a rights problem, and an already running service as running', async () => {
    const denied = await runActionDirect(
      scRunner(() => result(5, '[SC] StartService: OpenService FAILED 5:\r\n\r\nAccess is denied.')),
      { action: 'start-services', services: ['ntrtscan'], timeoutMs: 1000, pollIntervalMs: 0 },
    );
    expect(denied.status).toBe('access-denied');
    const running = await runActionDirect(
      scRunner((request) => (request.args[0] === 'start' ? result(1056, '[SC] StartService FAILED 1056:') : result(0, query('RUNNING')))),
      { action: 'start-services', services: ['ntrtscan'], timeoutMs: 1000, pollIntervalMs: 0 },
    );
    expect(running.status).toBe('ok');
    expect(running.services![0]!.message).toBe('Already running.');
  });
});
