import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import { REQUIREMENTS, type CumulativeRequirement } from '../../../src-main/catalogue/kb5022661.js';
import { makeSnapshot, windowsOs } from './builders.js';

const cumulativeRows = Object.values(REQUIREMENTS).filter((row): row is CumulativeRequirement => row.rule === 'cumulative');

function typeFor(row: CumulativeRequirement) {
  return row.family === 'windows-server' ? ('Server' as const) : ('Client' as const);
}

/** The machine of a row in an edition that received the row's update (LTSC, Enterprise…). */
function osFor(row: CumulativeRequirement, ubr: number) {
  const editionId =
    row.family === 'windows-server'
      ? 'ServerStandard'
      : (({ 'win10-1809': 'EnterpriseS', 'win10-1607': 'EnterpriseS', 'win10-1507': 'EnterpriseS', 'win10-1909': 'Enterprise' } as Record<string, string>)[row.key] ?? 'Professional');
  return { ...windowsOs(row.build, ubr, typeFor(row)), editionId };
}

describe('Windows 10 / 11 / Server: build.UBR against the minimum', () => {
  for (const row of cumulativeRows) {
    const minimum = row.stricter?.minimumUbr ?? row.minimumUbr;
    it(`${row.name}: ${row.build}.${minimum - 1} is missing the update, ${row.build}.${minimum} and later are fine`, () => {
      const below = diagnose(makeSnapshot({ os: osFor(row, minimum - 1) }));
      expect(below.windows?.key).toBe(row.key);
      expect(below.windowsUpdate).toMatchObject({ status: 'missing', minimumBuild: `${row.build}.${minimum}`, requiredKb: row.stricter?.requiredKb ?? row.requiredKb });
      expect(below.plan.map((step) => step.step)).toEqual(['install-windows-update', 'reboot']);
      expect(below.verdict).toBe('action-required');
      for (const ubr of [minimum, minimum + 1, minimum + 5000]) {
        expect(diagnose(makeSnapshot({ os: osFor(row, ubr) })).windowsUpdate.status).toBe('ok');
      }
    });
  }

  it('lets the plan accept the known qualifying updates and any later cumulative update', () => {
    const step = diagnose(makeSnapshot({ os: windowsOs(17763, 1999, 'Server') })).plan[0];
    expect(step).toMatchObject({ step: 'install-windows-update', kb: 'KB5005625', acceptedKbs: ['KB5005625', 'KB5006672'], acceptsLaterKbs: true });
    const strict = diagnose(makeSnapshot({ os: windowsOs(19044, 1288) })).plan[0];
    expect(strict).toMatchObject({ kb: 'KB5011487', acceptedKbs: ['KB5011487'], acceptsLaterKbs: true });
    const rollup = diagnose(makeSnapshot({ os: windowsOs(7601, null), hotfixes: [] })).plan[0];
    expect(rollup?.acceptsLaterKbs).toBe(false);
  });

  it("applies Trend Micro's stricter 21H2 rule and says so", () => {
    const diagnosis = diagnose(makeSnapshot({ os: windowsOs(19044, 1288) }));
    expect(diagnosis.windowsUpdate.status).toBe('missing');
    expect(diagnosis.windowsUpdate.requiredKb).toBe('KB5011487');
    expect(diagnosis.windowsUpdate.stricterRule).toMatch(/Trend Micro/);
    expect(diagnosis.findings.find((f) => f.id === 'update-missing')?.explanation).toMatch(/stricter/);
  });

  it('never asks for one exact KB: a high UBR with no hotfix listed is enough', () => {
    expect(diagnose(makeSnapshot({ os: windowsOs(17763, 8146, 'Server'), hotfixes: [] })).windowsUpdate.status).toBe('ok');
  });

  it('treats Windows 11 and Windows 10 22H2 as native', () => {
    expect(diagnose(makeSnapshot({ os: windowsOs(22000, 1, 'Client') })).windowsUpdate).toMatchObject({ status: 'ok', rule: 'native' });
    expect(diagnose(makeSnapshot({ os: windowsOs(19045, 2006, 'Client') })).windowsUpdate).toMatchObject({ status: 'ok', rule: 'native' });
  });

  it('says "unknown" when the UBR could not be read', () => {
    const diagnosis = diagnose(makeSnapshot({ os: windowsOs(17763, null, 'Server') }));
    expect(diagnosis.windowsUpdate.status).toBe('unknown');
    expect(diagnosis.verdict).toBe('unknown');
  });
});

