// The snapshot sections read with built-in tools (reg, certutil, sc, wevtutil, wmic, curl): each returns
// its value (or null) and the reasons it could not be read. Pure parsers live in parse-*.ts.
import { DEFAULT_ROOT_UPDATE_URL } from '../../catalogue/root-certificate.js';
import { findTrendAgentService, isTrendProductName } from '../../catalogue/trend-agents.js';
import type { Certificate, CertificateStore, Service, WindowsOs } from '../../snapshot/schema.js';
import { machineIdFromGuid } from '../../snapshot/machine-id.js';
import { CODE_INTEGRITY_EVENT_IDS, SCM_EVENT_IDS } from '../protocol.js';
import { parseCertutilStore } from './parse-certutil.js';
import { parseCurlReachable, parseSysteminfoHotfixes, parseWmicDateTime, parseWmicQfe } from './parse-misc.js';
import { findRegistryValue, normaliseKeyPath, parseRegQuery, registryNumber, type RegistryKey } from './parse-reg.js';
import { parseScQc, parseScQueryEx } from './parse-sc.js';
import { eventQuery, parseWevtutilXml } from './parse-wevtutil.js';
import { regNotFound, runTool, toolFailure, type ToolContext } from './tools.js';

export interface SectionResult {
  value: unknown;
  errors: string[];
}

export const CURRENT_VERSION_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';
export const ENVIRONMENT_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment';
export const ROOT_POLICY_KEY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\SystemCertificates\\AuthRoot';
export const ROOT_AUTO_UPDATE_KEY = 'HKLM\\SOFTWARE\\Microsoft\\SystemCertificates\\AuthRoot\\AutoUpdate';
export const ACTIVE_COMPUTER_NAME_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ActiveComputerName';
export const TCPIP_PARAMETERS_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters';
export const CRYPTOGRAPHY_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Cryptography';

/** reg query KEY [/v NAME]: the parsed keys, null when absent, or the failure. */
async function regQuery(context: ToolContext, args: string[]): Promise<{ keys: RegistryKey[] | null; error: string | null }> {
  const result = await runTool(context, 'reg.exe', ['query', ...args]);
  if (regNotFound(result)) return { keys: null, error: null };
  const failure = toolFailure(result, `reg query ${args.join(' ')}`);
  if (failure) return { keys: null, error: failure };
  const keys = parseRegQuery(result.stdout);
  if (!keys.some((key) => normaliseKeyPath(key.path) === normaliseKeyPath(args[0] ?? ''))) return { keys: null, error: `reg query ${args.join(' ')}: unreadable output` };
  return { keys, error: null };
}

export async function readHost(context: ToolContext): Promise<SectionResult> {
  const [name, tcpip, crypto] = await Promise.all([
    regQuery(context, [ACTIVE_COMPUTER_NAME_KEY, '/v', 'ComputerName']),
    regQuery(context, [TCPIP_PARAMETERS_KEY, '/v', 'Domain']),
    regQuery(context, [CRYPTOGRAPHY_KEY, '/v', 'MachineGuid']),
  ]);
  const computerName = name.keys ? findRegistryValue(name.keys, ACTIVE_COMPUTER_NAME_KEY, 'ComputerName')?.data : undefined;
  const errors = [name.error, tcpip.error].filter((error): error is string => error !== null);
  if (!computerName) return { value: null, errors: errors.length > 0 ? errors : ['the computer name is not in the registry'] };
  const domain = tcpip.keys ? findRegistryValue(tcpip.keys, TCPIP_PARAMETERS_KEY, 'Domain')?.data : undefined;
  // The machine id (hashed MachineGuid, as collect.ps1 computes it) is optional: without it the fleet keys by name.
  const machineGuid = crypto.keys ? findRegistryValue(crypto.keys, CRYPTOGRAPHY_KEY, 'MachineGuid')?.data : undefined;
  return { value: { computerName, domain: domain && domain !== '' ? domain : null, ...(machineGuid ? { machineId: machineIdFromGuid(machineGuid) } : {}) }, errors };
}

