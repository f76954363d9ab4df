// One row of the fleet table: a machine's verdict and key facts, from its snapshot and diagnosis.
import type { Diagnosis, Verdict } from '../diagnosis/schema.js';
import { isWindowsOs, type Snapshot } from '../snapshot/schema.js';
import { encodeSupportCode } from '../support-code/index.js';

export interface MachineRow {
  /** Path of the snapshot file, relative to the fleet folder. */
  file: string;
  computerName: string | null;
  /** host.machineId (a hash of the MachineGuid), when the collector recorded one. */
  machineId: string | null;
  collectedAt: string;
  verdict: Verdict;
  windows: string;
  build: string | null;
  windowsUpdate: Diagnosis['windowsUpdate']['status'];
  /** The KB to install when the update is missing. */
  missingKb: string | null;
  rootCertificate: Diagnosis['rootCertificate']['status'];
  rootAutoUpdate: Diagnosis['rootCertificate']['autoUpdate'];
  agentServices: Diagnosis['agentServices']['status'];
  pendingReboot: boolean | null;
  supportCode: string;
  headline: string;
}

export function machineRow(file: string, snapshot: Snapshot, diagnosis: Diagnosis): MachineRow {
  const os = snapshot.os;
  return {
    file,
    computerName: snapshot.host?.computerName ?? null,
    machineId: snapshot.host?.machineId ?? null,
    collectedAt: snapshot.collectedAt,
    verdict: diagnosis.verdict,
    windows: diagnosis.windows?.name ?? (isWindowsOs(os) ? `${os.productName}` : `${os.productName} (not Windows)`),
    build: isWindowsOs(os) ? `${os.currentBuild}.${os.ubr ?? '?'}` : null,
    windowsUpdate: diagnosis.windowsUpdate.status,
    missingKb: diagnosis.windowsUpdate.status === 'missing' ? diagnosis.windowsUpdate.requiredKb : null,
    rootCertificate: diagnosis.rootCertificate.status,
    rootAutoUpdate: diagnosis.rootCertificate.autoUpdate,
    agentServices: diagnosis.agentServices.status,
    pendingReboot: diagnosis.pendingReboot,
    supportCode: encodeSupportCode(diagnosis, snapshot),
    headline: diagnosis.headline,
  };
}

export const MACHINE_ROW_COLUMNS: readonly (keyof MachineRow)[] = [
  'computerName',
  'verdict',
  'windows',
  'build',
  'windowsUpdate',
  'missingKb',
  'rootCertificate',
  'rootAutoUpdate',
  'agentServices',
  'pendingReboot',
  'collectedAt',
  'supportCode',
  'file',
  'headline',
  'machineId',
];