describe('an installed update waiting for a restart', () => {
  const pending = { required: true, reasons: ['Component Based Servicing\\RebootPending'] };

  it('is pending-reboot, and the plan is a reboot, not a reinstall', () => {
    const diagnosis = diagnose(makeSnapshot({ os: windowsOs(17763, 1999, 'Server'), hotfixes: [{ id: 'KB5006672', installedOn: '2026-11-19' }], pendingReboot: pending }));
    expect(diagnosis.windowsUpdate).toMatchObject({ status: 'pending-reboot', satisfiedBy: 'KB5006672' });
    expect(diagnosis.plan.map((step) => step.step)).toEqual(['reboot']);
  });

  it('counts a later cumulative update the catalogue knows for this branch', () => {
    const diagnosis = diagnose(
      makeSnapshot({ os: windowsOs(14393, 4651, 'Server'), hotfixes: [{ id: 'KB5071543', installedOn: '2026-11-18', description: 'Security Update' }], pendingReboot: pending }),
    );
    expect(diagnosis.windowsUpdate.status).toBe('pending-reboot');
  });

  it('is still missing without a pending restart', () => {
    const diagnosis = diagnose(makeSnapshot({ os: windowsOs(17763, 1999, 'Server'), hotfixes: [{ id: 'KB5006672', installedOn: '2026-11-19' }] }));
    expect(diagnosis.windowsUpdate.status).toBe('missing');
  });

  it('a known cumulative update installed long ago whose build the machine does not run yet still waits for that restart', () => {
    const diagnosis = diagnose(makeSnapshot({ os: windowsOs(17763, 1999, 'Server'), hotfixes: [{ id: 'KB5006672', installedOn: '2025-01-10' }], pendingReboot: pending }));
    expect(diagnosis.windowsUpdate).toMatchObject({ status: 'pending-reboot', satisfiedBy: 'KB5006672' });
  });

  it('a known cumulative update the machine already runs (or passed) is no evidence for the pending restart', () => {
    // 21H2 at 19044.1288 with KB5006670 (19044.1288) listed: that update is in effect and below 19044.1586.
    const diagnosis = diagnose(makeSnapshot({ os: windowsOs(19044, 1288), hotfixes: [{ id: 'KB5006670', installedOn: '2026-11-19' }], pendingReboot: pending }));
    expect(diagnosis.windowsUpdate.status).toBe('missing');
  });

  it('ignores an older update (servicing stack, .NET) that cannot be the required one', () => {
    const diagnosis = diagnose(makeSnapshot({ os: windowsOs(17763, 1999, 'Server'), hotfixes: [{ id: 'KB5005112', installedOn: '2026-11-19' }], pendingReboot: pending }));
    expect(diagnosis.windowsUpdate.status).toBe('missing');
  });
});

