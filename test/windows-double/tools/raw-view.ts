// The raw Windows view of a simulated machine: what the Windows APIs a PowerShell script calls would
// return on that machine (registry keys and values, certificate stores, WMI/CIM instances, event-log
// records, Authenticode answers, environment values). The PowerShell Windows double
// (test/windows-double/pwsh/WindowsDouble.psm1) answers Get-ItemProperty, Get-ChildItem, Get-CimInstance,
// Get-WinEvent, Get-AuthenticodeSignature … from this view, so the shipped scripts run unchanged under
// pwsh. One profile describes one machine for both the TypeScript host and the PowerShell double.
//
// This is the simulated world, written from Microsoft's documentation of where Windows keeps each value;
// none of it has been compared with a real Windows machine (docs/probe.md says so).
import { ACS_ROOT_CERTIFICATE } from '#product/catalogue/root-certificate.js';
import { authenticodeStatusMessage, installedOnText, win32ErrorText } from '../host/messages.js';
import { executablePath, SimulatedMachine } from '../host/machine.js';
import type { MachineState, SimulatedCertificate } from '../host/machine-state.js';
import { registryView } from '../host/tools/registry.js';
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
  events: { LogName: string; ProviderName: string; Id: number; TimeCreated: string; Level: string; Data: string[]; Message: string | null }[];
  files: ViewFile[];
  /** Faults of the PowerShell path: the cmdlet that serves the section hangs or is denied. */
  faults: { section: string; kind: string; message: string }[];
  user: { name: string; isAdmin: boolean; elevated: boolean; uacAnswer: 'accept' | 'decline' };
  now: string;
}

const INTERMEDIATES = {
  acs: [
    { Subject: 'CN=Microsoft ID Verified CS EOC CA 01, O=Microsoft Corporation, C=US', Issuer: 'CN=Microsoft ID Verified Code Signing PCA 2021, O=Microsoft Corporation, C=US' },
    { Subject: 'CN=Microsoft ID Verified Code Signing PCA 2021, O=Microsoft Corporation, C=US', Issuer: ACS_ROOT_CERTIFICATE.subject },
  ],
};
const DIGICERT_ASSURED_ID_ROOT: ViewCertificate = {
  Thumbprint: '0563B8630D62D75ABBC8AB1E4BDFB5A899B24D43',
  Subject: 'CN=DigiCert Assured ID Root CA, OU=www.digicert.com, O=DigiCert Inc, C=US',
  Issuer: 'CN=DigiCert Assured ID Root CA, OU=www.digicert.com, O=DigiCert Inc, C=US',
  NotBefore: '2006-11-10T00:00:00Z',
  NotAfter: '2031-11-10T00:00:00Z',
  SerialNumber: '0CE7E0E517D846FE8FE560FC1BF03039',
};
const MICROSOFT_ROOT_2010: ViewCertificate = {
  Thumbprint: '3B1EFD3A66EA28B16697394703A72CA340A05BD5',
  Subject: 'CN=Microsoft Root Certificate Authority 2010, O=Microsoft Corporation, L=Redmond, S=Washington, C=US',
  Issuer: 'CN=Microsoft Root Certificate Authority 2010, O=Microsoft Corporation, L=Redmond, S=Washington, C=US',
  NotBefore: '2010-06-23T21:57:24Z',
  NotAfter: '2035-06-23T22:04:01Z',
  SerialNumber: '28CC3A25BFBA44AC449A9B586B4339AA',
};

/** A self-signed root of a publisher that is not Microsoft (any signer without O=Microsoft Corporation). */
const LOOKALIKE_ROOT: ViewCertificate = {
  Thumbprint: '0E5B1D9F3A7C2E4B6D8F0A1C3E5B7D9F1A3C5E7B',
  Subject: 'CN=Evil Ltd Root CA, O=Evil Ltd',
  Issuer: 'CN=Evil Ltd Root CA, O=Evil Ltd',
  NotBefore: '2024-01-01T00:00:00Z',
  NotAfter: '2034-01-01T00:00:00Z',
  SerialNumber: '0A',
};

/** The value of one attribute of an X.500 name as Windows prints it (RFC 4514 quoting: "…" and \,). */
export function distinguishedNameValue(name: string, attribute: string): string | null {
  let i = 0;
  while (i < name.length) {
    while (name[i] === ' ') i++;
    const eq = name.indexOf('=', i);
    if (eq < 0) return null;
    const key = name.slice(i, eq).trim();
    let value = '';
    i = eq + 1;
    if (name[i] === '"') {
      i++;
      while (i < name.length && name[i] !== '"') value += name[i++];
      i++;
      while (i < name.length && name[i] !== ',') i++;
    } else {
      while (i < name.length && name[i] !== ',') {
        if (name[i] === '\\' && i + 1 < name.length) i++;
        value += name[i++];
      }
    }
    i++;
    if (key.toUpperCase() === attribute.toUpperCase()) return value.trim();
  }
  return null;
}

