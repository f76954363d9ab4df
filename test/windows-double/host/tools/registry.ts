// The simulated registry (built from the machine state on each query) and `reg query` printing it
// exactly as reg.exe does: CRLF, four-space columns, REG_DWORD in hex, subkeys as full paths.
import type { SimulatedCommandHandler, SimulatedCommandOutput } from '../dispatcher.js';
import { commandName, hasArg } from '../dispatcher.js';
import type { SimulatedMachine } from '../machine.js';
import { regAccessDeniedText, regNotFoundText } from '../messages.js';
import { faultOutput } from './faults.js';

interface RegValue {
  name: string;
  type: 'REG_SZ' | 'REG_DWORD' | 'REG_MULTI_SZ' | 'REG_EXPAND_SZ';
  data: string;
}
type RegistryView = Map<string, { path: string; values: RegValue[] }>;

const HKLM = 'HKEY_LOCAL_MACHINE';
const sz = (name: string, data: string): RegValue => ({ name, type: 'REG_SZ', data });
const dword = (name: string, value: number): RegValue => ({ name, type: 'REG_DWORD', data: `0x${value.toString(16)}` });

export function registryView(machine: SimulatedMachine): RegistryView {
  const state = machine.state;
  const view: RegistryView = new Map();
  const add = (path: string, values: RegValue[] = []) => view.set(path.toLowerCase(), { path: `${HKLM}\\${path}`, values });
  const os = state.os;
  add('SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion', [
    sz('SystemRoot', 'C:\\Windows'),
    sz('CurrentBuild', String(os.currentBuild)),
    sz('CurrentBuildNumber', String(os.currentBuild)),
    ...(os.csdVersion ? [sz('CSDVersion', os.csdVersion)] : []),
    sz('CurrentType', 'Multiprocessor Free'),
    sz('CurrentVersion', os.currentVersion ?? '6.3'),
    ...(os.displayVersion ? [sz('DisplayVersion', os.displayVersion)] : []),
    sz('EditionID', os.editionId),
    sz('InstallationType', os.installationType),
    sz('ProductName', os.productName),
    ...(os.currentBuild >= 10240 ? [sz('ReleaseId', os.displayVersion && os.currentBuild >= 19042 ? '2009' : (os.displayVersion ?? '1803'))] : []),
    ...(os.ubr !== null ? [dword('UBR', os.ubr)] : []),
  ]);
  add('SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon');
  add('SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment', [
    sz('ComSpec', 'C:\\Windows\\system32\\cmd.exe'),
    sz('PROCESSOR_ARCHITECTURE', { x64: 'AMD64', x86: 'x86', arm64: 'ARM64' }[os.architecture]),
  ]);
  const markers = state.pendingRebootMarkers;
  add('SYSTEM\\CurrentControlSet\\Control\\Session Manager', [
    sz('BootExecute', 'autocheck autochk *'),
    ...(markers.includes('PendingFileRenameOperations') ? [{ name: 'PendingFileRenameOperations', type: 'REG_MULTI_SZ' as const, data: '\\??\\C:\\Windows\\Temp\\tmp1A2B.tmp\\0\\0' }] : []),
  ]);
  add('SYSTEM\\CurrentControlSet\\Control', [
    sz('SystemStartOptions', ` NOEXECUTE=OPTIN${state.bootConfiguration.testSigning ? '  TESTSIGNING' : ''}${state.bootConfiguration.noIntegrityChecks ? '  DISABLE_INTEGRITY_CHECKS' : ''}`),
  ]);
  const cbs = 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing';
  add(cbs, [dword('LastTrustTime', 0)]);
  add(`${cbs}\\Packages`);
  // Cumulative-update packages with their CurrentState (112 installed, 96 install pending, 64 staged).
  for (const item of state.rollupFixPackages) add(`${cbs}\\Packages\\${item.name}`, item.currentState === null ? [] : [dword('CurrentState', item.currentState)]);
  add(`${cbs}\\SessionsPending`);
  if (markers.includes('ComponentBasedServicing.RebootPending')) add(`${cbs}\\RebootPending`);
  if (markers.includes('ComponentBasedServicing.PackagesPending')) add(`${cbs}\\PackagesPending`);
  const wu = 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update';
  add(wu, [dword('AUOptions', 4)]);
  add(`${wu}\\Results`);
  if (markers.includes('WindowsUpdate.RebootRequired')) add(`${wu}\\RebootRequired`);
  const renamed = markers.includes('ComputerRenamePending');
  add('SYSTEM\\CurrentControlSet\\Control\\ComputerName');
  add('SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ActiveComputerName', [sz('ComputerName', state.host.computerName)]);
  add('SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName', [sz('ComputerName', renamed ? `${state.host.computerName}-NEW` : state.host.computerName)]);
  add('SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters', [sz('Hostname', state.host.computerName), sz('Domain', machine.dnsDomain() ?? '')]);
  add('SOFTWARE\\Microsoft\\Cryptography', [sz('MachineGuid', machine.machineGuid())]);
  const update = state.rootAutoUpdate;
  if (update.disabledByPolicy !== null) add('SOFTWARE\\Policies\\Microsoft\\SystemCertificates\\AuthRoot', [dword('DisableRootAutoUpdate', update.disabledByPolicy ? 1 : 0)]);
  add('SOFTWARE\\Microsoft\\SystemCertificates\\AuthRoot\\AutoUpdate', [dword('DisallowedCertLastSyncTime', 0), ...(update.rootDirUrl ? [sz('RootDirURL', update.rootDirUrl)] : [])]);
  const uninstall = 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall';
  const uninstall32 = 'SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall';
  add(uninstall);
  if (state.os.architecture !== 'x86') add(uninstall32);
  state.products.forEach((product, index) => {
    const trend = /trend micro/i.test(product.publisher ?? '') || /trend micro|apex one|officescan/i.test(product.name);
    const parent = trend && state.os.architecture !== 'x86' ? uninstall32 : uninstall;
    add(`${parent}\\{${(0x1000_0000 + index * 7919).toString(16).toUpperCase()}-0000-4A3C-9C1B-${String(index).padStart(12, '0')}}`, [
      sz('DisplayName', product.name),
      ...(product.version ? [sz('DisplayVersion', product.version)] : []),
      ...(product.publisher ? [sz('Publisher', product.publisher)] : []),
      dword('NoModify', 1),
    ]);
  });
  // Services (what sc qc reads; collect.ps1 reads ImagePath, DelayedAutostart and DependOnService here).
  add('SYSTEM\\CurrentControlSet\\Services');
  const startValue: Record<string, number> = { Boot: 0, System: 1, Automatic: 2, AutomaticDelayed: 2, Manual: 3, Disabled: 4 };
  for (const service of state.services) {
    add(`SYSTEM\\CurrentControlSet\\Services\\${service.name}`, [
      sz('DisplayName', service.displayName),
      { name: 'ImagePath', type: 'REG_EXPAND_SZ', data: service.imagePath },
      dword('Start', startValue[service.startType] ?? 3),
      dword('Type', 16),
      ...(service.startType === 'AutomaticDelayed' ? [dword('DelayedAutostart', 1)] : []),
      ...(service.dependsOn.length > 0 ? [{ name: 'DependOnService', type: 'REG_MULTI_SZ' as const, data: service.dependsOn.join('\\0') }] : []),
    ]);
  }
  // Physical certificate stores: one key per certificate, named by its thumbprint.
  const storeKeys = {
    GroupPolicy: 'SOFTWARE\\Policies\\Microsoft\\SystemCertificates\\Root\\Certificates',
    Enterprise: 'SOFTWARE\\Microsoft\\EnterpriseCertificates\\Root\\Certificates',
    Root: 'SOFTWARE\\Microsoft\\SystemCertificates\\Root\\Certificates',
    AuthRoot: 'SOFTWARE\\Microsoft\\SystemCertificates\\AuthRoot\\Certificates',
    Disallowed: 'SOFTWARE\\Microsoft\\SystemCertificates\\Disallowed\\Certificates',
  } as const;
  for (const [store, path] of Object.entries(storeKeys)) {
    add(path);
    for (const cert of state.certificateStores[store as keyof typeof storeKeys]) add(`${path}\\${cert.thumbprint}`, [{ name: 'Blob', type: 'REG_SZ', data: '(certificate)' }]);
  }
  return view;
}