describe('a pending restart explains the gap only when the pending change raises the build', () => {
  const restart = { required: true, reasons: ['ComponentBasedServicing.RebootPending'] };
  const rollupFix = (version: string, currentState: number | null) => ({ name: `Package_for_RollupFix~31bf3856ad364e35~amd64~~${version}`, currentState });
  const at1288 = windowsOs(19044, 1288);

  it('a Secure Boot DBX or .NET update with a higher KB number is not the cumulative update: still missing', () => {
    for (const hotfix of [
      { id: 'KB5012170', installedOn: '2026-11-18', description: 'Security Update' },
      { id: 'KB5013624', installedOn: '2026-11-18', description: 'Update' },
      { id: 'KB5130001', installedOn: '2026-11-19', description: 'Update' },
    ]) {
      const diagnosis = diagnose(makeSnapshot({ os: at1288, hotfixes: [hotfix], pendingReboot: restart }));
      expect(diagnosis.windowsUpdate.status, hotfix.id).toBe('missing');
      expect(diagnosis.plan.map((step) => step.step)).toEqual(['install-windows-update', 'reboot']);
      expect(diagnosis.findings.find((f) => f.id === 'update-missing')?.explanation).toMatch(/restarting alone will not fix this/);
      expect(diagnosis.findings.map((f) => f.id)).toContain('pending-reboot');
    }
  });

  it('an install-pending RollupFix package at the minimum is pending-reboot, one UBR below is not', () => {
    const at = diagnose(makeSnapshot({ os: at1288, pendingReboot: { ...restart, rollupFixPackages: [rollupFix('19041.1288.1.6', 112), rollupFix('19041.1586.1.7', 96)] } }));
    expect(at.windowsUpdate).toMatchObject({ status: 'pending-reboot', satisfiedBy: 'KB5011487' });
    expect(at.plan.map((step) => step.step)).toEqual(['reboot']);
    expect(at.findings.find((f) => f.id === 'update-pending-reboot')?.evidence.map((e) => e.path)).toContain('pendingReboot.rollupFixPackages[1]');
    const below = diagnose(makeSnapshot({ os: at1288, pendingReboot: { ...restart, rollupFixPackages: [rollupFix('19041.1585.1.7', 96)] } }));
    expect(below.windowsUpdate.status).toBe('missing');
    expect(below.findings.find((f) => f.id === 'update-missing')?.explanation).toMatch(/still below 19044\.1586/);
  });

  it('an install-pending package needs no other restart marker; an installed one needs the restart pending', () => {
    const unmarked = diagnose(makeSnapshot({ os: at1288, pendingReboot: { required: false, reasons: [], rollupFixPackages: [rollupFix('19041.7663.1.14', 96)] } }));
    expect(unmarked.windowsUpdate).toMatchObject({ status: 'pending-reboot', satisfiedBy: 'KB5120249' });
    // The evidence names only facts the snapshot holds: no "pendingReboot.required: true" here.
    expect(unmarked.findings.find((f) => f.id === 'update-pending-reboot')?.evidence.map((e) => e.path)).not.toContain('pendingReboot.required');
    expect(diagnose(makeSnapshot({ os: at1288, pendingReboot: { ...restart, rollupFixPackages: [rollupFix('19041.7663.1.14', 112)] } })).windowsUpdate.status).toBe('pending-reboot');
    expect(diagnose(makeSnapshot({ os: at1288, pendingReboot: { required: false, reasons: [], rollupFixPackages: [rollupFix('19041.7663.1.14', 112)] } })).windowsUpdate.status).toBe('missing');
  });

  it('a package it does not know the KB of still counts by its version (satisfiedBy stays empty)', () => {
    const diagnosis = diagnose(makeSnapshot({ os: at1288, pendingReboot: { ...restart, rollupFixPackages: [rollupFix('19041.7700.1.3', 96)] } }));
    expect(diagnosis.windowsUpdate).toMatchObject({ status: 'pending-reboot', satisfiedBy: null });
    expect(diagnosis.plan[0]?.why).toMatch(/takes effect only after a restart/);
  });

  it('a staged (downloaded, not installed) package is missing, and the finding says installing it is enough', () => {
    const diagnosis = diagnose(makeSnapshot({ os: windowsOs(17763, 1999, 'Server'), pendingReboot: { ...restart, rollupFixPackages: [rollupFix('17763.2237.1.9', 64)] } }));
    expect(diagnosis.windowsUpdate.status).toBe('missing');
    expect(diagnosis.findings.find((f) => f.id === 'update-missing')?.explanation).toMatch(/downloaded but not installed/);
  });

  it('a package for another build or an older UBR does not count', () => {
    expect(diagnose(makeSnapshot({ os: at1288, pendingReboot: { ...restart, rollupFixPackages: [rollupFix('17763.2237.1.9', 96)] } })).windowsUpdate.status).toBe('missing');
    expect(diagnose(makeSnapshot({ os: windowsOs(17763, 2300, 'Server'), pendingReboot: { ...restart, rollupFixPackages: [rollupFix('17763.2237.1.9', 96)] } })).windowsUpdate.status).toBe('ok');
    expect(diagnose(makeSnapshot({ os: windowsOs(17763, 2000, 'Server'), pendingReboot: { ...restart, rollupFixPackages: [rollupFix('17763.1999.1.9', 96)] } })).windowsUpdate.status).toBe('missing');
  });

  it('1909 takes the 1903 package name (18362), 2004–22H2 the 19041 one', () => {
    expect(
      diagnose(makeSnapshot({ os: { ...windowsOs(18363, 1800), editionId: 'Enterprise' }, pendingReboot: { ...restart, rollupFixPackages: [rollupFix('18362.1854.1.4', 96)] } })).windowsUpdate.status,
    ).toBe('pending-reboot');
    expect(diagnose(makeSnapshot({ os: windowsOs(19042, 1200), pendingReboot: { ...restart, rollupFixPackages: [rollupFix('19041.1288.1.5', 96)] } })).windowsUpdate.status).toBe('pending-reboot');
  });
});

