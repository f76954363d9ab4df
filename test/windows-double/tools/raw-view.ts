// The raw Windows view of a simulated machine: what the Windows APIs a PowerShell script calls would
// return on that machine (registry keys and values, certificate stores, WMI/CIM instances, event-log
// records, Authenticode answers, environment values). The PowerShell Windows double
// (test/windows-double/pwsh/WindowsDouble.psm1) answers Get-ItemProperty, Get-ChildItem, Get-CimInstance,
// Get-WinEvent, Get-AuthenticodeSignature … from this view, so the shipped scripts run unchanged under
// pwsh. One profile describes one machine for both the TypeScript host and the PowerShell double.
//
// This is the simulated world, written from Microsoft's documentation of where Windows keeps each value;
// none of it has been compared with a real Windows machine (docs/probe.md says so).
import { authenticodeStatusMessage, installedOnText, win32ErrorText } from '../host/messages.js';
import { executablePath, SimulatedMachine } from '../host/machine.js';
import type { MachineState, SimulatedCertificate } from '../host/machine-state.js';
import { registryView } from '../host/tools/registry.js';
import { binaryChain, packageChain, type ChainCertificate } from '../host/signing.js';

export { distinguishedNameValue } from '../host/signing.js';
import { simulatedFileSha256 } from '../host/fix-commands/state.js';

export type RegistryValue = { type: 'String' | 'ExpandString' | 'DWord' | 'MultiString'; value: string | number | string[] };
export interface RegistryKey {
  /** Path below HKLM:\ with Windows' own capitalisation, e.g. SOFTWARE\Microsoft\Windows NT\CurrentVersion. */
  path: string;
  values: Record<string, RegistryValue>;
}

export interface ViewCertificate {
  Thumbprint: string;
  Subject: string;
  Issuer: string;
  NotBefore: string;
  NotAfter: string;
  SerialNumber: string;
}

export interface ViewFile {
  path: string;
  kind: 'binary' | 'package' | 'certificate';
  /** Packages: SHA-256 of the real file standing for it (JSON of the profile entry), see fake-tool.ts. */
  sha256?: string;
  signature: { Status: string; StatusMessage: string; SignerSubject: string | null; chain: ViewCertificate[] };
}

export interface RawWindowsView {
  format: 'acs-windows-double-view';
  env: Record<string, string>;
  language: string;
  languageMode: 'FullLanguage' | 'ConstrainedLanguage';
  /** [System.Management.Automation.Security.SystemPolicy]::GetSystemLockdownPolicy(): None | Audit | Enforce. */
  lockdownPolicy: 'None' | 'Audit' | 'Enforce';
  registry: RegistryKey[];
  certificateStores: Record<'Root' | 'AuthRoot' | 'Disallowed' | 'CA', ViewCertificate[]>;
  wmi: Record<string, Record<string, unknown>[]>;
  eventLogs: string[];
  events: { LogName: string; ProviderName: string; Id: number; TimeCreated: string; Level: string; Data: string[]; Message: string | null; ActivityId: string | null }[];
  files: ViewFile[];
  /** Faults of the PowerShell path: the cmdlet that serves the section hangs or is denied. */
  faults: { section: string; kind: string; message: string }[];
  user: { name: string; isAdmin: boolean; elevated: boolean; uacAnswer: 'accept' | 'decline' };
  now: string;
}

/** A reg.exe value as the registry provider returns it (REG_DWORD a number, REG_MULTI_SZ a string array). */
function providerValue(value: { type: string; data: string }): RegistryValue {
  if (value.type === 'REG_DWORD') return { type: 'DWord', value: Number.parseInt(value.data, 16) };
  if (value.type === 'REG_MULTI_SZ') return { type: 'MultiString', value: value.data.split('\\0').filter((item, index, all) => item !== '' || index < all.length - 2) };
  return { type: value.type === 'REG_EXPAND_SZ' ? 'ExpandString' : 'String', value: value.data };
}

function chainCert(cert: ChainCertificate): ViewCertificate {
  return { Thumbprint: cert.thumbprint, Subject: cert.subject, Issuer: cert.issuer, NotBefore: cert.notBefore, NotAfter: cert.notAfter, SerialNumber: cert.serialNumber };
}

function viewCert(cert: SimulatedCertificate): ViewCertificate {
  return { Thumbprint: cert.thumbprint, Subject: cert.subject, Issuer: cert.issuer, NotBefore: cert.notBefore, NotAfter: cert.notAfter, SerialNumber: cert.serialNumber };
}

const SERVICE_STATE_WMI: Record<string, string> = {
  Running: 'Running',
  Stopped: 'Stopped',
  StartPending: 'Start Pending',
  StopPending: 'Stop Pending',
  Paused: 'Paused',
  ContinuePending: 'Continue Pending',
  PausePending: 'Pause Pending',
};
const START_MODE_WMI: Record<string, string> = { Automatic: 'Auto', AutomaticDelayed: 'Auto', Manual: 'Manual', Disabled: 'Disabled', Boot: 'Boot', System: 'System' };
const SECTION_OF_FAULT = ['host', 'os', 'hotfixes', 'certificates', 'rootAutoUpdate', 'services', 'signatures', 'events', 'products', 'pendingReboot', 'bootConfiguration'];

