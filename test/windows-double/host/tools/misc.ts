// Simulated small tools of the fallback: wmic qfe (installed updates) and curl.exe (reachability of the
// root update source; curl ships with Windows 10 1803 / Server 2019 on). whoami /groups is answered by
// the fixes' handler (fix-commands/shell.ts), which knows the elevated helper.
import type { SimulatedCommandHandler, SimulatedCommandOutput } from '../dispatcher.js';
import { commandName } from '../dispatcher.js';
import type { SimulatedMachine } from '../machine.js';
import { faultOutput } from './faults.js';
import { installedOnText } from '../messages.js';

export function wmicQfe(machine: SimulatedMachine): SimulatedCommandOutput {
  const fault = machine.faultFor('hotfixes', 'builtin-tools');
  if (fault?.kind === 'access-denied') return { exitCode: -2147217405, stdout: '', stderr: 'ERROR:\r\nDescription = Access denied\r\n', durationMs: 400 };
  const rows = machine.state.hotfixes.map((hotfix) => [hotfix.description ?? '', hotfix.id, installedOnText(hotfix.installedOn, machine.state.os.language)]);
  const header = ['Description', 'HotFixID', 'InstalledOn'];
  const widths = header.map((name, index) => Math.max(name.length, ...rows.map((row) => row[index]!.length)) + 2);
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index]!)).join('');
  const stdout = [line(header), ...rows.map(line), '', ''].join('\r\r\n');
  const output: SimulatedCommandOutput = { exitCode: 0, stdout, durationMs: 900 };
  return fault ? faultOutput(fault, output) : output;
}

export function curlHead(machine: SimulatedMachine): SimulatedCommandOutput {
  if (machine.state.os.currentBuild < 17063) return { exitCode: 0, stdout: '', spawnError: { code: 'ENOENT', message: 'spawn curl.exe ENOENT' } };
  if (machine.state.rootAutoUpdate.reachable) return { exitCode: 0, stdout: '200', durationMs: 140 };
  return { exitCode: 28, stdout: '000', stderr: 'curl: (28) Connection timed out after 2002 milliseconds\r\n', durationMs: 2002 };
}

export const wmicHandler: SimulatedCommandHandler = {
  name: 'wmic qfe',
  matches: (request) => commandName(request.file) === 'wmic' && request.args[0]?.toLowerCase() === 'qfe',
  run: ({ machine, request }) => (machine.state.wmicInstalled ? wmicQfe(machine) : { exitCode: 0, stdout: '', spawnError: { code: 'ENOENT', message: `spawn ${request.file} ENOENT` } }),
};

/** `wmic os get LastBootUpTime /value`: the boot time as a CIM_DATETIME (the simulated machines run on UTC). */
export function wmicOsBootTime(machine: SimulatedMachine): SimulatedCommandOutput {
  const boot = machine.lastBootUpTime();
  const dmtf = `${boot.slice(0, 4)}${boot.slice(5, 7)}${boot.slice(8, 10)}${boot.slice(11, 13)}${boot.slice(14, 16)}${boot.slice(17, 19)}.500000+000`;
  return { exitCode: 0, stdout: `\r\r\n\r\r\nLastBootUpTime=${dmtf}\r\r\n\r\r\n\r\r\n`, durationMs: 300 };
}
export const wmicOsHandler: SimulatedCommandHandler = {
  name: 'wmic os',
  matches: (request) => commandName(request.file) === 'wmic' && request.args[0]?.toLowerCase() === 'os',
  run: ({ machine, request }) => (machine.state.wmicInstalled ? wmicOsBootTime(machine) : { exitCode: 0, stdout: '', spawnError: { code: 'ENOENT', message: `spawn ${request.file} ENOENT` } }),
};

/** `systeminfo /fo csv`: one header row and one data row; the hotfix column holds "N Hotfix(s) Installed.,[01]: KB…". */
export function systeminfoCsv(machine: SimulatedMachine): SimulatedCommandOutput {
  const fault = machine.faultFor('hotfixes', 'builtin-tools');
  if (fault?.kind === 'access-denied') return { exitCode: 1, stdout: '', stderr: 'ERROR: Access denied\r\n', durationMs: 400 };
  const state = machine.state;
  const german = state.os.language === 'de-DE';
  const hotfixes = state.hotfixes.map((hotfix, index) => `[${String(index + 1).padStart(2, '0')}]: ${hotfix.id}`);
  const header = german ? ['Hostname', 'Betriebssystemname', 'Hotfix(es)'] : ['Host Name', 'OS Name', 'Hotfix(s)'];
  const count = german ? `${hotfixes.length} Hotfix(e) installiert.` : `${hotfixes.length} Hotfix(s) Installed.`;
  const row = [state.host.computerName, `Microsoft ${state.os.productName}`, [count, ...hotfixes].join(',')];
  const csv = (cells: string[]) => cells.map((cell) => `"${cell}"`).join(',');
  const output: SimulatedCommandOutput = { exitCode: 0, stdout: `${csv(header)}\r\n${csv(row)}\r\n`, durationMs: 2500 };
  return fault ? faultOutput(fault, output) : output;
}
export const systeminfoHandler: SimulatedCommandHandler = {
  name: 'systeminfo',
  matches: (request) => commandName(request.file) === 'systeminfo',
  run: ({ machine }) => systeminfoCsv(machine),
};
export const curlHandler: SimulatedCommandHandler = {
  name: 'curl -I',
  matches: (request) => commandName(request.file) === 'curl',
  run: ({ machine }) => curlHead(machine),
};