/** A reg.exe value as the registry provider returns it (REG_DWORD a number, REG_MULTI_SZ a string array). */
function providerValue(value: { type: string; data: string }): RegistryValue {
  if (value.type === 'REG_DWORD') return { type: 'DWord', value: Number.parseInt(value.data, 16) };
  if (value.type === 'REG_MULTI_SZ') return { type: 'MultiString', value: value.data.split('\\0').filter((item, index, all) => item !== '' || index < all.length - 2) };
  return { type: value.type === 'REG_EXPAND_SZ' ? 'ExpandString' : 'String', value: value.data };
}

function viewCert(cert: SimulatedCertificate): ViewCertificate {
  return { Thumbprint: cert.thumbprint, Subject: cert.subject, Issuer: cert.issuer, NotBefore: cert.notBefore, NotAfter: cert.notAfter, SerialNumber: cert.serialNumber };
}

function leaf(subject: string, issuer: string): ViewCertificate {
  return { Thumbprint: '', Subject: subject, Issuer: issuer, NotBefore: '2024-01-01T00:00:00Z', NotAfter: '2027-01-01T00:00:00Z', SerialNumber: '01' };
}

const SERVICE_STATE_WMI: Record<string, string> = {
  Running: 'Running', Stopped: 'Stopped', StartPending: 'Start Pending', StopPending: 'Stop Pending', Paused: 'Paused', ContinuePending: 'Continue Pending', PausePending: 'Pause Pending',
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
      Name: service.name, DisplayName: service.displayName, State: SERVICE_STATE_WMI[service.state] ?? service.state, StartMode: START_MODE_WMI[service.startType] ?? 'Manual', ExitCode: service.exitCode, PathName: service.imagePath,
    })),
    Win32_OperatingSystem: [{ Caption: `Microsoft ${os.productName}`, BuildNumber: String(os.currentBuild), OSArchitecture: os.architecture === 'x86' ? '32-bit' : '64-bit' }],
  };

  // Files with Authenticode answers: agent binaries and local update packages.
  const files: ViewFile[] = [];
  for (const binary of state.binaries) {
    const status = probe.signatureStatus(binary.path);
    const chain: ViewCertificate[] = [];
    if (binary.signing !== 'unsigned') {
      const signer = binary.signerSubject ?? 'CN=Unknown';
      if (binary.signing === 'acs') {
        chain.push(leaf(signer, INTERMEDIATES.acs[0]!.Subject), ...INTERMEDIATES.acs.map((cert) => leaf(cert.Subject, cert.Issuer)), viewCert(acsRootFromCatalogue()));
      } else {
        chain.push(leaf(signer, 'CN=DigiCert SHA2 Assured ID Code Signing CA, OU=www.digicert.com, O=DigiCert Inc, C=US'), DIGICERT_ASSURED_ID_ROOT);
      }
    }
    files.push({ path: binary.path, kind: 'binary', signature: { Status: status, StatusMessage: authenticodeStatusMessage(status, os.language), SignerSubject: binary.signing === 'unsigned' ? null : (binary.signerSubject ?? null), chain } });
  }
  for (const file of state.localFiles) {
    if (file.kind === 'cer') {
      files.push({ path: file.path, kind: 'certificate', signature: { Status: 'UnknownError', StatusMessage: authenticodeStatusMessage('UnknownError', os.language), SignerSubject: null, chain: [] } });
      continue;
    }
    const status = file.signatureValid ? 'Valid' : 'HashMismatch';
    // Windows builds the chain to the issuer that really signed: Microsoft's only when the signer's own
    // O= is Microsoft Corporation (a quoted OU that merely contains the text is someone else's).
    const chain = distinguishedNameValue(file.signer, 'O') === 'Microsoft Corporation'
      ? [leaf(file.signer, 'CN=Microsoft Windows Production PCA 2011, O=Microsoft Corporation, L=Redmond, S=Washington, C=US'), MICROSOFT_ROOT_2010]
      : [leaf(file.signer, LOOKALIKE_ROOT.Subject), LOOKALIKE_ROOT];
    // sha256: the content of the real file that stands for this package on the double (ACS_DOUBLE_DRIVES).
    files.push({ path: file.path, kind: 'package', sha256: simulatedFileSha256(file), signature: { Status: status, StatusMessage: authenticodeStatusMessage(status, os.language), SignerSubject: file.signer, chain } });
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
    events: state.events.map((event) => ({ LogName: event.log, ProviderName: event.provider, Id: event.id, TimeCreated: event.time, Level: event.level, Data: [...event.data], Message: event.message })),
    files,
    faults,
    user: { name: state.user.name, isAdmin: state.user.isAdmin, elevated: state.user.elevated, uacAnswer: state.user.uacAnswer },
    now: state.now,
  };
}

function acsRootFromCatalogue(): SimulatedCertificate {
  return {
    thumbprint: ACS_ROOT_CERTIFICATE.sha1Thumbprint, subject: ACS_ROOT_CERTIFICATE.subject, issuer: ACS_ROOT_CERTIFICATE.subject,
    notBefore: ACS_ROOT_CERTIFICATE.notBefore, notAfter: ACS_ROOT_CERTIFICATE.notAfter, serialNumber: ACS_ROOT_CERTIFICATE.serialNumber,
  };
}

/** The executable a service runs (re-exported for the fake tools). */
export { executablePath };