describe('Windows 7 / 8.1 / 2008 / 2012: monthly rollups and the October 2021 security-only update', () => {
  const server2012r2 = windowsOs(9600, null, 'Server');
  const win7 = windowsOs(7601, null, 'Client');

  it('accepts the October 2021 monthly rollup, any later rollup, or the October 2021 security-only update', () => {
    for (const kb of ['KB5006714', 'KB5007247', 'KB5022352', 'KB5120385', 'KB5006729']) {
      expect(diagnose(makeSnapshot({ os: server2012r2, hotfixes: [{ id: kb, installedOn: '2024-01-01' }] })).windowsUpdate, kb).toMatchObject({ status: 'ok', satisfiedBy: kb });
    }
  });

  it('does not accept a later security-only update on its own', () => {
    const diagnosis = diagnose(makeSnapshot({ os: server2012r2, hotfixes: [{ id: 'KB5007255', installedOn: '2021-11-10' }] }));
    expect(diagnosis.windowsUpdate.status).toBe('missing');
    expect(diagnosis.windowsUpdate.reason).toMatch(/Security-only updates released after October 2021 do not count/);
  });

  it("does not accept another branch's rollup", () => {
    expect(diagnose(makeSnapshot({ os: win7, hotfixes: [{ id: 'KB5006714', installedOn: '2021-10-20' }] })).windowsUpdate.status).toBe('missing');
  });

  it('lists every accepted KB and names the Windows 7 prerequisites in the plan', () => {
    const diagnosis = diagnose(makeSnapshot({ os: win7, hotfixes: [{ id: 'KB4534310', installedOn: '2020-01-15' }] }));
    expect(diagnosis.windowsUpdate.acceptedKbs).toContain('KB5006743');
    expect(diagnosis.windowsUpdate.acceptedKbs).toContain('KB5006728');
    expect(diagnosis.windowsUpdate.acceptedKbs).toContain('KB5073695');
    const step = diagnosis.plan.find((s) => s.step === 'install-windows-update');
    expect(step?.why).toMatch(/ESU/);
    expect(step?.why).toMatch(/KB4474419/);
  });

  it('says "unknown" for a KB newer than the catalogue on a branch still serviced, "missing" on a finished branch', () => {
    const newer = [{ id: 'KB5130001', installedOn: '2026-10-16' }];
    expect(diagnose(makeSnapshot({ os: server2012r2, hotfixes: newer })).windowsUpdate.status).toBe('unknown');
    expect(diagnose(makeSnapshot({ os: win7, hotfixes: newer })).windowsUpdate.status).toBe('missing');
  });

  it('a rollup installed today with a restart pending is pending-reboot', () => {
    const diagnosis = diagnose(
      makeSnapshot({ collectedAt: '2026-11-20T09:00:00Z', os: win7, hotfixes: [{ id: 'KB5073695', installedOn: '2026-11-20' }], pendingReboot: { required: true, reasons: [] } }),
    );
    expect(diagnosis.windowsUpdate.status).toBe('pending-reboot');
    expect(diagnosis.plan.map((s) => s.step)).toEqual(['reboot']);
  });
});

