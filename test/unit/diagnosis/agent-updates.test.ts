// Trend Micro's own install check (KA-0013629 / KA-0014129) refuses ACS-signed upgrades on Windows
// without ACS support: the old agent keeps running and the machine looks healthy (issue 13, item 8).
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import { makeSnapshot, rootCert, windowsOs } from './builders.js';

const ids = (diagnosis: ReturnType<typeof diagnose>) => diagnosis.findings.map((finding) => finding.id);

describe('a running agent on a Windows that cannot take ACS-signed updates', () => {
  it('says its next updates will fail to install when the Windows update is missing', () => {
    const diagnosis = diagnose(makeSnapshot({ os: windowsOs(17763, 2209, 'Server') }));
    expect(diagnosis.agentServices.status).toBe('running');
    expect(diagnosis.findings.find((f) => f.id === 'agent-updates-will-fail')?.explanation).toMatch(/future agent updates will fail to install/);
    expect(diagnosis.headline).toMatch(/The agent still runs, but its next updates will fail to install\.$/);
  });

  it('says so on an unsupported Windows and when the root is missing (and Windows will not fetch it) or blocked', () => {
    expect(ids(diagnose(makeSnapshot({ os: windowsOs(17134, 2208) })))).toContain('agent-updates-will-fail');
    expect(diagnose(makeSnapshot({ os: windowsOs(17134, 2208) })).headline).toMatch(/next updates will fail to install/);
    expect(ids(diagnose(makeSnapshot({ rootAutoUpdate: { disabledByPolicy: true, rootDirUrl: null, reachable: null } })))).toContain('agent-updates-will-fail');
    expect(ids(diagnose(makeSnapshot({ certificates: { root: [rootCert('AuthRoot')], disallowed: [rootCert('Disallowed')] } })))).toContain('agent-updates-will-fail');
  });

  it('stays quiet when Windows is ready, or can fetch the root itself, or the restart is all that is left', () => {
    expect(ids(diagnose(makeSnapshot()))).not.toContain('agent-updates-will-fail');
    expect(diagnose(makeSnapshot()).verdict).toBe('ready');
    const pending = makeSnapshot({ os: windowsOs(17763, 1999, 'Server'), hotfixes: [{ id: 'KB5006672', installedOn: '2026-11-19' }], pendingReboot: { required: true, reasons: [] } });
    expect(ids(diagnose(pending))).not.toContain('agent-updates-will-fail');
  });

  it('tells a machine without the agent that installing it would fail', () => {
    const diagnosis = diagnose(makeSnapshot({ os: windowsOs(17763, 2209, 'Server'), services: [], products: [] }));
    expect(diagnosis.findings.find((f) => f.id === 'agent-updates-will-fail')).toMatchObject({ severity: 'info', title: 'Installing the agent would fail here' });
  });

  it('does not add it when the agent already fails (the signature failure says more)', () => {
    const failing = makeSnapshot({
      os: windowsOs(17763, 2209, 'Server'),
      services: [{ name: 'ntrtscan', displayName: 'Apex One NT RealTime Scan', state: 'Stopped', startType: 'Automatic', exitCode: 577, imagePath: null }],
    });
    expect(ids(diagnose(failing))).not.toContain('agent-updates-will-fail');
  });
});
