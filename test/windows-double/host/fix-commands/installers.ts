// Simulated wusa.exe FILE /quiet /norestart and DISM /Online /Add-Package: they install a package of the
// profile's localFiles (KB listed at once, new build and ACS support after a restart) and answer with
// the exit codes Windows documents: 3010 restart needed, 0x240006 already installed, 0x80240017 /
// 0x800F081E not applicable, 1618 another installation running, access denied without elevation.
import { commandName, hasArg, type SimulatedCommandHandler, type SimulatedCommandOutput } from '../dispatcher.js';
import type { SimulatedMachine } from '../machine.js';
import { findLocalFile, runsElevated } from './state.js';

const signed = (code: number) => code | 0;

type Installer = 'wusa' | 'dism';

const CODES = {
  wusa: { notApplicable: 0x80240017, notFound: 0x80070002, badSignature: 0x80096010, accessDenied: 5 },
  dism: { notApplicable: 0x800f081e, notFound: 0x80070002, badSignature: 0x80096010, accessDenied: 740 },
} as const;

function dismOutput(exitCode: number, text: string): SimulatedCommandOutput {
  return {
    exitCode: signed(exitCode),
    stdout: `\r\nDeployment Image Servicing and Management tool\r\nVersion: 10.0.19041.844\r\n\r\nImage Version: 10.0.19044.1387\r\n\r\n${text}\r\n`,
    durationMs: 120_000,
  };
}

function install(machine: SimulatedMachine, installer: Installer, path: string, elevated: boolean): SimulatedCommandOutput {
  const codes = CODES[installer];
  const say = (code: number, text: string): SimulatedCommandOutput => (installer === 'dism' ? dismOutput(code, text) : { exitCode: signed(code), stdout: '', durationMs: 90_000 });
  if (!elevated)
    return say(codes.accessDenied, installer === 'dism' ? 'Error: 740\r\n\r\nElevated permissions are required to run DISM.\r\nUse an elevated command prompt to complete these tasks.' : '');
  const simulation = machine.state.installers;
  if (simulation.inProgress) return say(1618, 'Error: 1618\r\n\r\nAnother installation is in progress.');
  const file = findLocalFile(machine, path);
  if (simulation.nextExitCode !== null) {
    const code = simulation.nextExitCode;
    simulation.nextExitCode = null;
    // Success-family codes (installed, restart needed, already installed) leave the package installed.
    if (file && file.kind !== 'cer' && [0, 3010, 1641, 0x00240005, 0x00240006].includes(code >>> 0)) machine.installUpdatePackage(file);
    return say(code, `Error: ${code}`);
  }
  if (!file || file.kind === 'cer') return say(codes.notFound, 'Error: 2\r\n\r\nThe system cannot find the file specified.');
  if (!file.signatureValid) return say(codes.badSignature, 'Error: 0x80096010\r\n\r\nThe digital signature of the object did not verify.');
  if (machine.state.hotfixes.some((hotfix) => hotfix.id === file.kb)) return say(installer === 'dism' ? 0 : 0x00240006, 'The operation completed successfully.');
  if (!machine.installUpdatePackage(file)) return say(codes.notApplicable, `Error: 0x${codes.notApplicable.toString(16)}\r\n\r\nThe specified package is not applicable to this image.`);
  return say(3010, 'The operation completed successfully.\r\nRestart Windows to complete this operation.');
}

export const wusaHandler: SimulatedCommandHandler = {
  name: 'wusa.exe FILE /quiet /norestart',
  matches: (request) => commandName(request.file) === 'wusa' && !hasArg(request.args, '/uninstall'),
  run: ({ request, machine }) => install(machine, 'wusa', request.args[0] ?? '', runsElevated(request, machine)),
};

export const dismHandler: SimulatedCommandHandler = {
  name: 'DISM /Online /Add-Package',
  matches: (request) => commandName(request.file) === 'dism' && hasArg(request.args, '/Online') && hasArg(request.args, '/Add-Package'),
  run: ({ request, machine }) => {
    const packageArg = request.args.find((arg) => arg.toLowerCase().startsWith('/packagepath:')) ?? '';
    return install(machine, 'dism', packageArg.slice('/PackagePath:'.length), runsElevated(request, machine));
  },
};