const ARCHITECTURES: Record<string, WindowsOs['architecture']> = { AMD64: 'x64', X86: 'x86', ARM64: 'arm64' };

export async function readOs(context: ToolContext): Promise<SectionResult> {
  const [version, environment, boot] = await Promise.all([
    regQuery(context, [CURRENT_VERSION_KEY]),
    regQuery(context, [ENVIRONMENT_KEY, '/v', 'PROCESSOR_ARCHITECTURE']),
    runTool(context, 'wbem\\WMIC.exe', ['os', 'get', 'LastBootUpTime', '/value']),
  ]);
  if (!version.keys) return { value: null, errors: [version.error ?? 'the Windows version key is missing from the registry'] };
  const value = (name: string) => findRegistryValue(version.keys!, CURRENT_VERSION_KEY, name);
  const errors: string[] = environment.error ? [environment.error] : [];
  const productName = value('ProductName')?.data;
  const build = Number.parseInt(value('CurrentBuild')?.data ?? value('CurrentBuildNumber')?.data ?? '', 10);
  if (!productName || !Number.isInteger(build) || build <= 0) return { value: null, errors: [...errors, 'the registry holds no ProductName or CurrentBuild'] };
  let installationType = value('InstallationType')?.data;
  if (installationType !== 'Client' && installationType !== 'Server' && installationType !== 'Server Core') {
    installationType = /server/i.test(productName) ? 'Server' : 'Client';
    errors.push(`InstallationType is missing; "${installationType}" was inferred from the product name`);
  }
  const architectureText = environment.keys ? findRegistryValue(environment.keys, ENVIRONMENT_KEY, 'PROCESSOR_ARCHITECTURE')?.data : undefined;
  const architecture = ARCHITECTURES[(architectureText ?? '').toUpperCase()];
  if (!architecture) errors.push(`the processor architecture is unknown ("${architectureText ?? ''}"); x64 is assumed`);
  return {
    value: {
      platform: 'windows',
      productName,
      editionId: value('EditionID')?.data ?? 'Unknown',
      installationType,
      currentBuild: build,
      ubr: registryNumber(value('UBR')),
      displayVersion: value('DisplayVersion')?.data || null,
      architecture: architecture ?? 'x64',
      currentVersion: value('CurrentVersion')?.data ?? null,
      csdVersion: value('CSDVersion')?.data || null,
      // When Windows last started (a restart is told apart from "restart later"); null without WMIC.
      lastBootUpTime: boot.exitCode === 0 && !boot.spawnError ? parseWmicDateTime(boot.stdout) : null,
    },
    errors,
  };
}

export async function readHotfixes(context: ToolContext): Promise<SectionResult> {
  const result = await runTool(context, 'wbem\\WMIC.exe', ['qfe', 'get', 'Description,HotFixID,InstalledOn']);
  if (result.spawnError?.code === 'ENOENT') {
    // WMIC is an optional feature from Windows 11 24H2 and Server 2025 on: systeminfo lists the KBs.
    const info = await runTool(context, 'systeminfo.exe', ['/fo', 'csv']);
    const infoFailure = toolFailure(info, 'systeminfo');
    if (infoFailure) return { value: null, errors: ['wmic is not installed', infoFailure] };
    const listed = parseSysteminfoHotfixes(info.stdout);
    if (!listed) return { value: null, errors: ['wmic is not installed', 'systeminfo: unreadable output'] };
    return { value: listed, errors: ['hotfixes: wmic is not installed; read from systeminfo, without installation dates'] };
  }
  const failure = toolFailure(result, 'wmic qfe');
  if (failure) return { value: null, errors: [failure] };
  const hotfixes = parseWmicQfe(result.stdout);
  if (hotfixes.length === 0 && !/HotFixID/i.test(result.stdout)) return { value: null, errors: ['wmic qfe: unreadable output'] };
  return { value: hotfixes, errors: [] };
}

