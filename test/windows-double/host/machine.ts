// The mutable simulated Windows machine: its state plus the few rules of the simulated world that
// fix commands need (is an ACS-signed binary trusted now, what a service start does, what a restart
// makes effective). Independent of the diagnosis rules: this is how Windows behaves, not a judgement.
import { createHash } from 'node:crypto';
import { servicingBuilds } from '#product/catalogue/cumulative-updates.js';
import { ACS_ROOT_CERTIFICATE, TRUSTED_ROOT_STORES } from '#product/catalogue/root-certificate.js';
import type { SignatureStatus } from '#product/snapshot/schema.js';
import type { LocalFile, MachineState, SimulatedCertificate, SimulatedFault, SimulatedService, SimulatedStoreName } from './machine-state.js';
import { ci3004Message, scm7000Message, scm7001Message } from './messages.js';

/** Outcome of a simulated service start, as the SCM reports it. */
export interface ServiceStartOutcome {
  /** 0 on success; 577 when Code Integrity rejects an ACS-signed binary; 1068 when a dependency failed; 1060 when unknown. */
  win32ExitCode: number;
  started: boolean;
  /** Services started along the way (dependencies first), in order. */
  startedServices: string[];
}

export interface CommandLogEntry {
  file: string;
  args: readonly string[];
  at: string;
  exitCode: number | null;
}

export class SimulatedMachine {
  /** Every command the simulated runner answered, oldest first (tests assert on it). */
  readonly commandLog: CommandLogEntry[] = [];

