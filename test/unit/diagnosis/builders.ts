// Builds snapshots for rule tests: a healthy Windows 10 22H2 machine with Apex One, changed per test.
import type { Service, Snapshot, SnapshotEvent, WindowsOs } from '../../../src-main/snapshot/schema.js';
import { ACS_ROOT_CERTIFICATE } from '../../../src-main/catalogue/root-certificate.js';

export const ACS_ROOT = ACS_ROOT_CERTIFICATE.sha1Thumbprint;
export const APEX = 'C:\\Program Files (x86)\\Trend Micro\\Security Agent';

export function windowsOs(currentBuild: number, ubr: number | null, installationType: WindowsOs['installationType'] = 'Client'): WindowsOs {
  return { productName: 'Windows 10 Pro', editionId: 'Professional', installationType, currentBuild, ubr, displayVersion: null, architecture: 'x64' };
}

export function rootCert(store: 'Root' | 'AuthRoot' | 'GroupPolicy' | 'Enterprise' | 'SmartCardRoot' | 'Disallowed', thumbprint: string = ACS_ROOT) {
  return { thumbprint, subject: `CN=${ACS_ROOT_CERTIFICATE.name}`, issuer: `CN=${ACS_ROOT_CERTIFICATE.name}`, notBefore: '2020-04-16T18:36:16Z', notAfter: '2045-04-16T18:44:40Z', store };
}

export function apexService(name: string, displayName: string, exe: string, changes: Partial<Service> = {}): Service {
  return { name, displayName, state: 'Running', startType: 'Automatic', exitCode: 0, imagePath: `"${APEX}\\${exe}"`, ...changes };
}

export function scmEvent(id: number, data: string[], message: string | null = null): SnapshotEvent {
  return { log: 'System', provider: 'Service Control Manager', id, time: '2026-11-19T08:00:00Z', data, message };
}

export function codeIntegrityEvent(id: number, file: string): SnapshotEvent {
  return { log: 'Microsoft-Windows-CodeIntegrity/Operational', provider: 'Microsoft-Windows-CodeIntegrity', id, time: '2026-11-19T08:00:00Z', data: [String(file.length), file], message: null };
}

export function makeSnapshot(changes: Partial<Snapshot> = {}): Snapshot {
  return {
    format: 'acs-snapshot',
    version: 1,
    collectedAt: '2026-11-20T09:00:00Z',
    collector: { name: 'test', version: '1', elevated: false },
    host: { computerName: 'PC-1', domain: null },
    os: windowsOs(19045, 6691),
    hotfixes: [],
    certificates: { root: [], disallowed: [] },
    rootAutoUpdate: { disabledByPolicy: false, rootDirUrl: null, reachable: true },
    services: [apexService('ntrtscan', 'Apex One NT RealTime Scan', 'NTRtScan.exe'), apexService('TmListen', 'Apex One NT Listener', 'TmListen.exe')],
    signatures: [],
    events: [],
    products: [{ name: 'Trend Micro Apex One Security Agent', version: '14.0.12380', publisher: 'Trend Micro Inc.' }],
    pendingReboot: { required: false, reasons: [] },
    bootConfiguration: { testSigning: false, noIntegrityChecks: false },
    errors: [],
    ...changes,
  };
}

/** Apex One with the scan service failing with 577 and the listener waiting on it. */
export function failingServices(): Service[] {
  return [
    apexService('ntrtscan', 'Apex One NT RealTime Scan', 'NTRtScan.exe', { state: 'Stopped', exitCode: 577 }),
    apexService('TmListen', 'Apex One NT Listener', 'TmListen.exe', { state: 'Stopped', exitCode: 1068 }),
  ];
}

const VOLUME = '\\Device\\HarddiskVolume3';
/** A device path as Code Integrity writes it ("C:\\x" -> "\\Device\\HarddiskVolume3\\x"). */
export function devicePath(path: string): string {
  return path.replace(/^[A-Z]:/i, VOLUME);
}

/** Code Integrity 3033 with its manifest layout: file (%2) that failed, process (%4) that loaded it, levels, status. */
export function ci3033(file: string, process: string, options: { time?: string; activityId?: string } = {}): SnapshotEvent {
  const f = devicePath(file);
  const p = devicePath(process);
  return {
    log: 'Microsoft-Windows-CodeIntegrity/Operational',
    provider: 'Microsoft-Windows-CodeIntegrity',
    id: 3033,
    time: options.time ?? '2026-11-19T08:00:00Z',
    data: [String(f.length), f, String(p.length), p, '12', '0', '0xc0000428'],
    message: null,
    ...(options.activityId ? { activityId: options.activityId } : {}),
  };
}

/** Code Integrity 3089 with its manifest layout: no file name; publisher (%13) and issuer (%15) of one signature. */
export function ci3089(publisher: string, issuer: string, options: { time?: string; activityId?: string } = {}): SnapshotEvent {
  return {
    log: 'Microsoft-Windows-CodeIntegrity/Operational',
    provider: 'Microsoft-Windows-CodeIntegrity',
    id: 3089,
    time: options.time ?? '2026-11-19T08:00:00Z',
    data: ['1', '0', '32', '5C0B2E…', '1', '12', '27', '0x0', '0x0', '2026-11-17T00:00:00Z', '2026-11-20T00:00:00Z', String(publisher.length), publisher, String(issuer.length), issuer],
    message: null,
    ...(options.activityId ? { activityId: options.activityId } : {}),
  };
}