interface CertutilRun {
  args: string[];
  store: CertificateStore;
}
const CERTUTIL_RUNS: CertutilRun[] = [
  { args: ['-GroupPolicy', '-store', 'Root'], store: 'GroupPolicy' },
  { args: ['-enterprise', '-store', 'Root'], store: 'Enterprise' },
  { args: ['-store', 'Root'], store: 'Root' },
  { args: ['-store', 'AuthRoot'], store: 'AuthRoot' },
  { args: ['-store', 'Disallowed'], store: 'Disallowed' },
];

export async function readCertificates(context: ToolContext): Promise<SectionResult> {
  const results = await Promise.all(CERTUTIL_RUNS.map((run) => runTool(context, 'certutil.exe', run.args)));
  const errors: string[] = [];
  const root: Certificate[] = [];
  const disallowed: Certificate[] = [];
  const seen = new Set<string>();
  let readable = 0;
  results.forEach((result, index) => {
    const run = CERTUTIL_RUNS[index]!;
    const failure = toolFailure(result, `certutil ${run.args.join(' ')}`);
    if (failure) return void errors.push(failure);
    const parsed = parseCertutilStore(result.stdout);
    if (parsed.unreadable > 0) errors.push(`certutil ${run.args.join(' ')}: ${parsed.unreadable} certificate entr${parsed.unreadable === 1 ? 'y' : 'ies'} unreadable`);
    if (parsed.certificates.length === 0 && !/CertUtil:/.test(result.stdout)) return void errors.push(`certutil ${run.args.join(' ')}: unreadable output`);
    readable++;
    for (const certificate of parsed.certificates) {
      if (run.store === 'Disallowed') disallowed.push({ ...certificate, store: 'Disallowed' });
      else if (!seen.has(certificate.thumbprint)) {
        // The logical Root view lists GroupPolicy and Enterprise roots too: those runs come first.
        seen.add(certificate.thumbprint);
        root.push({ ...certificate, store: run.store });
      }
    }
  });
  if (readable === 0) return { value: null, errors };
  return { value: { root, disallowed }, errors };
}

