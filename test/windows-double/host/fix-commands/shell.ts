// Simulated small commands the fixes use: whoami /groups (is the process elevated?), Windows Update
// entry points (explorer ms-settings:, control.exe, UsoClient, wuauclt) and the Authenticode check of
// an update package (Get-AuthenticodeSignature, path given in the environment).
import { commandName, hasArg, type SimulatedCommandHandler } from '../dispatcher.js';
import type { SimulatedMachine } from '../machine.js';
import { findLocalFile, runsElevated } from './state.js';

export const whoamiGroupsHandler: SimulatedCommandHandler = {
  name: 'whoami /groups',
  matches: (request) => commandName(request.file) === 'whoami' && hasArg(request.args, '/groups'),
  run: ({ request, machine }) => {
    // Localised like Windows (group names and attributes are translated; the SIDs are not).
    const german = machine.state.os.language === 'de-DE';
    const elevated = runsElevated(request, machine);
    const enabled = german ? 'Verbindliche Gruppe, Standardmäßig aktiviert, Aktivierte Gruppe' : 'Mandatory group, Enabled by default, Enabled group';
    const rows = [
      `"${german ? 'Jeder' : 'Everyone'}","${german ? 'Bekannte Gruppe' : 'Well-known group'}","S-1-1-0","${enabled}"`,
      `"BUILTIN\\${german ? 'Benutzer' : 'Users'}","Alias","S-1-5-32-545","${enabled}"`,
      ...(machine.state.user.isAdmin
        ? [
            `"BUILTIN\\${german ? 'Administratoren' : 'Administrators'}","Alias","S-1-5-32-544","${elevated ? `${enabled}, ${german ? 'Gruppenbesitzer' : 'Group owner'}` : german ? 'Nur für Verweigern verwendete Gruppe' : 'Group used for deny only'}"`,
          ]
        : []),
      elevated
        ? `"${german ? 'Verbindliche Beschriftung\\Hohe Verbindlichkeitsstufe' : 'Mandatory Label\\High Mandatory Level'}","Label","S-1-16-12288",""`
        : `"${german ? 'Verbindliche Beschriftung\\Mittlere Verbindlichkeitsstufe' : 'Mandatory Label\\Medium Mandatory Level'}","Label","S-1-16-8192",""`,
    ];
    return { exitCode: 0, stdout: `${rows.join('\r\n')}\r\n`, durationMs: 40 };
  },
};

function build(machine: SimulatedMachine): number {
  return machine.state.os.currentBuild;
}

export const windowsUpdateUiHandler: SimulatedCommandHandler = {
  name: 'Windows Update entry points',
  matches: (request) => {
    const name = commandName(request.file);
    return (
      (name === 'explorer' && request.args[0] === 'ms-settings:windowsupdate') ||
      (name === 'control' && hasArg(request.args, 'Microsoft.WindowsUpdate')) ||
      (name === 'usoclient' && hasArg(request.args, 'StartInteractiveScan')) ||
      (name === 'wuauclt' && hasArg(request.args, '/detectnow'))
    );
  },
  run: ({ request, machine }) => {
    const name = commandName(request.file);
    const serverCore = machine.state.os.installationType === 'Server Core';
    if (name === 'explorer' && serverCore) return { exitCode: 0, stdout: '', spawnError: { code: 'ENOENT', message: 'spawn explorer.exe ENOENT' } };
    if (name === 'explorer') return { exitCode: 1, stdout: '' }; // explorer.exe ends with 1 even when it opened the page
    if (name === 'usoclient' && build(machine) < 16299) return { exitCode: 0, stdout: '', spawnError: { code: 'ENOENT', message: 'spawn UsoClient.exe ENOENT' } };
    return { exitCode: 0, stdout: '' };
  },
};

/** expand.exe -D FILE: the files inside an .msu, named after the KB it really holds. */
export const expandListHandler: SimulatedCommandHandler = {
  name: 'expand.exe -D (list a cabinet)',
  matches: (request) => commandName(request.file) === 'expand' && hasArg(request.args, '-D'),
  run: ({ request, machine }) => {
    const path = request.args.find((arg) => arg !== '-D') ?? '';
    const header = 'Microsoft (R) File Expansion Utility\r\nCopyright (c) Microsoft Corporation. All rights reserved.\r\n\r\n';
    const file = findLocalFile(machine, path);
    if (!file || file.kind === 'cer') return { exitCode: 1, stdout: `${header}Can't open input file: ${path}.\r\n` };
    const prefix = file.forBuild !== null && file.forBuild >= 10240 ? 'Windows10.0' : 'Windows6.1';
    const inner = ['WSUSSCAN.cab', `${prefix}-${file.kb}-${file.architecture}.cab`, `${prefix}-${file.kb}-${file.architecture}-pkgProperties.txt`, `${prefix}-${file.kb}-${file.architecture}.xml`];
    if (file.kind === 'cab') return { exitCode: 0, stdout: `${header}${path}: update.mum\r\n${path}: ${file.kb}.cat\r\n2 files total.\r\n` };
    return { exitCode: 0, stdout: `${header}${inner.map((name) => `${path.toLowerCase()}: ${name}`).join('\r\n')}\r\n${inner.length} files total.\r\n` };
  },
};

export const authenticodeHandler: SimulatedCommandHandler = {
  name: 'Get-AuthenticodeSignature (update package)',
  matches: (request) => ['powershell', 'pwsh'].includes(commandName(request.file)) && typeof request.env?.ACS_PACKAGE_PATH === 'string',
  run: ({ request, machine }) => {
    const availability = machine.state.powershell.availability;
    if (availability === 'blocked') return { exitCode: 0, stdout: '', spawnError: { code: 'EACCES', message: 'spawn powershell.exe EACCES (blocked by application control)' } };
    if (availability === 'missing') return { exitCode: 0, stdout: '', spawnError: { code: 'ENOENT', message: 'spawn powershell.exe ENOENT' } };
    const path = request.env!.ACS_PACKAGE_PATH!;
    const file = findLocalFile(machine, path);
    if (!file) return { exitCode: 1, stdout: '', stderr: `Get-AuthenticodeSignature : Cannot find path '${path}' because it does not exist.\r\n` };
    if (file.kind === 'cer')
      return {
        exitCode: 0,
        stdout: JSON.stringify({
          status: 'NotSupportedFileFormat',
          statusMessage: 'The form specified for the subject is not one supported or known by the specified trust provider.',
          signerSubject: null,
          signerThumbprint: null,
        }),
      };
    const status = file.signatureValid ? 'Valid' : 'HashMismatch';
    const statusMessage = file.signatureValid
      ? 'Signature verified.'
      : 'The contents of file might have been changed by an unauthorized user or process, because the hash of the file does not match the hash stored in the digital signature.';
    return { exitCode: 0, stdout: JSON.stringify({ status, statusMessage, signerSubject: file.signer, signerThumbprint: null }) };
  },
};