describe('editions out of servicing before the ACS update (issue 13, item 4)', () => {
  const edition = (build: number, ubr: number, editionId: string, type: 'Client' | 'Server' | 'Server Core' = 'Client') => ({ ...windowsOs(build, ubr, type), editionId });

  it('Windows 10 1809: Home and Pro (ended 2020-11-10) and Enterprise (ended 2021-05-11) got no KB5005625; LTSC and Server 2019 did', () => {
    for (const editionId of ['Core', 'Professional', 'ProfessionalWorkstation', 'Enterprise', 'Education']) {
      const diagnosis = diagnose(makeSnapshot({ os: edition(17763, 1999, editionId) }));
      expect(diagnosis.verdict, editionId).toBe('unsupported');
      expect(diagnosis.windows?.key).toBe('win10-1809');
      expect(diagnosis.plan.map((step) => step.step)).toEqual(['upgrade-windows']);
      expect(diagnosis.findings.find((f) => f.id === 'unsupported-os')?.explanation).toMatch(/got no further updates/);
      expect(diagnosis.findings.find((f) => f.id === 'unsupported-os')?.evidence).toContainEqual({ path: 'os.editionId', value: editionId });
    }
    expect(diagnose(makeSnapshot({ os: edition(17763, 1999, 'EnterpriseS') })).plan[0]).toMatchObject({ step: 'install-windows-update', kb: 'KB5005625' });
    expect(diagnose(makeSnapshot({ os: edition(17763, 1999, 'ServerStandard', 'Server') })).plan[0]).toMatchObject({ step: 'install-windows-update', kb: 'KB5005625' });
  });

  it('a Pro 1809 already at 17763.2210 (the update installed by hand) is judged by its build, like any edition', () => {
    expect(diagnose(makeSnapshot({ os: edition(17763, 2210, 'Professional') })).windowsUpdate.status).toBe('ok');
    expect(diagnose(makeSnapshot({ os: edition(17763, 2209, 'Professional') })).windowsUpdate.status).toBe('unsupported-os');
  });

  it('Windows 10 1909: Home and Pro (ended 2021-05-11) unsupported; Enterprise and Education (to 2022-05-10) get KB5005624', () => {
    expect(diagnose(makeSnapshot({ os: edition(18363, 1500, 'Professional') })).verdict).toBe('unsupported');
    expect(diagnose(makeSnapshot({ os: edition(18363, 1500, 'Core') })).verdict).toBe('unsupported');
    for (const editionId of ['Enterprise', 'Education', 'EnterpriseN']) {
      expect(diagnose(makeSnapshot({ os: edition(18363, 1500, editionId) })).plan[0], editionId).toMatchObject({ step: 'install-windows-update', kb: 'KB5005624' });
    }
  });

  it('Windows 10 1607 and 1507 outside LTSB are unsupported; LTSB gets the KB', () => {
    expect(diagnose(makeSnapshot({ os: edition(14393, 4000, 'Professional') })).verdict).toBe('unsupported');
    expect(diagnose(makeSnapshot({ os: edition(14393, 4000, 'Enterprise') })).verdict).toBe('unsupported');
    expect(diagnose(makeSnapshot({ os: edition(14393, 4000, 'EnterpriseS') })).plan[0]).toMatchObject({ kb: 'KB5006669' });
    expect(diagnose(makeSnapshot({ os: edition(10240, 18000, 'Enterprise') })).verdict).toBe('unsupported');
    expect(diagnose(makeSnapshot({ os: edition(10240, 18000, 'EnterpriseS') })).plan[0]).toMatchObject({ kb: 'KB5006675' });
  });

  it('Server 1909 (Semi-Annual Channel, ended 2021-05-11) is unsupported; Server 2004 and 20H2 still got KB5005611', () => {
    expect(diagnose(makeSnapshot({ os: edition(18363, 1500, 'ServerStandard', 'Server Core') })).verdict).toBe('unsupported');
    expect(diagnose(makeSnapshot({ os: edition(19041, 1000, 'ServerStandard', 'Server Core') })).plan[0]).toMatchObject({ kb: 'KB5005611' });
  });

  it('an edition it does not know is not guessed away: the KB is offered', () => {
    expect(diagnose(makeSnapshot({ os: edition(17763, 1999, 'ServerRdsh') })).plan[0]).toMatchObject({ step: 'install-windows-update' });
  });
});

