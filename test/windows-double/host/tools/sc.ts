// Simulated `sc queryex type= service state= all` and `sc qc NAME`: English labels (as on every
// Windows language), localised "[SC]" error lines.
import type { SimulatedCommandHandler, SimulatedCommandOutput } from '../dispatcher.js';
import { commandName } from '../dispatcher.js';
import type { SimulatedService } from '../machine-state.js';
import type { SimulatedMachine } from '../machine.js';
import { win32ErrorText } from '../messages.js';
import { faultOutput } from './faults.js';

const STATE_CODES: Record<SimulatedService['state'], string> = {
  Stopped: '1  STOPPED ',
  StartPending: '2  START_PENDING ',
  StopPending: '3  STOP_PENDING ',
  Running: '4  RUNNING ',
  ContinuePending: '5  CONTINUE_PENDING ',
  PausePending: '6  PAUSE_PENDING ',
  Paused: '7  PAUSED ',
};
const START_CODES: Record<SimulatedService['startType'], string> = {
  Boot: '0   BOOT_START',
  System: '1   SYSTEM_START',
  Automatic: '2   AUTO_START',
  AutomaticDelayed: '2   AUTO_START  (DELAYED)',
  Manual: '3   DEMAND_START',
  Disabled: '4   DISABLED',
};

function queryexBlock(service: SimulatedService, pid: number): string[] {
  const running = service.state === 'Running';
  return [
    `SERVICE_NAME: ${service.name}`,
    `DISPLAY_NAME: ${service.displayName}`,
    `        TYPE               : 10  WIN32_OWN_PROCESS  `,
    `        STATE              : ${STATE_CODES[service.state]}`,
    `                                (${running ? 'STOPPABLE, NOT_PAUSABLE, ACCEPTS_SHUTDOWN' : 'NOT_STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN'})`,
    `        WIN32_EXIT_CODE    : ${service.exitCode}  (0x${service.exitCode.toString(16)})`,
    `        SERVICE_EXIT_CODE  : 0  (0x0)`,
    `        CHECKPOINT         : 0x0`,
    `        WAIT_HINT          : 0x0`,
    `        PID                : ${running ? pid : 0}`,
    `        FLAGS              : `,
    '',
  ];
}

function scFailed(machine: SimulatedMachine, operation: string, code: number): SimulatedCommandOutput {
  const failed = machine.state.os.language === 'de-DE' ? 'FEHLER' : machine.state.os.language === 'ja-JP' ? '失敗' : 'FAILED';
  return { exitCode: code, stdout: `[SC] ${operation} ${failed} ${code}:\r\n\r\n${win32ErrorText(code, machine.state.os.language)}\r\n\r\n`, durationMs: 15 };
}

export function scQueryEx(machine: SimulatedMachine): SimulatedCommandOutput {
  const fault = machine.faultFor('services', 'builtin-tools');
  if (fault?.kind === 'access-denied') return scFailed(machine, 'OpenSCManager', 5);
  const lines = ['', ...machine.state.services.flatMap((service, index) => queryexBlock(service, 1200 + index * 4))];
  const output: SimulatedCommandOutput = { exitCode: 0, stdout: lines.join('\r\n'), durationMs: 90 };
  return fault ? faultOutput(fault, output) : output;
}

export function scQc(machine: SimulatedMachine, name: string): SimulatedCommandOutput {
  const fault = machine.faultFor('services', 'builtin-tools');
  if (fault?.kind === 'access-denied') return scFailed(machine, 'OpenService', 5);
  const service = machine.service(name);
  if (!service) return scFailed(machine, 'OpenService', 1060);
  const success = machine.state.os.language === 'de-DE' ? 'ERFOLG' : machine.state.os.language === 'ja-JP' ? '成功' : 'SUCCESS';
  const [first, ...rest] = service.dependsOn;
  const lines = [
    `[SC] QueryServiceConfig ${success}`,
    '',
    `SERVICE_NAME: ${service.name}`,
    `        TYPE               : 10  WIN32_OWN_PROCESS `,
    `        START_TYPE         : ${START_CODES[service.startType]}`,
    `        ERROR_CONTROL      : 1   NORMAL`,
    `        BINARY_PATH_NAME   : ${service.imagePath}`,
    `        LOAD_ORDER_GROUP   : `,
    `        TAG                : 0`,
    `        DISPLAY_NAME       : ${service.displayName}`,
    `        DEPENDENCIES       : ${first ?? ''}`,
    ...rest.map((dependency) => `                           : ${dependency}`),
    `        SERVICE_START_NAME : LocalSystem`,
    '',
  ];
  return { exitCode: 0, stdout: lines.join('\r\n'), durationMs: 15 };
}

export const scQueryHandler: SimulatedCommandHandler = {
  name: 'sc queryex / sc qc',
  matches: (request) => commandName(request.file) === 'sc' && ['queryex', 'qc'].includes(request.args[0]?.toLowerCase() ?? ''),
  run: ({ request, machine }) => (request.args[0]?.toLowerCase() === 'qc' ? scQc(machine, request.args[1] ?? '') : scQueryEx(machine)),
};
