// Simulated sc.exe start / query and shutdown.exe /r: a start goes through the machine's own trust rules
// (577 with SCM 7000 while Windows cannot check ACS signatures); a restart applies pending changes at
// once (the simulated machine does not keep the 60-second countdown).
import { commandName, hasArg, type SimulatedCommandHandler } from '../dispatcher.js';
import type { SimulatedService } from '../machine-state.js';
import { scm7000Message, win32ErrorText } from '../messages.js';
import { executablePath, type SimulatedMachine } from '../machine.js';
import { runsElevated } from './state.js';

const STATE_CODES: Record<SimulatedService['state'], [number, string]> = {
  Stopped: [1, 'STOPPED'],
  StartPending: [2, 'START_PENDING'],
  StopPending: [3, 'STOP_PENDING'],
  Running: [4, 'RUNNING'],
  ContinuePending: [5, 'CONTINUE_PENDING'],
  PausePending: [6, 'PAUSE_PENDING'],
  Paused: [7, 'PAUSED'],
};

export function scQueryText(service: SimulatedService, state: SimulatedService['state'] = service.state): string {
  const [code, name] = STATE_CODES[state];
  const exit = state === 'Running' ? 0 : service.exitCode;
  return [
    '',
    `SERVICE_NAME: ${service.name}`,
    '        TYPE               : 10  WIN32_OWN_PROCESS',
    `        STATE              : ${code}  ${name}`,
    state === 'Running' ? '                                (STOPPABLE, NOT_PAUSABLE, ACCEPTS_SHUTDOWN)' : '                                (NOT_STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)',
    `        WIN32_EXIT_CODE    : ${exit}  (0x${exit.toString(16)})`,
    '        SERVICE_EXIT_CODE  : 0  (0x0)',
    '        CHECKPOINT         : 0x0',
    '        WAIT_HINT          : 0x0',
    '',
  ].join('\r\n');
}

function failure(machine: SimulatedMachine, prefix: string, code: number) {
  return { exitCode: code, stdout: `[SC] ${prefix} FAILED ${code}:\r\n\r\n${win32ErrorText(code, machine.state.os.language)}\r\n\r\n` };
}

export const scStartHandler: SimulatedCommandHandler = {
  name: 'sc.exe start NAME',
  matches: (request) => commandName(request.file) === 'sc' && request.args[0]?.toLowerCase() === 'start' && request.args.length === 2,
  run: ({ request, machine }) => {
    const name = request.args[1]!;
    const service = machine.service(name);
    if (!service) return failure(machine, 'StartService: OpenService', 1060);
    if (!runsElevated(request, machine)) return failure(machine, 'StartService: OpenService', 5);
    if (service.state === 'Running') return failure(machine, 'StartService', 1056);
    if (service.startFault === 'access-denied') return failure(machine, 'StartService: OpenService', 5);
    if (service.startFault === 'hangs-start-pending') {
      service.state = 'StartPending';
      return { exitCode: 0, stdout: scQueryText(service, 'StartPending') };
    }
    // A damaged (tampered) program file fails the signature check whatever the trust state: 577 as well.
    if (machine.binaryFor(executablePath(service.imagePath))?.signing === 'tampered') {
      service.state = 'Stopped';
      service.exitCode = 577;
      machine.logEvent({
        log: 'System',
        provider: 'Service Control Manager',
        id: 7000,
        level: 'Error',
        data: [service.displayName, '%%577'],
        message: scm7000Message(service.displayName, 577, machine.state.os.language),
      });
      return failure(machine, 'StartService', 577);
    }
    const outcome = machine.startService(name);
    if (!outcome.started) return failure(machine, 'StartService', outcome.win32ExitCode);
    return { exitCode: 0, stdout: scQueryText(service, 'StartPending') };
  },
};

export const scQueryHandler: SimulatedCommandHandler = {
  name: 'sc.exe query NAME',
  matches: (request) => commandName(request.file) === 'sc' && request.args[0]?.toLowerCase() === 'query' && request.args.length === 2,
  run: ({ request, machine }) => {
    const service = machine.service(request.args[1]!);
    if (!service) return failure(machine, 'EnumQueryServicesStatus:OpenService', 1060);
    return { exitCode: 0, stdout: scQueryText(service) };
  },
};

export const shutdownHandler: SimulatedCommandHandler = {
  name: 'shutdown.exe /r',
  matches: (request) => commandName(request.file) === 'shutdown' && hasArg(request.args, '/r'),
  run: ({ machine }) => {
    machine.reboot();
    return { exitCode: 0, stdout: '' };
  },
};