describe('prerequisites and the rollups a machine can install (issue 13, item 6)', () => {
  const why = (os: ReturnType<typeof windowsOs>) =>
    diagnose(makeSnapshot({ os, hotfixes: [{ id: 'KB5005633', installedOn: '2021-09-20' }] })).plan.find((step) => step.step === 'install-windows-update')?.why ?? '';

  it('Windows 7 / 2008 R2: the October 2021 servicing stack update KB5006749, not the March 2019 example', () => {
    for (const os of [windowsOs(7601, null), windowsOs(7601, null, 'Server')]) {
      expect(why(os)).toMatch(/servicing stack update of October 2021 or later \(KB5006749\)/);
      expect(why(os)).toMatch(/KB4538483/);
      expect(why(os)).not.toMatch(/KB4490628/);
    }
  });

  it('Server 2008 SP2: its own ESU licensing package KB4538484 and servicing stack update KB5006750', () => {
    const text = why(windowsOs(6003, null, 'Server'));
    expect(text).toMatch(/KB4538484/);
    expect(text).toMatch(/KB5006750/);
    expect(text).toMatch(/KB4474419/);
  });

  it('Server 2012 / 2012 R2 without ESU: a rollup from October 2021 to October 2023; later ones need ESU and the August 2023 SSU', () => {
    const r2 = why(windowsOs(9600, null, 'Server'));
    expect(r2).toMatch(/Without an Extended Security Updates \(ESU\) subscription, pick one from October 2021 to October 2023 \(the newest of those is KB5031419\)/);
    expect(r2).toMatch(/KB5031043/);
    expect(r2).toMatch(/KB5029368/);
    const s2012 = why(windowsOs(9200, null, 'Server'));
    expect(s2012).toMatch(/newest of those is KB5031442/);
    expect(s2012).toMatch(/KB5029369/);
  });

  it("Windows 8.1 and Windows 7 clients are pointed at their own last rollup (January 2023), not the servers' ESU ones", () => {
    expect(why(windowsOs(9600, null))).toMatch(/On Windows 8\.1, pick one from October 2021 to January 2023 \(the newest of those is KB5022352\)/);
    expect(why(windowsOs(7601, null))).toMatch(/On Windows 7, pick one from October 2021 to January 2023 \(the newest of those is KB5022338\)/);
    expect(why(windowsOs(7601, null, 'Server'))).not.toMatch(/pick one from/);
  });

  it('the missing-update finding names the same choice as the plan', () => {
    const finding = (os: ReturnType<typeof windowsOs>) => diagnose(makeSnapshot({ os, hotfixes: [] })).findings.find((f) => f.id === 'update-missing')?.explanation ?? '';
    expect(finding(windowsOs(7601, null))).toMatch(/on Windows 7, the newest that applies is KB5022338 \(January 2023\)/);
    expect(finding(windowsOs(9200, null, 'Server'))).toMatch(/without an Extended Security Updates \(ESU\) subscription, the newest that applies is KB5031442/);
    expect(finding(windowsOs(6003, null, 'Server'))).toMatch(/The newest monthly rollup is the best choice\.$/);
  });

  it('an ESU rollup that is installed still counts: the limit is advice for what to install, not a rule', () => {
    expect(diagnose(makeSnapshot({ os: windowsOs(9600, null, 'Server'), hotfixes: [{ id: 'KB5034171', installedOn: '2024-01-12' }] })).windowsUpdate.status).toBe('ok');
  });
});

