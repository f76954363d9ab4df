// Every snapshot fixture's expected verdict, statuses and plan, with the reason the fixture exists.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import { diagnosisSchema, type Diagnosis } from '../../../src-main/diagnosis/schema.js';
import { parseSnapshotBytes } from '../../../src-main/snapshot/parse.js';

const folder = new URL('../../fixtures/snapshots/', import.meta.url);

interface Expected {
  why: string;
  verdict: Diagnosis['verdict'];
  update: Diagnosis['windowsUpdate']['status'];
  root: Diagnosis['rootCertificate']['status'];
  rootRequired?: boolean;
  agent: Diagnosis['agentServices']['status'];
  plan: Diagnosis['plan'][number]['step'][];
  windows?: string;
  findings?: string[];
}

const EXPECTED: Record<string, Expected> = {
  'linux-helpdesk-laptop.json': { why: 'a snapshot from a non-Windows host', verdict: 'unknown', update: 'unknown', root: 'unknown', agent: 'unknown', plan: [], findings: ['not-windows'] },
  'server2008-sp2-rollup-pending-reboot.json': {
    why: 'October 2021 rollup installed today, restart pending',
    verdict: 'action-required',
    update: 'pending-reboot',
    root: 'missing',
    agent: 'running',
    plan: ['reboot'],
    windows: 'server-2008-sp2',
  },
  'server2008r2-sp1-later-rollup.json': {
    why: 'a later monthly rollup (January 2023) counts',
    verdict: 'ready',
    update: 'ok',
    root: 'missing',
    rootRequired: false,
    agent: 'running',
    plan: [],
    windows: 'server-2008r2-sp1',
  },
  'server2012-october-2021-security-only.json': {
    why: 'the October 2021 security-only update itself counts',
    verdict: 'ready',
    update: 'ok',
    root: 'missing',
    agent: 'running',
    plan: [],
    windows: 'server-2012',
  },
  'server2012r2-only-later-security-only.json': {
    why: 'later security-only updates do not count',
    verdict: 'action-required',
    update: 'missing',
    root: 'missing',
    agent: 'failed-signature',
    plan: ['install-windows-update', 'reboot', 'start-agent-services'],
    windows: 'server-2012r2',
  },
  'server2012r2-unknown-newer-rollup.json': { why: 'an update newer than the catalogue: unknown, not missing', verdict: 'unknown', update: 'unknown', root: 'missing', agent: 'running', plan: [] },
  'server2016-at-minimum.json': { why: 'Server 2016 exactly at 14393.4704', verdict: 'ready', update: 'ok', root: 'present', agent: 'running', plan: [], windows: 'server-2016' },
  'server2016-damaged-agent-binary.json': {
    why: 'HashMismatch: a damaged binary no Windows fix helps',
    verdict: 'action-required',
    update: 'ok',
    root: 'present',
    agent: 'failed-signature',
    plan: ['start-agent-services', 'contact-support'],
    findings: ['agent-binary-damaged'],
  },
  'server2016-german-update-pending-reboot.json': {
    why: 'KB5006669 installed, UBR still old, reboot pending: reboot, not reinstall',
    verdict: 'action-required',
    update: 'pending-reboot',
    root: 'missing',
    agent: 'failed-signature',
    plan: ['reboot', 'start-agent-services'],
  },
  'server2019-air-gapped-missing-update-and-root.json': {
    why: 'the design example: update and root missing, auto-update off',
    verdict: 'action-required',
    update: 'missing',
    root: 'missing',
    rootRequired: true,
    agent: 'failed-signature',
    plan: ['install-windows-update', 'install-root-certificate', 'reboot', 'start-agent-services'],
  },
  'server2019-airgapped-root-missing.json': {
    why: 'patched, but air-gapped without the root',
    verdict: 'action-required',
    update: 'ok',
    root: 'missing',
    rootRequired: true,
    agent: 'failed-signature',
    plan: ['install-root-certificate', 'start-agent-services'],
  },
  'server2019-one-below-minimum-japanese.json': {
    why: 'one UBR below 17763.2210, Japanese event text',
    verdict: 'action-required',
    update: 'missing',
    root: 'missing',
    rootRequired: false,
    agent: 'failed-signature',
    plan: ['install-windows-update', 'reboot', 'start-agent-services'],
    windows: 'server-2019',
  },
  'server2019-root-via-group-policy.json': {
    why: 'root deployed by Group Policy counts; old failure events with the agent running now',
    verdict: 'ready',
    update: 'ok',
    root: 'present',
    agent: 'running',
    plan: [],
  },
  'server2019-stores-unreadable.json': {
    why: 'certificate stores and policy unreadable: never guess "ready"',
    verdict: 'unknown',
    update: 'ok',
    root: 'unknown',
    agent: 'running',
    plan: [],
    findings: ['root-unknown', 'collection-errors'],
  },
  'server2022-at-minimum.json': { why: 'Server 2022 exactly at 20348.261', verdict: 'ready', update: 'ok', root: 'missing', agent: 'running', plan: [] },
  'server2022-one-below-minimum.json': {
    why: 'Server 2022 one UBR below',
    verdict: 'action-required',
    update: 'missing',
    root: 'missing',
    agent: 'running',
    plan: ['install-windows-update', 'reboot'],
  },
  'server2022-root-disallowed.json': {
    why: 'root in Disallowed wins over AuthRoot',
    verdict: 'action-required',
    update: 'ok',
    root: 'disallowed',
    agent: 'failed-signature',
    plan: ['contact-support'],
  },
  'server2022-root-update-unreachable.json': {
    why: 'auto-update on but the source is unreachable',
    verdict: 'action-required',
    update: 'ok',
    root: 'missing',
    rootRequired: true,
    agent: 'running',
    plan: ['install-root-certificate'],
  },
  'win10-1507-ltsb-one-below-minimum.json': {
    why: 'Windows 10 1507 one UBR below 10240.19086',
    verdict: 'action-required',
    update: 'missing',
    root: 'missing',
    agent: 'running',
    plan: ['install-windows-update', 'reboot'],
    windows: 'win10-1507',
  },
  'win10-1607-ltsb-at-minimum.json': {
    why: 'client build 14393 is Windows 10 1607, not Server 2016',
    verdict: 'ready',
    update: 'ok',
    root: 'missing',
    agent: 'running',
    plan: [],
    windows: 'win10-1607',
  },
  'win10-1803-unsupported.json': { why: 'no ACS update exists for 1803', verdict: 'unsupported', update: 'unsupported-os', root: 'missing', agent: 'failed-signature', plan: ['upgrade-windows'] },
  'win10-1809-ltsc-at-minimum.json': { why: 'client build 17763 is Windows 10 1809', verdict: 'ready', update: 'ok', root: 'missing', agent: 'running', plan: [], windows: 'win10-1809' },
  'win10-1909-at-minimum.json': { why: '1909 exactly at 18363.1830', verdict: 'ready', update: 'ok', root: 'missing', agent: 'running', plan: [] },
  'win10-1909-one-below-minimum.json': { why: '1909 one UBR below', verdict: 'action-required', update: 'missing', root: 'missing', agent: 'running', plan: ['install-windows-update', 'reboot'] },
  'win10-20h2-one-below-minimum.json': {
    why: '20H2 one UBR below 19042.1266',
    verdict: 'action-required',
    update: 'missing',
    root: 'missing',
    agent: 'failed-signature',
    plan: ['install-windows-update', 'reboot', 'start-agent-services'],
  },
  'win10-21h1-at-minimum.json': { why: '21H1 exactly at 19043.1266', verdict: 'ready', update: 'ok', root: 'missing', agent: 'running', plan: [] },
  'win10-21h2-above-microsoft-below-trend.json': {
    why: "Trend Micro's 19044.1586 is stricter than Microsoft and wins",
    verdict: 'action-required',
    update: 'missing',
    root: 'missing',
    agent: 'running',
    plan: ['install-windows-update', 'reboot'],
  },
  'win10-21h2-at-trend-minimum.json': { why: '21H2 exactly at 19044.1586', verdict: 'ready', update: 'ok', root: 'missing', agent: 'running', plan: [] },
  'win10-21h2-offline-german-unpatched.json': {
    why: "the field technician's story: offline, German, update and root missing",
    verdict: 'action-required',
    update: 'missing',
    root: 'missing',
    rootRequired: true,
    agent: 'failed-signature',
    plan: ['install-windows-update', 'install-root-certificate', 'reboot', 'start-agent-services'],
  },
  'win10-21h2-one-below-trend-minimum.json': {
    why: "21H2 one UBR below Trend's minimum",
    verdict: 'action-required',
    update: 'missing',
    root: 'missing',
    agent: 'failed-signature',
    plan: ['install-windows-update', 'reboot', 'start-agent-services'],
  },
  'win10-21h2-dbx-update-pending-reboot.json': {
    why: 'a Secure Boot DBX update waits for a restart: no cumulative update pending, so the update is still missing',
    verdict: 'action-required',
    update: 'missing',
    root: 'missing',
    agent: 'failed-signature',
    plan: ['install-windows-update', 'reboot', 'start-agent-services'],
    findings: ['pending-reboot'],
  },
  'win10-21h2-rollupfix-install-pending.json': {
    why: 'the RollupFix package 19041.7663 is install-pending: a restart finishes it',
    verdict: 'action-required',
    update: 'pending-reboot',
    root: 'missing',
    agent: 'failed-signature',
    plan: ['reboot', 'start-agent-services'],
  },
  'win10-20h2-pending-update-still-below.json': {
    why: 'a pending cumulative update that stays below 19042.1266 does not help',
    verdict: 'action-required',
    update: 'missing',
    root: 'missing',
    agent: 'running',
    plan: ['install-windows-update', 'reboot'],
  },
  'server2019-rollupfix-staged-not-installed.json': {
    why: 'a staged (downloaded, not installed) cumulative update is not pending a restart',
    verdict: 'action-required',
    update: 'missing',
    root: 'missing',
    agent: 'running',
    plan: ['install-windows-update', 'reboot'],
  },
  'win10-22h2-3033-other-vendor-dll-in-agent.json': {
    why: "3033s for a graphics DLL loaded into the scan process are not the agent's signature failure",
    verdict: 'action-required',
    update: 'ok',
    root: 'present',
    agent: 'failed-other',
    plan: ['start-agent-services', 'contact-support'],
  },
  'server2019-ci-3089-acs-signer-root-missing.json': {
    why: 'a 3033 on the agent with its linked 3089 (issuer Microsoft ID Verified CS): the ACS root is needed although Windows is patched',
    verdict: 'action-required',
    update: 'ok',
    root: 'missing',
    rootRequired: true,
    agent: 'failed-signature',
    plan: ['install-root-certificate', 'start-agent-services'],
  },
  'win7-sp1-trend-drivers-7026-no-sha2.json': {
    why: 'Trend drivers fail to load (7026) without SHA-2 support: not ACS, KB4474419 named',
    verdict: 'action-required',
    update: 'missing',
    root: 'missing',
    rootRequired: true,
    agent: 'running',
    plan: ['install-windows-update', 'install-root-certificate', 'reboot'],
    findings: ['driver-load-failure'],
  },
  'server2016-3104-deny-list-block.json': {
    why: '3104 is a deny-list block for a protected process, not missing trust',
    verdict: 'action-required',
    update: 'ok',
    root: 'present',
    agent: 'failed-other',
    plan: ['start-agent-services', 'contact-support'],
  },
  'server2022-7024-untrusted-root.json': {
    why: '7024 with CERT_E_UNTRUSTEDROOT is a signature-trust failure, not another cause',
    verdict: 'action-required',
    update: 'ok',
    root: 'missing',
    rootRequired: true,
    agent: 'failed-signature',
    plan: ['install-root-certificate', 'start-agent-services'],
  },
  'server2019-written-by-powershell51-utf16.json': {
    why: '`collect.ps1 > file` in Windows PowerShell 5.1: UTF-16LE with a byte-order mark, CRLF, a German machine name',
    verdict: 'action-required',
    update: 'missing',
    root: 'missing',
    agent: 'failed-signature',
    plan: ['install-windows-update', 'reboot', 'start-agent-services'],
  },
  'win10-21h2-set-content-utf8-bom.json': { why: '`Set-Content -Encoding UTF8`: UTF-8 with a byte-order mark, CRLF', verdict: 'ready', update: 'ok', root: 'missing', agent: 'running', plan: [] },
  'win10-1809-pro-out-of-servicing.json': {
    why: '1809 Pro ended 2020-11-10, before KB5005625: no update exists for this edition, upgrade',
    verdict: 'unsupported',
    update: 'unsupported-os',
    root: 'missing',
    agent: 'failed-signature',
    plan: ['upgrade-windows'],
    windows: 'win10-1809',
  },
  'win10-1909-pro-out-of-servicing.json': {
    why: '1909 Pro ended 2021-05-11, before KB5005624',
    verdict: 'unsupported',
    update: 'unsupported-os',
    root: 'missing',
    agent: 'running',
    plan: ['upgrade-windows'],
    windows: 'win10-1909',
  },
  'win10-1909-education-serviced.json': {
    why: '1909 Education was serviced to 2022-05-10: KB5005624 is offered',
    verdict: 'action-required',
    update: 'missing',
    root: 'missing',
    agent: 'running',
    plan: ['install-windows-update', 'reboot'],
    windows: 'win10-1909',
  },
  'win10-1607-pro-out-of-servicing.json': {
    why: '1607 outside LTSB ended in 2018',
    verdict: 'unsupported',
    update: 'unsupported-os',
    root: 'missing',
    agent: 'running',
    plan: ['upgrade-windows'],
    windows: 'win10-1607',
  },
  'server1909-sac-out-of-servicing.json': {
    why: 'Server 1909 (Semi-Annual Channel) ended 2021-05-11 (inferred)',
    verdict: 'unsupported',
    update: 'unsupported-os',
    root: 'missing',
    agent: 'running',
    plan: ['upgrade-windows'],
    windows: 'server-1909',
  },
  'server2022-ds-nuagent-failing.json': {
    why: 'ds_nuagent (Deep Security advanced TLS inspection) fails with 577: patched, root missing, auto-update off',
    verdict: 'action-required',
    update: 'ok',
    root: 'missing',
    rootRequired: true,
    agent: 'failed-signature',
    plan: ['install-root-certificate', 'start-agent-services'],
  },
  'win10-21h2-other-vendor-acs-signed.json': {
    why: "no Trend agent; another vendor's program signed through ACS (AOC CA 04 chain) fails with 577: the same fix helps",
    verdict: 'action-required',
    update: 'missing',
    root: 'missing',
    rootRequired: true,
    agent: 'failed-signature',
    plan: ['install-windows-update', 'install-root-certificate', 'reboot', 'start-agent-services'],
    findings: ['other-vendor-acs-failure'],
  },
  'server2019-agent-running-updates-will-fail.json': {
    why: 'an old Apex One build runs on a Server 2019 below 17763.2210: its next (ACS-signed) updates will be refused',
    verdict: 'action-required',
    update: 'missing',
    root: 'missing',
    agent: 'running',
    plan: ['install-windows-update', 'reboot'],
    findings: ['agent-updates-will-fail', 'agent-running'],
  },
  'server2012-no-esu-rollup-missing.json': {
    why: 'Server 2012 last patched in September 2021: a rollup from October 2021 to October 2023 needs no ESU',
    verdict: 'action-required',
    update: 'missing',
    root: 'missing',
    agent: 'failed-signature',
    plan: ['install-windows-update', 'reboot', 'start-agent-services'],
    windows: 'server-2012',
  },
  'server2008-sp2-esu-no-rollup.json': {
    why: 'Server 2008 SP2 with SHA-2 and its ESU licensing package but no rollup listed',
    verdict: 'action-required',
    update: 'missing',
    root: 'missing',
    agent: 'running',
    plan: ['install-windows-update', 'reboot'],
    windows: 'server-2008-sp2',
  },
  'server2012r2-wsus-out-of-band-rollup.json': {
    why: 'the October 2025 out-of-band rollup KB5070886 (WSUS fix) is a rollup and counts',
    verdict: 'ready',
    update: 'ok',
    root: 'present',
    agent: 'running',
    plan: [],
    windows: 'server-2012r2',
  },
  'win10-22h2-agent-stopped.json': { why: 'Windows ready, agent stopped with no error', verdict: 'action-required', update: 'ok', root: 'present', agent: 'stopped', plan: ['start-agent-services'] },
  'win10-22h2-test-signing-on.json': {
    why: 'risky workarounds are warned about',
    verdict: 'ready',
    update: 'ok',
    root: 'missing',
    agent: 'running',
    plan: [],
    findings: ['test-signing-enabled', 'integrity-checks-disabled'],
    windows: 'win10-22h2',
  },
  'win10-insider-build-unknown.json': { why: 'an Insider build cannot be placed', verdict: 'unknown', update: 'unknown', root: 'missing', agent: 'running', plan: [], findings: ['os-unknown'] },
  'win11-23h2-healthy.json': { why: 'ProductName says Windows 10; build 22631 is Windows 11', verdict: 'ready', update: 'ok', root: 'present', agent: 'running', plan: [], windows: 'win11' },
  'win11-24h2-root-not-yet-downloaded.json': {
    why: 'root missing but auto-update on and reachable: not required',
    verdict: 'ready',
    update: 'ok',
    root: 'missing',
    rootRequired: false,
    agent: 'running',
    plan: [],
  },
  'win11-no-agent-installed.json': { why: 'no Trend services at all', verdict: 'ready', update: 'ok', root: 'missing', agent: 'not-installed', plan: [] },
  'win7-hotfixes-unreadable.json': { why: 'installed updates unreadable on a rollup system', verdict: 'unknown', update: 'unknown', root: 'missing', agent: 'running', plan: [] },
  'win7-sp1-no-esu-rollups.json': {
    why: 'Windows 7 without ESU rollups, auto-update off',
    verdict: 'action-required',
    update: 'missing',
    root: 'missing',
    rootRequired: true,
    agent: 'failed-signature',
    plan: ['install-windows-update', 'install-root-certificate', 'reboot', 'start-agent-services'],
    windows: 'win7-sp1',
  },
  'win8-client-unsupported.json': {
    why: 'client build 9200 is Windows 8 (unsupported), not Server 2012',
    verdict: 'unsupported',
    update: 'unsupported-os',
    root: 'missing',
    agent: 'running',
    plan: ['upgrade-windows'],
    windows: 'win8',
    findings: ['agent-updates-will-fail'],
  },
  'win81-october-2021-rollup.json': { why: 'Windows 8.1 with the October 2021 rollup', verdict: 'ready', update: 'ok', root: 'missing', agent: 'running', plan: [], windows: 'win81' },
  'winxp-unsupported.json': { why: 'Windows XP', verdict: 'unsupported', update: 'unsupported-os', root: 'missing', agent: 'unknown', plan: ['upgrade-windows'] },
};