/** The raw view of a machine as it is now. Reading it changes nothing (signature checks run on a copy). */
export function rawWindowsView(state: MachineState): RawWindowsView {
  // Authenticode answers come from a copy: on Windows a chain build may fetch the root, which the
  // simulated machine models as a state change; the view itself must not change the machine.
  const probe = new SimulatedMachine(structuredClone(state));
  // The registry: the same keys and values `reg query` prints on this machine (one definition, in
  // ../host/tools/registry.ts), as the registry provider hands them to PowerShell.
  const registry: RegistryKey[] = [...registryView(probe).values()].map((entry) => ({
    path: entry.path.replace(/^HKEY_LOCAL_MACHINE\\/, ''),
    values: Object.fromEntries(entry.values.map((value) => [value.name, providerValue(value)])),
  }));
  const os = state.os;
  const computerName = state.host.computerName;

  // Logical LocalMachine stores, as the Cert: drive shows them (the Root view includes the Group
  // Policy, Enterprise and third-party physical stores).
  const rootView = (['GroupPolicy', 'Enterprise', 'Root', 'AuthRoot'] as const).flatMap((store) => state.certificateStores[store].map(viewCert));
  const certificateStores = {
    Root: rootView,
    AuthRoot: state.certificateStores.AuthRoot.map(viewCert),
    Disallowed: state.certificateStores.Disallowed.map(viewCert),
    CA: [],
  };

  // WMI / CIM.
  const wmi: RawWindowsView['wmi'] = {
    Win32_QuickFixEngineering: state.hotfixes.map((hotfix) => ({ HotFixID: hotfix.id, InstalledOn: installedOnText(hotfix.installedOn, os.language), Description: hotfix.description ?? '' })),
    Win32_Service: state.services.map((service) => ({
      Name: service.name,
      DisplayName: service.displayName,
      State: SERVICE_STATE_WMI[service.state] ?? service.state,
      StartMode: START_MODE_WMI[service.startType] ?? 'Manual',
      ExitCode: service.exitCode,
      PathName: service.imagePath,
    })),
    Win32_OperatingSystem: [
      { Caption: `Microsoft ${os.productName}`, BuildNumber: String(os.currentBuild), OSArchitecture: os.architecture === 'x86' ? '32-bit' : '64-bit', LastBootUpTime: probe.lastBootUpTime() },
    ],
  };

  // Files with Authenticode answers: agent binaries and local update packages.
  const files: ViewFile[] = [];
  for (const binary of state.binaries) {
    const status = probe.signatureStatus(binary.path);
    files.push({
      path: binary.path,
      kind: 'binary',
      signature: {
        Status: status,
        StatusMessage: authenticodeStatusMessage(status, os.language),
        SignerSubject: binary.signing === 'unsigned' ? null : (binary.signerSubject ?? null),
        chain: binaryChain(binary).map(chainCert),
      },
    });
  }
  for (const file of state.localFiles) {
    if (file.kind === 'cer') {
      files.push({
        path: file.path,
        kind: 'certificate',
        signature: { Status: 'UnknownError', StatusMessage: authenticodeStatusMessage('UnknownError', os.language), SignerSubject: null, chain: [] },
      });
      continue;
    }
    const status = file.signatureValid ? 'Valid' : 'HashMismatch';
    // sha256: the content of the real file that stands for this package on the double (ACS_DOUBLE_DRIVES).
    files.push({
      path: file.path,
      kind: 'package',
      sha256: simulatedFileSha256(file),
      signature: { Status: status, StatusMessage: authenticodeStatusMessage(status, os.language), SignerSubject: file.signer, chain: packageChain(file).map(chainCert) },
    });
  }

  const faults = state.faults
    .filter((fault) => fault.path !== 'builtin-tools' && SECTION_OF_FAULT.includes(fault.section))
    .map((fault) => ({ section: fault.section, kind: fault.kind, message: fault.kind === 'access-denied' ? win32ErrorText(5, os.language) : '' }));

  return {
    format: 'acs-windows-double-view',
    env: {
      COMPUTERNAME: computerName,
      USERNAME: state.user.name,
      USERDOMAIN: state.host.domain ?? computerName,
      PROCESSOR_ARCHITECTURE: os.architecture === 'x86' ? 'x86' : os.architecture === 'arm64' ? 'ARM64' : 'AMD64',
      SystemRoot: 'C:\\Windows',
      windir: 'C:\\Windows',
    },
    language: os.language,
    languageMode: state.powershell.availability === 'constrained-language' ? 'ConstrainedLanguage' : 'FullLanguage',
    lockdownPolicy: state.powershell.lockdownPolicy ?? 'None',
    registry,
    certificateStores,
    wmi,
    eventLogs: ['System', 'Application', 'Microsoft-Windows-CodeIntegrity/Operational'],
    events: state.events.map((event) => ({
      LogName: event.log,
      ProviderName: event.provider,
      Id: event.id,
      TimeCreated: event.time,
      Level: event.level,
      Data: [...event.data],
      Message: event.message,
      ActivityId: event.activityId ?? null,
    })),
    files,
    faults,
    user: { name: state.user.name, isAdmin: state.user.isAdmin, elevated: state.user.elevated, uacAnswer: state.user.uacAnswer },
    now: state.now,
  };
}

/** The executable a service runs (re-exported for the fake tools). */
export { executablePath };
