// A Windows command-line tool of the PowerShell double: `node fake-tool.js TOOL ARGS…` runs one command
// (certutil, sc, wusa, dism, expand, reg, shutdown, wevtutil, whoami …) on the simulated machine whose
// state is in the file named by ACS_DOUBLE_STATE, prints what the Windows tool prints, exits with its
// exit code, and writes the changed state (and its raw view, for WindowsDouble.psm1) back.
// The shipped scripts reach it through small shims named certutil.exe … in the double's System32 folder.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { MachineProfile } from '../host/machine-state.js';
import { machineStateSchema } from '../host/machine-state.js';
import { SimulatedMachine } from '../host/machine.js';
import { createSimulatedRunner } from '../host/dispatcher.js';
import { fixCommandHandlers, SIMULATED_ELEVATED_ENV } from '../host/fix-commands.js';
import { probeCommandHandlers } from '../host/probe-handlers.js';
import { rawWindowsView } from './raw-view.js';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { simulatedFileSha256 } from '../host/fix-commands/state.js';
import type { MachineState } from '../host/machine-state.js';

/** E:\\Updates\\x.msu -> ACS_DOUBLE_DRIVES/E/Updates/x.msu (null: not a drive path, or no drive folder). */
export function doubleLocalPath(windowsPath: string, drives = process.env.ACS_DOUBLE_DRIVES): string | null {
  const match = /^([A-Za-z]):\\(.*)$/.exec(windowsPath);
  if (!match || !drives) return null;
  return join(drives, match[1]!.toUpperCase(), ...match[2]!.split('\\'));
}

/**
 * A Windows path argument naming a real file under ACS_DOUBLE_DRIVES (the helper's copy of a package,
 * the certificate it wrote): a package is found by its content (SHA-256 of the profile entry's JSON, so a
 * copy is the same package and a swapped file is not); any other file is passed as its real path
 * (certutil reads the certificate's bytes). Other arguments are unchanged.
 */
function mapDrivePathArgument(arg: string, state: MachineState): string {
  const prefix = /^\/PackagePath:/i.exec(arg)?.[0] ?? '';
  const local = doubleLocalPath(arg.slice(prefix.length));
  if (!local || !existsSync(local)) return arg;
  if (state.localFiles.some((file) => file.path.toLowerCase() === arg.slice(prefix.length).toLowerCase())) return arg;
  const hash = createHash('sha256').update(readFileSync(local)).digest('hex').toUpperCase();
  const file = state.localFiles.find((entry) => simulatedFileSha256(entry) === hash);
  return prefix + (file ? file.path : local);
}

/**
 * A test's attacker (issue 11, "swapped after the check"): ACS_DOUBLE_SWAP="TOOL|TARGET|SOURCE" copies the
 * real file SOURCE over TARGET the first time TOOL runs (e.g. when the helper lists the package with expand,
 * after it copied and checked it), then forgets the instruction.
 */
function swapIfAsked(tool: string): void {
  const [when, target, source] = (process.env.ACS_DOUBLE_SWAP ?? '').split('|');
  if (!when || when !== tool || !target || !source || !process.env.ACS_DOUBLE_STATE) return;
  const done = `${process.env.ACS_DOUBLE_STATE}.swapped`;
  if (existsSync(done)) return;
  writeFileSync(target, readFileSync(source));
  writeFileSync(done, tool, 'utf8');
}

type AclTable = Record<string, { owner: string; access: { sid: string; rights: number; type: 'Allow' | 'Deny'; propagation: number }[] }>;
const ICACLS_RIGHTS: Record<string, number> = { F: 2032127, M: 1245631, RX: 1179817, R: 1179785, W: 278 };

/** icacls PATH /inheritance:r /grant:r *SID:(OI)(CI)F … and icacls PATH /setowner *SID, on the ACL table of ACS_DOUBLE_ACLS. */
function icacls(args: string[], elevated: boolean): number {
  const tablePath = process.env.ACS_DOUBLE_ACLS;
  const local = doubleLocalPath(args[0] ?? '') ?? args[0] ?? '';
  if (!tablePath || !existsSync(local)) {
    process.stdout.write(`${args[0]}: The system cannot find the file specified.\r\nSuccessfully processed 0 files; Failed processing 1 files\r\n`);
    return 2;
  }
  if (!elevated) {
    process.stdout.write(`${args[0]}: Access is denied.\r\nSuccessfully processed 0 files; Failed processing 1 files\r\n`);
    return 5;
  }
  const table: AclTable = existsSync(tablePath) ? (JSON.parse(readFileSync(tablePath, 'utf8')) as AclTable) : {};
  const entry = table[local] ?? { owner: 'S-1-5-21-1004336348-1177238915-682003330-1001', access: [] };
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!.toLowerCase();
    if (arg === '/setowner') entry.owner = (args[++i] ?? '').replace(/^\*/, '');
    else if (arg === '/inheritance:r') entry.access = [];
    else if (arg === '/grant:r' || arg === '/grant') {
      while (i + 1 < args.length && !args[i + 1]!.startsWith('/')) {
        const match = /^\*?([^:]+):((?:\([A-Z]+\))*)\(?([A-Z]+)\)?$/.exec(args[++i]!);
        if (!match) return 87;
        entry.access = entry.access.filter((ace) => ace.sid !== match[1]);
        entry.access.push({ sid: match[1]!, rights: ICACLS_RIGHTS[match[3]!] ?? 0, type: 'Allow', propagation: 0 });
      }
    }
  }
  table[local] = entry;
  writeFileSync(tablePath, JSON.stringify(table, null, 1), 'utf8');
  process.stdout.write('processed file: ' + args[0] + '\r\nSuccessfully processed 1 files; Failed processing 0 files\r\n');
  return 0;
}