describe('out-of-band rollups (issue 13, item 5)', () => {
  it('the October 2025 out-of-band rollups count like monthly rollups: KB5070886 (2012 R2), KB5070887 (2012)', () => {
    expect(diagnose(makeSnapshot({ os: windowsOs(9600, null, 'Server'), hotfixes: [{ id: 'KB5070886', installedOn: '2025-10-25' }] })).windowsUpdate).toMatchObject({
      status: 'ok',
      satisfiedBy: 'KB5070886',
    });
    expect(diagnose(makeSnapshot({ os: windowsOs(9600, null, 'Server'), hotfixes: [{ id: 'KB5070886', installedOn: '2025-10-25' }] })).windowsUpdate.reason).toMatch(
      /out-of-band rollup of October 2025/,
    );
    expect(diagnose(makeSnapshot({ os: windowsOs(9200, null, 'Server'), hotfixes: [{ id: 'KB5070887', installedOn: '2025-10-25' }] })).windowsUpdate).toMatchObject({
      status: 'ok',
      satisfiedBy: 'KB5070887',
    });
    expect(diagnose(makeSnapshot({ os: windowsOs(9600, null, 'Server') })).windowsUpdate.acceptedKbs).toContain('KB5070886');
  });

  it("standalone out-of-band fixes (January and November 2022) do not count on their own, nor another branch's", () => {
    for (const id of ['KB5010794', 'KB5021653']) {
      expect(diagnose(makeSnapshot({ os: windowsOs(9600, null, 'Server'), hotfixes: [{ id, installedOn: '2022-11-20' }] })).windowsUpdate.status, id).toBe('missing');
    }
    expect(diagnose(makeSnapshot({ os: windowsOs(9200, null, 'Server'), hotfixes: [{ id: 'KB5070886', installedOn: '2025-10-25' }] })).windowsUpdate.status).toBe('missing');
  });
});

describe('unsupported Windows', () => {
  it('plans only the upgrade and says "unsupported"', () => {
    const diagnosis = diagnose(makeSnapshot({ os: windowsOs(17134, 2208) }));
    expect(diagnosis.verdict).toBe('unsupported');
    expect(diagnosis.plan.map((s) => s.step)).toEqual(['upgrade-windows']);
    expect(diagnosis.headline).toMatch(/must be upgraded/);
  });
});

describe('the cumulative updates the catalogue knows (item 1 evidence)', () => {
  it("knows every cumulative update of a branch from Microsoft's update history (via vuls), not only the researched ones", () => {
    // KB5094127 = 19044/19045.7417 (June 2026), in vuls' copy of the update history only.
    const diagnosis = diagnose(makeSnapshot({ os: windowsOs(19044, 1288), hotfixes: [{ id: 'KB5094127', installedOn: '2026-11-18' }], pendingReboot: { required: true, reasons: [] } }));
    expect(diagnosis.windowsUpdate).toMatchObject({ status: 'pending-reboot', satisfiedBy: 'KB5094127' });
    // KB5010342 = 19044.1526 (February 2022): a cumulative update of the branch, but below Trend's 19044.1586.
    expect(
      diagnose(makeSnapshot({ os: windowsOs(19044, 1288), hotfixes: [{ id: 'KB5010342', installedOn: '2026-11-18' }], pendingReboot: { required: true, reasons: [] } })).windowsUpdate.status,
    ).toBe('missing');
  });
});