/** Which probe section a registry key belongs to (for faults). */
function sectionOfKey(key: string): string {
  const lower = key.toLowerCase();
  if (lower.includes('windows nt\\currentversion') || lower.includes('session manager\\environment')) return 'os';
  if (lower.includes('uninstall')) return 'products';
  if (lower.includes('systemcertificates')) return 'rootAutoUpdate';
  if (lower.endsWith('\\activecomputername') || lower.includes('tcpip')) return 'host';
  if (lower.endsWith('control') && !lower.includes('session')) return 'bootConfiguration';
  return 'pendingReboot';
}

function formatKey(entry: { path: string; values: RegValue[] }, only?: string): string[] {
  const values = only ? entry.values.filter((value) => value.name.toLowerCase() === only.toLowerCase()) : entry.values;
  return [entry.path, ...values.map((value) => `    ${value.name}    ${value.type}    ${value.data}`), ''];
}

export function regQuery(machine: SimulatedMachine, args: readonly string[]): SimulatedCommandOutput {
  const keyArg = args[1] ?? '';
  const normalised = keyArg
    .replace(/^HKLM\\/i, '')
    .replace(/^HKEY_LOCAL_MACHINE\\/i, '')
    .replace(/\\+$/, '');
  const fault = machine.faultFor(sectionOfKey(normalised), 'builtin-tools');
  const language = machine.state.os.language;
  if (fault?.kind === 'access-denied') return { exitCode: 1, stdout: '', stderr: `${regAccessDeniedText(language)}\r\n`, durationMs: 20 };
  const view = registryView(machine);
  const entry = view.get(normalised.toLowerCase());
  const valueIndex = args.findIndex((arg) => arg.toLowerCase() === '/v');
  const valueName = valueIndex >= 0 ? args[valueIndex + 1] : undefined;
  const notFound: SimulatedCommandOutput = { exitCode: 1, stdout: '', stderr: `${regNotFoundText(language)}\r\n`, durationMs: 20 };
  if (!entry) return notFound;
  const prefix = `${entry.path.toLowerCase()}\\`;
  const descendants = [...view.values()].filter((candidate) => candidate.path.toLowerCase().startsWith(prefix)).sort((a, b) => a.path.localeCompare(b.path));
  let lines: string[];
  if (valueName !== undefined && hasArg(args, '/s')) {
    // reg query KEY /s /v NAME: every key below that has the value, then the count line reg.exe prints.
    const matching = [entry, ...descendants].filter((candidate) => candidate.values.some((value) => value.name.toLowerCase() === valueName.toLowerCase()));
    lines = ['', ...matching.flatMap((candidate) => formatKey(candidate, valueName)), `End of search: ${matching.length} match(es) found.`, ''];
  } else if (valueName !== undefined) {
    if (!entry.values.some((value) => value.name.toLowerCase() === valueName.toLowerCase())) return notFound;
    lines = ['', ...formatKey(entry, valueName)];
  } else if (hasArg(args, '/s')) {
    lines = ['', ...formatKey(entry), ...descendants.flatMap((descendant) => formatKey(descendant))];
  } else {
    const children = descendants.filter((descendant) => !descendant.path.slice(prefix.length).includes('\\'));
    lines = ['', ...formatKey(entry), ...children.map((child) => child.path), ''];
  }
  const output: SimulatedCommandOutput = { exitCode: 0, stdout: lines.join('\r\n'), durationMs: hasArg(args, '/s') ? 180 : 25 };
  return fault ? faultOutput(fault, output) : output;
}

export const regHandler: SimulatedCommandHandler = {
  name: 'reg query',
  matches: (request) => commandName(request.file) === 'reg' && request.args[0]?.toLowerCase() === 'query',
  run: ({ request, machine }) => regQuery(machine, request.args),
};