export function writeStateFiles(statePath: string, state: unknown): void {
  const parsed = machineStateSchema.parse(state);
  const write = (path: string, text: string) => {
    writeFileSync(`${path}.tmp`, text, 'utf8');
    renameSync(`${path}.tmp`, path);
  };
  write(statePath, JSON.stringify(parsed, null, 1));
  write(viewPathFor(statePath), JSON.stringify(rawWindowsView(parsed)));
}

export function viewPathFor(statePath: string): string {
  return statePath.replace(/\.json$/i, '') + '.view.json';
}

async function main(argv: string[]): Promise<number> {
  const [tool, ...args] = argv;
  const statePath = process.env.ACS_DOUBLE_STATE;
  if (!tool || !statePath) {
    process.stderr.write('fake-tool: usage: ACS_DOUBLE_STATE=state.json node fake-tool.js TOOL [ARGS…]\n');
    return 64;
  }
  swapIfAsked(tool);
  const elevatedTool = process.env.ACS_DOUBLE_ELEVATED === '1';
  if (tool === 'icacls') return icacls(args, elevatedTool);
  if (tool === 'x509store') return x509Store(statePath, args);
  const state = machineStateSchema.parse(JSON.parse(readFileSync(statePath, 'utf8')));
  const machine = new SimulatedMachine(state);
  args.splice(0, args.length, ...args.map((arg) => mapDrivePathArgument(arg, state)));
  const profile: MachineProfile = { name: 'windows-double', title: 'Windows double', story: '', machine: state };
  const runner = createSimulatedRunner(machine, profile, () => [...probeCommandHandlers, ...fixCommandHandlers]);
  const elevated = elevatedTool;
  const result = await runner.run({
    file: `C:\\Windows\\System32\\${tool}.exe`,
    args,
    timeoutMs: 24 * 3600_000,
    env: elevated ? { [SIMULATED_ELEVATED_ENV]: '1' } : {},
  });
  writeStateFiles(statePath, machine.state);
  if (result.spawnError) {
    process.stderr.write(`${result.spawnError.message}\n`);
    return 9009;
  }
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return result.exitCode ?? 1;
}

/**
 * X509Store.Add / Remove on LocalMachine (what .NET does through CertAddCertificateContextToStore):
 * `x509store add STORE BASE64-DER` or `x509store remove STORE THUMBPRINT`. The physical store is the
 * logical one's .Default (LocalMachine\\Root -> the Root registry store).
 */
function x509Store(statePath: string, args: string[]): number {
  const machine = new SimulatedMachine(machineStateSchema.parse(JSON.parse(readFileSync(statePath, 'utf8'))));
  const [verb, store, value] = args;
  const stores = ['Root', 'AuthRoot', 'Disallowed'] as const;
  const target = stores.find((name) => name.toLowerCase() === (store ?? '').toLowerCase());
  if (!target || !value) {
    process.stderr.write('x509store: usage: add STORE BASE64 | remove STORE THUMBPRINT\n');
    return 64;
  }
  if (verb === 'add') {
    const certificate = new X509Certificate(Buffer.from(value, 'base64'));
    const dn = (text: string) => text.split('\n').reverse().join(', ');
    machine.addCertificate(target, {
      thumbprint: certificate.fingerprint.replace(/:/g, '').toUpperCase(),
      subject: dn(certificate.subject),
      issuer: dn(certificate.issuer),
      notBefore: new Date(certificate.validFrom).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      notAfter: new Date(certificate.validTo).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      serialNumber: certificate.serialNumber.toUpperCase(),
    });
  } else if (verb === 'remove') {
    machine.removeCertificate(target, value);
  } else {
    process.stderr.write(`x509store: unknown verb ${verb}\n`);
    return 64;
  }
  writeStateFiles(statePath, machine.state);
  return 0;
}

if (process.argv[1] && /fake-tool\.(js|ts)$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => {
      // A process exit code on Linux keeps only its low 8 bits: the full Windows code (3010, HRESULTs)
      // is left beside the state for the double's Get-DoubleExitCode (used by the helper's seam).
      if (process.env.ACS_DOUBLE_STATE) writeFileSync(`${process.env.ACS_DOUBLE_STATE}.exit`, String(code), 'utf8');
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`fake-tool: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
