// Simulated small tools of the fallback: wmic qfe (installed updates), whoami /groups (elevation) and
// curl.exe (reachability of the root update source; curl ships with Windows 10 1803 / Server 2019 on).
import type { SimulatedCommandHandler, SimulatedCommandOutput } from '../dispatcher.js';
import { commandName } from '../dispatcher.js';
import type { SimulatedMachine } from '../machine.js';
import { faultOutput } from './faults.js';

function usDate(iso: string | null): string {
  if (!iso) return '';
  const [year, month, day] = iso.split('-').map(Number);
  return `${month}/${day}/${year}`;
}

export function wmicQfe(machine: SimulatedMachine): SimulatedCommandOutput {
  const fault = machine.faultFor('hotfixes', 'builtin-tools');
  if (fault?.kind === 'access-denied') return { exitCode: -2147217405, stdout: '', stderr: 'ERROR:\r\nDescription = Access denied\r\n', durationMs: 400 };
  const rows = machine.state.hotfixes.map((hotfix) => [hotfix.description ?? '', hotfix.id, usDate(hotfix.installedOn)]);
  const header = ['Description', 'HotFixID', 'InstalledOn'];
  const widths = header.map((name, index) => Math.max(name.length, ...rows.map((row) => row[index]!.length)) + 2);
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index]!)).join('');
  const stdout = [line(header), ...rows.map(line), '', ''].join('\r\r\n');
  const output: SimulatedCommandOutput = { exitCode: 0, stdout, durationMs: 900 };
  return fault ? faultOutput(fault, output) : output;
}

export function whoamiGroups(machine: SimulatedMachine): SimulatedCommandOutput {
  const german = machine.state.os.language === 'de-DE';
  const high = machine.state.user.elevated;
  const lines = [
    `"${german ? 'Jeder' : 'Everyone'}","${german ? 'Bekannte Gruppe' : 'Well-known group'}","S-1-1-0","${german ? 'Verbindliche Gruppe, Standardmäßig aktiviert, Aktivierte Gruppe' : 'Mandatory group, Enabled by default, Enabled group'}"`,
    `"BUILTIN\\${german ? 'Benutzer' : 'Users'}","Alias","S-1-5-32-545","${german ? 'Verbindliche Gruppe, Standardmäßig aktiviert, Aktivierte Gruppe' : 'Mandatory group, Enabled by default, Enabled group'}"`,
    ...(machine.state.user.isAdmin ? [`"BUILTIN\\${german ? 'Administratoren' : 'Administrators'}","Alias","S-1-5-32-544","${high ? 'Mandatory group, Enabled by default, Enabled group, Group owner' : 'Group used for deny only'}"`] : []),
    `"${german ? 'Verbindliche Beschriftung\\Hohe Verbindlichkeitsstufe' : 'Mandatory Label\\High Mandatory Level'}","Label","S-1-16-12288",""`,
  ];
  if (!high) lines[lines.length - 1] = `"${german ? 'Verbindliche Beschriftung\\Mittlere Verbindlichkeitsstufe' : 'Mandatory Label\\Medium Mandatory Level'}","Label","S-1-16-8192",""`;
  return { exitCode: 0, stdout: `${lines.join('\r\n')}\r\n`, durationMs: 40 };
}

export function curlHead(machine: SimulatedMachine): SimulatedCommandOutput {
  if (machine.state.os.currentBuild < 17063) return { exitCode: 0, stdout: '', spawnError: { code: 'ENOENT', message: 'spawn curl.exe ENOENT' } };
  if (machine.state.rootAutoUpdate.reachable) return { exitCode: 0, stdout: '200', durationMs: 140 };
  return { exitCode: 28, stdout: '000', stderr: 'curl: (28) Connection timed out after 2002 milliseconds\r\n', durationMs: 2002 };
}

export const wmicHandler: SimulatedCommandHandler = {
  name: 'wmic qfe',
  matches: (request) => commandName(request.file) === 'wmic' && request.args[0]?.toLowerCase() === 'qfe',
  run: ({ machine }) => wmicQfe(machine),
};
export const whoamiHandler: SimulatedCommandHandler = {
  name: 'whoami /groups',
  matches: (request) => commandName(request.file) === 'whoami',
  run: ({ machine }) => whoamiGroups(machine),
};
export const curlHandler: SimulatedCommandHandler = {
  name: 'curl -I',
  matches: (request) => commandName(request.file) === 'curl',
  run: ({ machine }) => curlHead(machine),
};
