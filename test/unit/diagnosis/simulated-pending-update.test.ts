// Item 1 end to end on the Windows double: installing a cumulative update leaves an install-pending
// RollupFix package in Component Based Servicing; the collected snapshot carries it and the diagnosis
// says "restart" even for an update whose KB number the catalogue does not know.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import { collectSnapshot } from '../../../src-main/probe/collect.js';
import { localFileSchema } from '../../windows-double/host/machine-state.js';
import { createSimulatedHost } from '../../windows-double/host/index.js';

describe('a cumulative update installed on the simulated Windows 10 21H2', () => {
  it('is pending-reboot by its RollupFix package until the restart, then ok', async () => {
    const host = await createSimulatedHost('win10-21h2-offline-unpatched');
    const file = localFileSchema.parse({
      kind: 'msu',
      path: 'E:\\Updates\\windows10.0-kb5130777-x64.msu',
      kb: 'KB5130777',
      architecture: 'x64',
      forBuild: 19044,
      resultingUbr: 7700,
      grantsAcsSupport: true,
      sizeBytes: 1,
    });
    if (file.kind === 'cer') throw new Error('not an update');
    expect(host.machine.installUpdatePackage(file)).toBe(true);

    const before = diagnose(await collectSnapshot({ runner: host.runner, network: false }));
    expect(before.windowsUpdate).toMatchObject({ status: 'pending-reboot', currentBuild: '19044.1387' });
    expect(before.findings.find((f) => f.id === 'update-pending-reboot')?.evidence.some((e) => /Package_for_RollupFix~31bf3856ad364e35~amd64~~19041\.7700/.test(JSON.stringify(e.value)))).toBe(true);

    host.machine.reboot();
    const after = diagnose(await collectSnapshot({ runner: host.runner, network: false }));
    expect(after.windowsUpdate).toMatchObject({ status: 'ok', currentBuild: '19044.7700' });
  });
});
