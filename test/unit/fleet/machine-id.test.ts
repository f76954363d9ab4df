// host.machineId: "sha256:" + the SHA-256 of the lower-cased MachineGuid, the same in collect.ps1 (checked
// against the TypeScript simulated host by test/powershell/collector-crosscheck.test.ts), the simulated
// host and the built-in-tools fallback; never the GUID itself.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../../src-main/probe/collect.js';
import { machineIdFromGuid } from '../../../src-main/snapshot/machine-id.js';
import { createSimulatedHost } from '../../windows-double/host/index.js';

describe('machine id', () => {
  it('hashes the lower-cased, trimmed MachineGuid', () => {
    const guid = '8C7F2B0E-1A2B-4C3D-9E8F-0123456789AB';
    const expected = `sha256:${createHash('sha256').update(guid.toLowerCase()).digest('hex')}`;
    expect(machineIdFromGuid(guid)).toBe(expected);
    expect(machineIdFromGuid(` ${guid.toLowerCase()}\n`)).toBe(expected);
    expect(expected).not.toContain(guid.toLowerCase());
  });

  it('is the same through the PowerShell path and the built-in tools on a simulated machine', async () => {
    const host = await createSimulatedHost('healthy-win11');
    const full = await collectSnapshot({ runner: host.runner });
    const locked = await collectSnapshot({ runner: (await createSimulatedHost('healthy-win11', { powershell: { availability: 'constrained-language', version: '5.1' } })).runner });
    expect(full.host?.machineId).toBe(machineIdFromGuid(host.machine.machineGuid()));
    expect(locked.host?.machineId).toBe(full.host?.machineId);
  });
});
