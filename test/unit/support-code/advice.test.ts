// What a decoded support code tells the helpdesk (issue 16, point 12): the missing update by its KB
// (from the coded Windows release and the KB5022661 catalogue) and what to tell the caller next.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import { adviseSupportSummary, summarizeForSupportCode, type SupportSummary } from '../../../src-main/support-code/index.js';
import { AGENT_STATUSES, PENDING_REBOOTS, ROOT_AUTO_UPDATES, ROOT_STATUSES, UPDATE_STATUSES, VERDICTS, windowsName } from '../../../src-main/support-code/summary.js';
import { CODED_WINDOWS_RELEASES } from '../../../src-main/support-code/windows-releases.js';
import { createSimulatedHost } from '../../windows-double/host/index.js';
import { collectSnapshot } from '../../../src-main/probe/collect.js';

function summary(build: number | null, server: boolean, fields: Partial<Omit<SupportSummary, 'windows'>>, ubr: number | null = 1000): SupportSummary {
  return {
    verdict: 'action-required',
    windowsUpdate: 'ok',
    rootCertificate: 'present',
    rootAutoUpdate: 'enabled',
    agentServices: 'failed-signature',
    pendingReboot: false,
    ...fields,
    windows: { build, ubr, server, name: windowsName(build, server) },
  };
}

describe('support code advice', () => {
  it('names the KB and the build a Windows 10 21H2 without the update needs (the vendor rule wins), then restart and start the agent', () => {
    const advice = adviseSupportSummary(summary(19044, false, { windowsUpdate: 'missing' }, 1288));
    expect(advice.missingUpdate).toEqual({ kb: 'KB5011487', minimumBuild: '19044.1586', orLater: true, installed: false });
    expect(advice.next).toEqual(['install-update', 'restart', 'start-agent']);
    expect(advice.appRunsThere).toBe(true);
  });

  it('Server 2019 without the root certificate: install it, start the agent; nothing to download', () => {
    const advice = adviseSupportSummary(summary(17763, true, { rootCertificate: 'missing' }, 5000));
    expect(advice.missingUpdate).toBeNull();
    expect(advice.next).toEqual(['install-root', 'start-agent']);
  });

  it('Windows 7 SP1: the October 2021 monthly rollup, and the field kit (the app does not run there)', () => {
    const advice = adviseSupportSummary(summary(7601, false, { windowsUpdate: 'missing' }, 24544));
    expect(advice.missingUpdate).toMatchObject({ kb: 'KB5006743', minimumBuild: null });
    expect(advice.appRunsThere).toBe(false);
  });

  it('an update installed and waiting, unsupported Windows, a blocked root, a healthy machine', () => {
    expect(adviseSupportSummary(summary(19044, false, { windowsUpdate: 'pending-reboot', pendingReboot: true }))).toMatchObject({
      missingUpdate: { kb: 'KB5011487', installed: true },
      next: ['restart', 'start-agent'],
    });
    expect(adviseSupportSummary(summary(17134, false, { verdict: 'unsupported', windowsUpdate: 'unsupported-os' })).next).toEqual(['upgrade-windows']);
    expect(adviseSupportSummary(summary(19045, false, { rootCertificate: 'disallowed' })).next).toEqual(['unblock-root', 'send-report']);
    expect(adviseSupportSummary(summary(22631, false, { verdict: 'ready', agentServices: 'running' })).next).toEqual(['nothing']);
  });

  it('always says something to do next, for every code there is', () => {
    const builds = CODED_WINDOWS_RELEASES.flatMap((row) => (row ? [row.build] : []));
    fc.assert(
      fc.property(
        fc.record({
          verdict: fc.constantFrom(...VERDICTS),
          build: fc.option(fc.constantFrom(...builds), { nil: null }),
          server: fc.boolean(),
          windowsUpdate: fc.constantFrom(...UPDATE_STATUSES),
          rootCertificate: fc.constantFrom(...ROOT_STATUSES),
          rootAutoUpdate: fc.constantFrom(...ROOT_AUTO_UPDATES),
          agentServices: fc.constantFrom(...AGENT_STATUSES),
          pendingReboot: fc.constantFrom(...PENDING_REBOOTS),
        }),
        ({ build, server, ...rest }) => {
          const advice = adviseSupportSummary(summary(build, server, rest));
          expect(advice.next.length).toBeGreaterThan(0);
          expect(new Set(advice.next).size).toBe(advice.next.length);
          if (advice.missingUpdate) expect(advice.missingUpdate.kb).toMatch(/^KB\d{6,7}$/);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('names the same KB as the diagnosis of the machine the code came from', async () => {
    for (const profile of ['win10-21h2-offline-unpatched', 'win7-sp1-no-esu-rollup']) {
      const host = await createSimulatedHost(profile);
      const snapshot = await collectSnapshot({ runner: host.runner, network: false });
      const diagnosis = diagnose(snapshot);
      const advice = adviseSupportSummary(summarizeForSupportCode(diagnosis, snapshot));
      expect(advice.missingUpdate?.kb, profile).toBe(diagnosis.windowsUpdate.requiredKb);
    }
  });
});