export async function readRootAutoUpdate(context: ToolContext, network: boolean, reachabilityTimeoutMs: number): Promise<SectionResult> {
  const [policy, autoUpdate] = await Promise.all([regQuery(context, [ROOT_POLICY_KEY, '/v', 'DisableRootAutoUpdate']), regQuery(context, [ROOT_AUTO_UPDATE_KEY, '/v', 'RootDirURL'])]);
  const errors = [policy.error, autoUpdate.error].filter((error): error is string => error !== null);
  if (policy.error && autoUpdate.error) return { value: null, errors };
  const disable = policy.keys ? registryNumber(findRegistryValue(policy.keys, ROOT_POLICY_KEY, 'DisableRootAutoUpdate')) : null;
  const rootDirUrl = autoUpdate.keys ? findRegistryValue(autoUpdate.keys, ROOT_AUTO_UPDATE_KEY, 'RootDirURL')?.data || null : null;
  let reachable: boolean | null = null;
  const source = rootDirUrl ?? DEFAULT_ROOT_UPDATE_URL;
  if (!network) errors.push('reachable: skipped: network checks are off');
  else if (!/^https?:\/\//i.test(source)) errors.push(`reachable: not checked: the root source ${source} is not a web address`);
  else {
    const url = `${source.replace(/\/?$/, '/')}authrootstl.cab`;
    const seconds = String(Math.max(1, Math.round(reachabilityTimeoutMs / 1000)));
    const result = await context.runner.run({
      file: `${process.env.SystemRoot ?? 'C:\\Windows'}\\System32\\curl.exe`,
      args: ['-sS', '-I', '-o', 'NUL', '--max-time', seconds, '-w', '%{http_code}', url],
      timeoutMs: reachabilityTimeoutMs + 3000,
      ...(context.signal ? { signal: context.signal } : {}),
    });
    if (result.spawnError) errors.push('reachable: not checked: curl.exe is not available on this Windows');
    else reachable = parseCurlReachable(result.stdout, result.exitCode);
  }
  return { value: { disabledByPolicy: disable === null ? null : disable !== 0, rootDirUrl, reachable }, errors };
}

export async function readServices(context: ToolContext, serviceNames: readonly string[]): Promise<SectionResult> {
  const result = await runTool(context, 'sc.exe', ['queryex', 'type=', 'service', 'state=', 'all']);
  const failure = toolFailure(result, 'sc queryex');
  if (failure) return { value: null, errors: [failure] };
  const statuses = parseScQueryEx(result.stdout);
  if (statuses.length === 0) return { value: null, errors: ['sc queryex: unreadable output'] };
  const wanted = new Set(serviceNames.map((name) => name.toLowerCase()));
  const agents = statuses.filter((status) => wanted.has(status.name.toLowerCase()) || findTrendAgentService({ name: status.name, displayName: status.displayName }) !== null);
  const errors: string[] = [];
  const services = await Promise.all(
    agents.map(async (status): Promise<Service> => {
      const qc = await runTool(context, 'sc.exe', ['qc', status.name, '8192']);
      const config = toolFailure(qc, `sc qc ${status.name}`) ? null : parseScQc(qc.stdout);
      if (!config) errors.push(toolFailure(qc, `sc qc ${status.name}`) ?? `sc qc ${status.name}: unreadable output`);
      return {
        name: status.name,
        displayName: status.displayName,
        state: status.state,
        startType: config?.startType ?? 'Manual',
        exitCode: status.win32ExitCode,
        imagePath: config?.binaryPath ?? null,
        ...(config ? { dependsOn: config.dependencies } : {}),
      };
    }),
  );
  if (errors.length > 0) errors.push('startType is "Manual" where sc qc could not be read');
  return { value: services, errors };
}

const EVENT_LOGS = [
  { log: 'System', provider: 'Service Control Manager', ids: [...SCM_EVENT_IDS] },
  { log: 'Microsoft-Windows-CodeIntegrity/Operational', provider: 'Microsoft-Windows-CodeIntegrity', ids: [...CODE_INTEGRITY_EVENT_IDS] },
];

export async function readEvents(context: ToolContext, days: number, maxPerLog: number): Promise<SectionResult> {
  const errors: string[] = [];
  let readable = 0;
  const lists = await Promise.all(
    EVENT_LOGS.map(async ({ log, provider, ids }) => {
      const result = await runTool(context, 'wevtutil.exe', ['qe', log, `/q:${eventQuery(provider, ids, days)}`, `/c:${maxPerLog}`, '/rd:true', '/f:RenderedXml']);
      const failure = toolFailure(result, `wevtutil qe ${log}`);
      if (failure) return void errors.push(failure);
      const parsed = parseWevtutilXml(result.stdout);
      if (parsed.unreadable > 0 || (parsed.events.length === 0 && result.stdout.trim() !== '')) errors.push(`wevtutil qe ${log}: ${parsed.unreadable || 'some'} event(s) unreadable`);
      readable++;
      return parsed.events;
    }),
  );
  if (readable === 0) return { value: null, errors };
  return { value: lists.flatMap((list) => list ?? []), errors };
}

const UNINSTALL_KEYS = ['HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall', 'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall'];

export async function readProducts(context: ToolContext): Promise<SectionResult> {
  const results = await Promise.all(UNINSTALL_KEYS.map((key) => regQuery(context, [key, '/s'])));
  const errors = results.map((result) => result.error).filter((error): error is string => error !== null);
  if (results.every((result) => result.keys === null)) return { value: null, errors: errors.length > 0 ? errors : ['no Uninstall key in the registry'] };
  const products = results
    .flatMap((result) => result.keys ?? [])
    .flatMap((key) => {
      const name = key.values.find((value) => value.name === 'DisplayName')?.data;
      const publisher = key.values.find((value) => value.name === 'Publisher')?.data ?? null;
      if (!name || !(isTrendProductName(name) || /trend micro/i.test(publisher ?? ''))) return [];
      return [{ name, version: key.values.find((value) => value.name === 'DisplayVersion')?.data ?? null, publisher }];
    });
  return { value: products, errors };
}
