// host.machineId: a stable identity of a Windows installation for fleet summaries, derived from the
// MachineGuid (HKLM\SOFTWARE\Microsoft\Cryptography) so the GUID itself never leaves the machine.
// assets/probe/collect.ps1 computes the same value: "sha256:" + hex SHA-256 of the lower-cased GUID (UTF-8).
import { createHash } from 'node:crypto';

export function machineIdFromGuid(machineGuid: string): string {
  return `sha256:${createHash('sha256').update(machineGuid.trim().toLowerCase(), 'utf8').digest('hex')}`;
}