const files = readdirSync(folder).filter((name) => name.endsWith('.json'));

function load(name: string) {
  const parsed = parseSnapshotBytes(readFileSync(new URL(name, folder)));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.error}`);
  return parsed.snapshot;
}

describe('snapshot fixtures', () => {
  it('has an expectation for every fixture and a fixture for every expectation (at least 25)', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: ${expected.why}`, () => {
      const diagnosis = diagnose(load(name));
      expect(diagnosisSchema.safeParse(diagnosis).success).toBe(true);
      expect({
        verdict: diagnosis.verdict,
        update: diagnosis.windowsUpdate.status,
        root: diagnosis.rootCertificate.status,
        agent: diagnosis.agentServices.status,
        plan: diagnosis.plan.map((step) => step.step),
      }).toEqual({ verdict: expected.verdict, update: expected.update, root: expected.root, agent: expected.agent, plan: expected.plan });
      if (expected.rootRequired !== undefined) expect(diagnosis.rootCertificate.required).toBe(expected.rootRequired);
      if (expected.windows) expect(diagnosis.windows?.key).toBe(expected.windows);
      for (const id of expected.findings ?? []) expect(diagnosis.findings.map((finding) => finding.id)).toContain(id);
    });
  }
});

describe('broken snapshot files', () => {
  const broken = new URL('../../fixtures/snapshots/broken/', import.meta.url);
  const cases: Record<string, RegExp> = {
    'truncated.json': /^invalid snapshot: not valid JSON/,
    'empty.json': /^invalid snapshot: not valid JSON/,
    'array-not-object.json': /must be a JSON object/,
    'wrong-format.json': /format: expected "acs-snapshot", found "acs-report"/,
    'version-2.json': /version: this program reads version 1, found 2/,
    'lowercase-thumbprint.json': /certificates\.root\[0\]\.thumbprint: must be 40 upper-case hexadecimal digits/,
    'build-as-string.json': /^invalid snapshot: os\.currentBuild: .*expected number, received string/,
    'missing-os.json': /^invalid snapshot: os: this part is missing/,
    'bad-service-state.json': /services\[0\]\.state/,
    'bad-collected-at.json': /collectedAt/,
    'utf16-truncated.json': /^invalid snapshot: not valid JSON \((syntax error|the text ends too early)/,
  };
  it('covers every broken file', () => {
    expect(readdirSync(broken).sort()).toEqual(Object.keys(cases).sort());
  });
  for (const [name, message] of Object.entries(cases)) {
    it(`${name} is refused with a message naming the problem`, () => {
      const result = parseSnapshotBytes(readFileSync(new URL(name, broken)));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    });
  }
});