  constructor(public state: MachineState) {
    // A profile without a boot time started two days before its clock (whole seconds, as WMI reports it).
    state.lastBootUpTime ??= new Date(Math.floor((Date.parse(state.now) - 2 * 86_400_000) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  }

  /** When Windows last started (Win32_OperatingSystem.LastBootUpTime); reboot() moves it on. */
  lastBootUpTime(): string {
    return this.state.lastBootUpTime!;
  }

  now(): Date {
    return new Date(this.state.now);
  }

  /** Moves the machine's clock forward (each command takes a little time). */
  advanceClock(ms: number): void {
    this.state.now = new Date(new Date(this.state.now).getTime() + ms).toISOString();
  }

  /** The MachineGuid Windows keeps in HKLM\SOFTWARE\Microsoft\Cryptography: made up from the computer
   * name, so each profile has its own, stable one (upper-case hex, as some images write it). */
  machineGuid(): string {
    const hex = createHash('sha256').update(`simulated-machine-guid:${this.state.host.computerName.toLowerCase()}`).digest('hex').toUpperCase();
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-A${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** The machine's DNS domain as Windows reports it (primary DNS suffix): "CONTOSO" -> "contoso.local". */
  dnsDomain(): string | null {
    const domain = this.state.host.domain;
    return domain ? `${domain.toLowerCase()}.local` : null;
  }

  // ---- certificates -------------------------------------------------------------------------

  storeHolds(store: SimulatedStoreName, thumbprint: string): boolean {
    return this.state.certificateStores[store].some((cert) => cert.thumbprint === thumbprint.toUpperCase());
  }

  /** Adds a certificate to a physical store (what certutil -addstore / Import-Certificate do). Idempotent. */
  addCertificate(store: SimulatedStoreName, certificate: SimulatedCertificate): void {
    if (!this.storeHolds(store, certificate.thumbprint)) this.state.certificateStores[store].push({ ...certificate });
  }

  removeCertificate(store: SimulatedStoreName, thumbprint: string): boolean {
    const list = this.state.certificateStores[store];
    const index = list.findIndex((cert) => cert.thumbprint === thumbprint.toUpperCase());
    if (index < 0) return false;
    list.splice(index, 1);
    return true;
  }

  /** Is the ACS root in one of the stores of the trusted LocalMachine Root view (and not disallowed)? */
  acsRootInTrustedStore(): boolean {
    const thumbprint = ACS_ROOT_CERTIFICATE.sha1Thumbprint;
    if (this.storeHolds('Disallowed', thumbprint)) return false;
    return TRUSTED_ROOT_STORES.some((store) => this.storeHolds(store, thumbprint));
  }

  /** Could Windows fetch the ACS root on demand right now (auto root update on, source reachable)? */
  acsRootFetchableByAutoUpdate(): boolean {
    const update = this.state.rootAutoUpdate;
    if (this.storeHolds('Disallowed', ACS_ROOT_CERTIFICATE.sha1Thumbprint)) return false;
    return update.disabledByPolicy !== true && update.reachable && this.state.acsRootInCtl;
  }

  /** Can a chain to the ACS root be built (user-mode view, what Get-AuthenticodeSignature sees)? */
  acsRootAvailable(): boolean {
    return this.acsRootInTrustedStore() || this.acsRootFetchableByAutoUpdate();
  }

  /**
   * Does this Windows, as it runs now, trust ACS-signed binaries? Needs the kernel's ACS support
   * (native, or an update installed AND the machine restarted) and the root available (in a trusted
   * store, or fetchable by automatic root update).
   */
  trustsAcsSignedBinaries(): boolean {
    return this.state.os.acsSupport && this.acsRootAvailable();
  }

  /** When Windows builds a chain through auto root update it stores the root in AuthRoot, as real Windows does. */
  private fetchAcsRootIfNeeded(): void {
    if (!this.acsRootInTrustedStore() && this.acsRootFetchableByAutoUpdate()) {
      this.addCertificate('AuthRoot', acsRootCertificate());
    }
  }

  // ---- binaries and signatures --------------------------------------------------------------

  binaryFor(path: string) {
    return this.state.binaries.find((binary) => binary.path.toLowerCase() === path.toLowerCase());
  }

  /** Get-AuthenticodeSignature's status for a file, following the machine's current trust state. */
  signatureStatus(path: string): SignatureStatus {
    const binary = this.binaryFor(path);
    if (!binary) return 'UnknownError';
    switch (binary.signing) {
      case 'unsigned':
        return 'NotSigned';
      case 'tampered':
        return 'HashMismatch';
      case 'classic':
        return 'Valid';
      case 'acs':
        if (this.acsRootAvailable()) {
          this.fetchAcsRootIfNeeded();
          return 'Valid';
        }
        return 'NotTrusted';
    }
  }

  // ---- services ------------------------------------------------------------------------------

  service(name: string): SimulatedService | undefined {
    return this.state.services.find((service) => service.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * Starts a service as the SCM would: dependencies first; an ACS-signed binary starts only when
   * Windows trusts ACS signatures, else exit code 577 with SCM 7000 "%%577" and CodeIntegrity 3004
   * (and 3104 for a protected service) in the logs. Disabled services fail with 1058.
   */
  startService(name: string, visiting: Set<string> = new Set()): ServiceStartOutcome {
    const service = this.service(name);
    if (!service) return { win32ExitCode: 1060, started: false, startedServices: [] };
    if (service.state === 'Running') return { win32ExitCode: 0, started: true, startedServices: [] };
    if (service.startType === 'Disabled') return { win32ExitCode: 1058, started: false, startedServices: [] };
    const startedServices: string[] = [];
    visiting.add(service.name.toLowerCase());
    for (const dependency of service.dependsOn) {
      if (visiting.has(dependency.toLowerCase())) continue;
      const outcome = this.startService(dependency, visiting);
      startedServices.push(...outcome.startedServices);
      if (!outcome.started) {
        const dependencyService = this.service(dependency);
        this.logEvent({
          log: 'System',
          provider: 'Service Control Manager',
          id: 7001,
          level: 'Error',
          data: [service.displayName, dependencyService?.displayName ?? dependency, `%%${outcome.win32ExitCode}`],
          message: scm7001Message(service.displayName, dependencyService?.displayName ?? dependency, outcome.win32ExitCode, this.state.os.language),
        });
        service.exitCode = 1068;
        return { win32ExitCode: 1068, started: false, startedServices };
      }
    }
    const binaryPath = executablePath(service.imagePath);
    const binary = this.binaryFor(binaryPath);
    const needsAcs = binary?.signing === 'acs';
    if (needsAcs && !this.trustsAcsSignedBinaries()) {
      this.recordSignatureRejection(service, binaryPath);
      service.state = 'Stopped';
      service.exitCode = 577;
      return { win32ExitCode: 577, started: false, startedServices };
    }
    if (needsAcs) this.fetchAcsRootIfNeeded();
    service.state = 'Running';
    service.exitCode = 0;
    startedServices.push(service.name);
    return { win32ExitCode: 0, started: true, startedServices };
  }

  stopService(name: string): boolean {
    const service = this.service(name);
    if (!service || service.state === 'Stopped') return false;
    service.state = 'Stopped';
    service.exitCode = 0;
    return true;
  }

  private recordSignatureRejection(service: SimulatedService, binaryPath: string): void {
    const language = this.state.os.language;
    const devicePath = toDevicePath(binaryPath);
    const servicesExe = '\\Device\\HarddiskVolume2\\Windows\\System32\\services.exe';
    this.logEvent({
      log: 'Microsoft-Windows-CodeIntegrity/Operational',
      provider: 'Microsoft-Windows-CodeIntegrity',
      id: 3004,
      level: 'Error',
      data: codeIntegrityData(devicePath, servicesExe),
      message: ci3004Message(devicePath, language),
    });
    if (service.protectedProcess) {
      // A protected anti-malware service whose file does not meet the signing level: 3033 for the file,
      // then 3089 with the signer's publisher and issuer, linked by one ActivityID. (3104 would be a
      // deny-list block, which this is not.) Field layout after the OSSEM data dictionary; simulated.
      const activityId = this.nextActivityId();
      this.logEvent({
        log: 'Microsoft-Windows-CodeIntegrity/Operational',
        provider: 'Microsoft-Windows-CodeIntegrity',
        id: 3033,
        level: 'Error',
        data: [...codeIntegrityData(devicePath, servicesExe), '12', '0', '-1073740760'],
        message: null,
        activityId,
      });
      const binary = this.binaryFor(binaryPath);
      const issuer = 'Microsoft ID Verified CS EOC CA 01';
      const publisher = binary?.signerSubject?.match(/CN=([^,]+)/)?.[1] ?? 'Unknown';
      this.logEvent({
        log: 'Microsoft-Windows-CodeIntegrity/Operational',
        provider: 'Microsoft-Windows-CodeIntegrity',
        id: 3089,
        level: 'Information',
        data: ['1', '0', '4', '32772', '20', '0', '0', '12', '2', '0', '0', String(publisher.length), publisher, String(issuer.length), issuer, '0', ''],
        message: null,
        activityId,
      });
    }
    this.logEvent({
      log: 'System',
      provider: 'Service Control Manager',
      id: 7000,
      level: 'Error',
      data: [service.displayName, '%%577'],
      message: scm7000Message(service.displayName, 577, language),
    });
  }

  /** A new correlation ActivityID for a group of Code Integrity events (deterministic per machine). */
  private nextActivityId(): string {
    const count = this.state.events.filter((event) => event.activityId).length + 1;
    return `4C0DE${String(count).padStart(3, '0')}-0000-4000-8000-${this.state.host.computerName.length.toString(16).padStart(12, '0')}`.toUpperCase();
  }

  /** Writes an event at the machine's clock (whole seconds, as the collector reports event times). */
  logEvent(event: Omit<MachineState['events'][number], 'time'>): void {
    this.advanceClock(1000);
    this.state.events.push({ ...event, time: this.state.now.replace(/\.\d{3}Z$/, 'Z') });
  }

  // ---- updates and restarts -------------------------------------------------------------------

  /**
   * Records an installed update package as wusa/DISM would: the KB is listed at once, a restart is
   * pending, and the new UBR and ACS support become effective on reboot(). Returns false when the
   * package does not apply (wrong build or architecture), which is WU_E_NOT_APPLICABLE on Windows.
   */
  installUpdatePackage(file: Extract<LocalFile, { kind: 'msu' | 'cab' }>): boolean {
    const os = this.state.os;
    if (file.architecture !== os.architecture) return false;
    if (file.forBuild !== null && file.forBuild !== os.currentBuild) return false;
    if (!this.state.hotfixes.some((hotfix) => hotfix.id === file.kb)) {
      this.state.hotfixes.push({ id: file.kb, installedOn: this.state.now.slice(0, 10), description: 'Update' });
    }
    const pending = this.state.pendingOnReboot ?? { ubr: null, acsSupport: false };
    if (file.resultingUbr !== null && (pending.ubr === null || file.resultingUbr > pending.ubr)) pending.ubr = file.resultingUbr;
    if (file.grantsAcsSupport) pending.acsSupport = true;
    this.state.pendingOnReboot = pending;
    // A cumulative update leaves its RollupFix package in Component Based Servicing, install pending
    // (CurrentState 96) until the restart; its version names the build.UBR it brings (19041.x for 2004–22H2).
    if (file.forBuild !== null && file.resultingUbr !== null) {
      const base = servicingBuilds(file.forBuild)[0] ?? file.forBuild;
      const arch = { x64: 'amd64', x86: 'x86', arm64: 'arm64' }[file.architecture];
      const name = `Package_for_RollupFix~31bf3856ad364e35~${arch}~~${base}.${file.resultingUbr}.1.7`;
      if (!this.state.rollupFixPackages.some((item) => item.name === name)) this.state.rollupFixPackages.push({ name, currentState: 96 });
    }
    for (const marker of ['ComponentBasedServicing.RebootPending', 'WindowsUpdate.RebootRequired'] as const) {
      if (!this.state.pendingRebootMarkers.includes(marker)) this.state.pendingRebootMarkers.push(marker);
    }
    return true;
  }

  /** Restarts Windows: pending changes take effect, markers clear, automatic services start. */
  reboot(): void {
    const pending = this.state.pendingOnReboot;
    if (pending) {
      if (pending.ubr !== null && (this.state.os.ubr === null || pending.ubr > this.state.os.ubr)) this.state.os.ubr = pending.ubr;
      if (pending.acsSupport) this.state.os.acsSupport = true;
    }
    this.state.pendingOnReboot = null;
    for (const item of this.state.rollupFixPackages) if (item.currentState === 96) item.currentState = 112;
    this.state.pendingRebootMarkers = [];
    this.advanceClock(90_000);
    this.state.bootCount += 1;
    this.state.lastBootUpTime = new Date(Math.floor(Date.parse(this.state.now) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    for (const service of this.state.services) {
      if (service.state !== 'Stopped') service.state = 'Stopped';
    }
    for (const service of this.state.services) {
      if (['Automatic', 'AutomaticDelayed', 'Boot', 'System'].includes(service.startType)) this.startService(service.name);
    }
  }

  // ---- faults --------------------------------------------------------------------------------

  faultFor(section: string, path: 'powershell' | 'builtin-tools'): SimulatedFault | undefined {
    return this.state.faults.find((fault) => fault.section === section && (fault.path === 'both' || fault.path === path));
  }
}

/** The ACS root as a store entry (what an import of the bundled .cer adds). */
export function acsRootCertificate(): SimulatedCertificate {
  return {
    thumbprint: ACS_ROOT_CERTIFICATE.sha1Thumbprint,
    subject: ACS_ROOT_CERTIFICATE.subject,
    issuer: ACS_ROOT_CERTIFICATE.subject,
    notBefore: ACS_ROOT_CERTIFICATE.notBefore,
    notAfter: ACS_ROOT_CERTIFICATE.notAfter,
    serialNumber: ACS_ROOT_CERTIFICATE.serialNumber,
  };
}

/** The executable of a service ImagePath: quotes and arguments removed, environment variables expanded. */
export function executablePath(imagePath: string): string {
  const trimmed = imagePath.trim();
  let path: string;
  if (trimmed.startsWith('"')) {
    const end = trimmed.indexOf('"', 1);
    path = end > 0 ? trimmed.slice(1, end) : trimmed.slice(1);
  } else {
    const exe = trimmed.search(/\.exe(\s|$)/i);
    path = exe >= 0 ? trimmed.slice(0, exe + 4) : (trimmed.split(' ')[0] ?? trimmed);
  }
  return path
    .replace(/%SystemRoot%/gi, 'C:\\Windows')
    .replace(/%ProgramFiles\(x86\)%/gi, 'C:\\Program Files (x86)')
    .replace(/%ProgramFiles%/gi, 'C:\\Program Files');
}

/** EventData of CodeIntegrity 3004/3104: FileNameLength, FileNameBuffer, ProcessNameLength, ProcessNameBuffer. */
export function codeIntegrityData(file: string, process: string): string[] {
  return [String(file.length), file, String(process.length), process];
}

/** C:\Program Files\… as Code Integrity writes it: \Device\HarddiskVolume2\Program Files\… */
export function toDevicePath(path: string): string {
  return path.replace(/^[A-Za-z]:\\/, '\\Device\\HarddiskVolume2\\');
}
