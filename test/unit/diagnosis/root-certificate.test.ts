import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import { ACS_ROOT, APEX, failingServices, makeSnapshot, rootCert, windowsOs } from './builders.js';

const AUTO_OFF = { disabledByPolicy: true, rootDirUrl: null, reachable: null };

describe('the ACS root certificate', () => {
  it('is present in any trusted-root store of the machine', () => {
    for (const store of ['Root', 'AuthRoot', 'GroupPolicy', 'Enterprise'] as const) {
      const diagnosis = diagnose(makeSnapshot({ certificates: { root: [rootCert(store)], disallowed: [] }, rootAutoUpdate: AUTO_OFF }));
      expect(diagnosis.rootCertificate, store).toMatchObject({ status: 'present', required: false, foundIn: [store] });
    }
  });

  it('does not count the smart-card root store', () => {
    const diagnosis = diagnose(makeSnapshot({ certificates: { root: [rootCert('SmartCardRoot')], disallowed: [] }, rootAutoUpdate: AUTO_OFF }));
    expect(diagnosis.rootCertificate.status).toBe('missing');
  });

  it('is disallowed when the Disallowed store holds it, whatever else does', () => {
    const diagnosis = diagnose(makeSnapshot({ certificates: { root: [rootCert('Root'), rootCert('AuthRoot')], disallowed: [rootCert('Disallowed')] } }));
    expect(diagnosis.rootCertificate).toMatchObject({ status: 'disallowed', required: true });
    expect(diagnosis.plan.map((s) => s.step)).toEqual(['contact-support']);
    expect(diagnosis.headline).toMatch(/blocked/);
  });

  it('must be installed by hand when automatic root update is off by policy', () => {
    const diagnosis = diagnose(makeSnapshot({ rootAutoUpdate: AUTO_OFF }));
    expect(diagnosis.rootCertificate).toMatchObject({ status: 'missing', autoUpdate: 'disabled', required: true });
    expect(diagnosis.plan.map((s) => s.step)).toEqual(['install-root-certificate']);
    expect(diagnosis.plan[0]?.thumbprint).toBe(ACS_ROOT);
  });

  it('must be installed by hand when the update source cannot be reached', () => {
    const diagnosis = diagnose(makeSnapshot({ rootAutoUpdate: { disabledByPolicy: false, rootDirUrl: 'http://pki.contoso.local/ctl/', reachable: false } }));
    expect(diagnosis.rootCertificate).toMatchObject({ status: 'missing', required: true });
    expect(diagnosis.rootCertificate.reason).toMatch(/pki\.contoso\.local/);
  });

  it('is not required when automatic update is on and reachable: Windows fetches it on demand', () => {
    const diagnosis = diagnose(makeSnapshot());
    expect(diagnosis.rootCertificate).toMatchObject({ status: 'missing', autoUpdate: 'enabled', required: false });
    expect(diagnosis.rootCertificate.reason).toMatch(/downloads it the first time/);
    expect(diagnosis.verdict).toBe('ready');
  });

  it('warns, without requiring it, when reachability was not checked', () => {
    const diagnosis = diagnose(makeSnapshot({ rootAutoUpdate: { disabledByPolicy: false, rootDirUrl: null, reachable: null } }));
    expect(diagnosis.rootCertificate.required).toBe(false);
    expect(diagnosis.findings.find((f) => f.id === 'root-missing-auto-update')?.severity).toBe('warning');
  });

  it('is required when agent binaries fail with an untrusted-root chain, even with auto-update on', () => {
    const diagnosis = diagnose(
      makeSnapshot({
        services: failingServices(),
        signatures: [{ path: `${APEX}\\NTRtScan.exe`, status: 'NotTrusted', signerSubject: 'CN=Trend Micro, Inc.', rootThumbprint: ACS_ROOT }],
      }),
    );
    expect(diagnosis.rootCertificate).toMatchObject({ status: 'missing', required: true });
    expect(diagnosis.plan.map((s) => s.step)).toEqual(['install-root-certificate', 'start-agent-services']);
  });

  it('is required when the agent fails signature checks on an up-to-date Windows', () => {
    const diagnosis = diagnose(makeSnapshot({ services: failingServices() }));
    expect(diagnosis.rootCertificate.required).toBe(true);
  });

  it('is unknown when the stores could not be read, and then the verdict is never "ready"', () => {
    const off = diagnose(makeSnapshot({ certificates: null, rootAutoUpdate: AUTO_OFF }));
    expect(off.rootCertificate.status).toBe('unknown');
    expect(off.verdict).toBe('unknown');
    const on = diagnose(makeSnapshot({ certificates: null }));
    expect(on.verdict).toBe('ready');
  });

  it('ignores a certificate with the same name but another thumbprint', () => {
    const impostor = rootCert('Root', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(diagnose(makeSnapshot({ certificates: { root: [impostor], disallowed: [] }, rootAutoUpdate: AUTO_OFF })).rootCertificate.status).toBe('missing');
  });

  it('keeps the plan order: update, root, reboot, start', () => {
    const diagnosis = diagnose(makeSnapshot({ os: windowsOs(19044, 1288), rootAutoUpdate: AUTO_OFF, services: failingServices() }));
    expect(diagnosis.plan.map((s) => s.step)).toEqual(['install-windows-update', 'install-root-certificate', 'reboot', 'start-agent-services']);
  });
});
