import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import type { Service, Signature } from '../../../src-main/snapshot/schema.js';
import { ACS_ROOT, APEX, apexService, ci3033, ci3089, codeIntegrityEvent, devicePath, failingServices, makeSnapshot, rootCert, scmEvent, windowsOs } from './builders.js';

const stoppedScan = () => [apexService('ntrtscan', 'Apex One NT RealTime Scan', 'NTRtScan.exe', { state: 'Stopped', exitCode: 1 }), apexService('TmListen', 'Apex One NT Listener', 'TmListen.exe')];
const ready = { certificates: { root: [rootCert('AuthRoot')], disallowed: [] } };

function statusOf(snapshot: ReturnType<typeof makeSnapshot>, name = 'ntrtscan') {
  return diagnose(snapshot).agentServices.services.find((service) => service.name === name)?.status;
}

describe('agent services and signature failures', () => {
  it('reads the raw insertion string %%577, not the message, so a German Windows is diagnosed the same', () => {
    const german = scmEvent(
      7000,
      ['Apex One NT RealTime Scan', '%%577'],
      'Der Dienst "Apex One NT RealTime Scan" wurde aufgrund folgenden Fehlers nicht gestartet: Die digitale Signatur dieser Datei kann nicht überprüft werden.',
    );
    expect(statusOf(makeSnapshot({ services: stoppedScan(), events: [german] }))).toBe('failed-signature');
  });

  it('does not take an English message about signatures as proof when the raw code says otherwise', () => {
    const misleading = scmEvent(7000, ['Apex One NT RealTime Scan', '%%2'], 'Windows cannot verify the digital signature for this file.');
    expect(statusOf(makeSnapshot({ services: stoppedScan(), events: [misleading] }))).toBe('failed-other');
  });

  it('counts SCM 7023 with %%577, exit code 577, and CERT_E_UNTRUSTEDROOT codes', () => {
    expect(statusOf(makeSnapshot({ services: stoppedScan(), events: [scmEvent(7023, ['Apex One NT RealTime Scan', '%%577'])] }))).toBe('failed-signature');
    const exit577 = [apexService('ntrtscan', 'Apex One NT RealTime Scan', 'NTRtScan.exe', { state: 'Stopped', exitCode: 577 })];
    expect(statusOf(makeSnapshot({ services: exit577 }))).toBe('failed-signature');
    expect(statusOf(makeSnapshot({ services: stoppedScan(), events: [scmEvent(7000, ['Apex One NT RealTime Scan', '%%-2146762487'])] }))).toBe('failed-signature');
  });

  it('matches the event to the service by display name or service name, ignoring case', () => {
    expect(statusOf(makeSnapshot({ services: stoppedScan(), events: [scmEvent(7000, ['apex one nt realtime scan', '%%577'])] }))).toBe('failed-signature');
    expect(statusOf(makeSnapshot({ services: stoppedScan(), events: [scmEvent(7000, ['ntrtscan', '%%577'])] }))).toBe('failed-signature');
    expect(statusOf(makeSnapshot({ services: stoppedScan(), events: [scmEvent(7000, ['Some Other Service', '%%577'])] }))).toBe('failed-other');
  });

  it("counts Code Integrity 3004/3033 events whose file is the service's own program or a library in its folder", () => {
    for (const id of [3004, 3033]) {
      const event = codeIntegrityEvent(id, '\\Device\\HarddiskVolume3\\Program Files (x86)\\Trend Micro\\Security Agent\\NTRtScan.exe');
      expect(statusOf(makeSnapshot({ services: stoppedScan(), events: [event] })), `event ${id}`).toBe('failed-signature');
    }
    const library = codeIntegrityEvent(3033, '\\Device\\HarddiskVolume3\\Program Files (x86)\\Trend Micro\\Security Agent\\TmPfwLib.dll');
    expect(statusOf(makeSnapshot({ services: stoppedScan(), events: [library] }))).toBe('failed-signature');
  });

  it('does not blame a service for another program in the same folder', () => {
    const other = codeIntegrityEvent(3004, '\\Device\\HarddiskVolume3\\Program Files (x86)\\Trend Micro\\Security Agent\\TmListen.exe');
    expect(statusOf(makeSnapshot({ services: stoppedScan(), events: [other] }))).toBe('failed-other');
  });

  it("counts a signature status other than Valid on the service's binary", () => {
    const signatures = [{ path: `${APEX}\\NTRtScan.exe`, status: 'UnknownError' as const, signerSubject: null, rootThumbprint: null }];
    expect(statusOf(makeSnapshot({ services: stoppedScan(), signatures }))).toBe('failed-signature');
  });

  it('treats a running service as running, whatever old events say', () => {
    const diagnosis = diagnose(makeSnapshot({ events: [scmEvent(7000, ['Apex One NT RealTime Scan', '%%577'])] }));
    expect(diagnosis.agentServices.status).toBe('running');
    expect(diagnosis.plan).toEqual([]);
  });

  it('explains that services failing with 1068 wait for the failing one', () => {
    const diagnosis = diagnose(makeSnapshot({ services: failingServices() }));
    expect(diagnosis.agentServices.services.map((s) => s.status)).toEqual(['failed-signature', 'failed-other']);
    expect(diagnosis.findings.find((f) => f.id === 'agent-failed-other')?.severity).toBe('info');
    expect(diagnosis.plan.find((s) => s.step === 'start-agent-services')?.services).toEqual(['ntrtscan', 'TmListen']);
  });

  it('does not start manual services that are simply not running, nor disabled ones', () => {
    const services = [
      apexService('ntrtscan', 'Apex One NT RealTime Scan', 'NTRtScan.exe'),
      apexService('TmPfw', 'OfficeScan NT Firewall', 'TmPfw.exe', { state: 'Stopped', startType: 'Manual', exitCode: 1077 }),
      apexService('TmProxy', 'OfficeScan NT Proxy Service', 'TmProxy.exe', { state: 'Stopped', startType: 'Disabled', exitCode: 1077 }),
    ];
    const diagnosis = diagnose(makeSnapshot({ services }));
    expect(diagnosis.agentServices.status).toBe('running');
    expect(diagnosis.plan).toEqual([]);
    expect(diagnosis.findings.map((f) => f.id)).toContain('agent-disabled');
  });

  it('plans a start for automatic services that are stopped without an error', () => {
    const services = [apexService('ntrtscan', 'Apex One NT RealTime Scan', 'NTRtScan.exe', { state: 'Stopped', exitCode: 1077 })];
    const diagnosis = diagnose(makeSnapshot({ services, ...ready }));
    expect(diagnosis.agentServices.status).toBe('stopped');
    expect(diagnosis.plan.map((s) => s.step)).toEqual(['start-agent-services']);
    expect(diagnosis.headline).toMatch(/just needs to be started/);
  });

  it('ignores services of other vendors', () => {
    const other = { name: 'Spooler', displayName: 'Print Spooler', state: 'Stopped' as const, startType: 'Automatic' as const, exitCode: 577, imagePath: 'C:\\Windows\\System32\\spoolsv.exe' };
    expect(diagnose(makeSnapshot({ services: [other] })).agentServices.status).toBe('not-installed');
  });

  it('recognises Deep Security and Worry-Free services and unknown Trend Micro services by display name', () => {
    const services = [
      {
        name: 'ds_agent',
        displayName: 'Trend Micro Deep Security Agent',
        state: 'Running' as const,
        startType: 'Automatic' as const,
        exitCode: 0,
        imagePath: 'C:\\Program Files\\Trend Micro\\Deep Security Agent\\dsa.exe',
      },
      { name: 'TmNewThing', displayName: 'Trend Micro Future Component', state: 'Running' as const, startType: 'Automatic' as const, exitCode: 0, imagePath: null },
    ];
    const diagnosis = diagnose(makeSnapshot({ services }));
    expect(diagnosis.agentServices.services.map((s) => s.product)).toEqual(['Deep Security / Cloud One / Vision One', 'Trend Micro agent']);
  });

  it('says "unknown" when services could not be read and "not-installed" when there are none', () => {
    expect(diagnose(makeSnapshot({ services: null })).agentServices.status).toBe('unknown');
    expect(diagnose(makeSnapshot({ services: [] })).agentServices.status).toBe('not-installed');
  });

  it('points to support when Windows is ready but the agent still fails its signature check', () => {
    const diagnosis = diagnose(makeSnapshot({ services: failingServices(), ...ready }));
    expect(diagnosis.plan.map((s) => s.step)).toEqual(['start-agent-services', 'contact-support']);
    expect(diagnosis.headline).toMatch(/still fails/);
  });

  it('points to support for a binary with a broken or missing signature', () => {
    const signatures = [{ path: `${APEX}\\NTRtScan.exe`, status: 'HashMismatch' as const, signerSubject: null, rootThumbprint: null }];
    const diagnosis = diagnose(makeSnapshot({ services: failingServices(), signatures, ...ready }));
    expect(diagnosis.findings.map((f) => f.id)).toContain('agent-binary-damaged');
    expect(diagnosis.plan.at(-1)?.why).toMatch(/damaged or unsigned/);
  });

  it('does not plan to start services on a Windows that must be upgraded', () => {
    expect(diagnose(makeSnapshot({ os: windowsOs(16299, 1), services: failingServices() })).plan.map((s) => s.step)).toEqual(['upgrade-windows']);
  });
});

describe('risky workarounds', () => {
  it('warns about test signing and disabled integrity checks', () => {
    const diagnosis = diagnose(makeSnapshot({ bootConfiguration: { testSigning: true, noIntegrityChecks: false } }));
    expect(diagnosis.findings.find((f) => f.id === 'test-signing-enabled')).toMatchObject({ severity: 'warning', explanation: expect.stringMatching(/bcdedit \/set testsigning off/) });
    expect(diagnosis.findings.map((f) => f.id)).not.toContain('integrity-checks-disabled');
    expect(diagnose(makeSnapshot({ bootConfiguration: null })).findings.map((f) => f.id)).not.toContain('test-signing-enabled');
  });
});

describe('Code Integrity events read for what they mean (issue 13, item 2)', () => {
  const scanExe = `${APEX}\\NTRtScan.exe`;
  const intelDll = 'C:\\Windows\\System32\\DriverStore\\FileRepository\\iigd_dch.inf_amd64_3b8e5f3e\\igdumdim64.dll';
  const ACS_ISSUER = 'Microsoft ID Verified CS EOC CA 02';

  it("a 3033 for another vendor's DLL loaded into the agent's process does not blame the agent", () => {
    expect(statusOf(makeSnapshot({ services: stoppedScan(), events: [ci3033(intelDll, scanExe)] }))).toBe('failed-other');
    const running = diagnose(makeSnapshot({ events: [ci3033(intelDll, scanExe)] }));
    expect(running.agentServices.status).toBe('running');
    expect(running.findings.map((f) => f.id)).not.toContain('agent-signature-failure');
  });

  it("a 3033 whose file is the agent's library counts, whichever process loaded it", () => {
    expect(statusOf(makeSnapshot({ services: stoppedScan(), events: [ci3033(`${APEX}\\TmUmEvt64.dll`, 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25100.9-0\\MsMpEng.exe')] }))).toBe(
      'failed-signature',
    );
  });

  it('a 3089 alone names no file and proves nothing about the agent', () => {
    expect(statusOf(makeSnapshot({ services: stoppedScan(), events: [ci3089('Trend Micro, Inc.', ACS_ISSUER)] }))).toBe('failed-other');
  });

  it('a 3089 linked by ActivityID with a "Microsoft ID Verified CS" issuer shows the blocked file is ACS-signed', () => {
    const id = '{5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b}';
    const diagnosis = diagnose(
      makeSnapshot({
        services: stoppedScan(),
        events: [ci3089('Trend Micro, Inc.', ACS_ISSUER, { activityId: id.toUpperCase(), time: '2026-11-19T08:00:01Z' }), ci3033(scanExe, 'C:\\Windows\\System32\\services.exe', { activityId: id })],
      }),
    );
    const service = diagnosis.agentServices.services.find((s) => s.name === 'ntrtscan');
    expect(service?.signatureEvidence).toContain('ACS-signed (Code Integrity 3089)');
    expect(diagnosis.findings.find((f) => f.id === 'agent-signature-failure')?.evidence.some((e) => /Azure Code Signing \(issuer Microsoft ID Verified CS EOC CA 02\)/.test(e.note ?? ''))).toBe(true);
    const otherActivity = diagnose(
      makeSnapshot({
        services: stoppedScan(),
        events: [ci3089('Trend Micro, Inc.', ACS_ISSUER, { activityId: '{00000000-0000-0000-0000-000000000001}' }), ci3033(scanExe, 'C:\\Windows\\System32\\services.exe', { activityId: id })],
      }),
    );
    expect(otherActivity.agentServices.services.find((s) => s.name === 'ntrtscan')?.signatureEvidence).not.toContain('ACS-signed (Code Integrity 3089)');
  });

  it('without ActivityIDs, a 3089 links only when one 3004/3033 was written in the same second', () => {
    const alone = diagnose(makeSnapshot({ services: stoppedScan(), events: [ci3033(scanExe, 'C:\\Windows\\System32\\services.exe'), ci3089('Trend Micro, Inc.', ACS_ISSUER)] }));
    expect(alone.agentServices.services[0]?.signatureEvidence).toContain('ACS-signed (Code Integrity 3089)');
    const two = diagnose(
      makeSnapshot({ services: stoppedScan(), events: [ci3033(scanExe, 'C:\\Windows\\System32\\services.exe'), ci3033(intelDll, scanExe), ci3089('Trend Micro, Inc.', ACS_ISSUER)] }),
    );
    expect(two.agentServices.services[0]?.signatureEvidence).not.toContain('ACS-signed (Code Integrity 3089)');
  });

  it('a 3104 is a deny-list block, not missing trust', () => {
    const diagnosis = diagnose(makeSnapshot({ services: stoppedScan(), events: [codeIntegrityEvent(3104, devicePath(scanExe))] }));
    expect(diagnosis.agentServices.services[0]?.status).toBe('failed-other');
    expect(diagnosis.findings.find((f) => f.id === 'agent-failed-other')?.evidence.some((e) => /deny list/.test(e.note ?? ''))).toBe(true);
  });

  it('driver failures (7026, a 3004 on a .sys) are reported as "not ACS" and never blame an agent service', () => {
    const events = [scmEvent(7026, ['\ntmcomm\ntmactmon']), codeIntegrityEvent(3004, devicePath(`${APEX}\\tmwfp.sys`))];
    const diagnosis = diagnose(makeSnapshot({ services: stoppedScan(), events }));
    expect(diagnosis.agentServices.services[0]?.status).toBe('failed-other');
    const driver = diagnosis.findings.find((f) => f.id === 'driver-load-failure');
    expect(driver?.explanation).toMatch(/tmcomm, tmactmon, tmwfp\.sys/);
    expect(driver?.explanation).toMatch(/not the Azure Code Signing problem/);
    expect(driver?.explanation).toMatch(/driver itself/);
  });

  it('on Windows 7 without SHA-2 support the driver finding names KB4474419', () => {
    const diagnosis = diagnose(makeSnapshot({ os: windowsOs(7601, null), hotfixes: [{ id: 'KB5006743', installedOn: '2021-10-20' }], events: [scmEvent(7026, ['tmcomm'])] }));
    expect(diagnosis.findings.find((f) => f.id === 'driver-load-failure')?.explanation).toMatch(/KB4474419/);
    const withSha2 = diagnose(
      makeSnapshot({
        os: windowsOs(7601, null),
        hotfixes: [
          { id: 'KB4474419', installedOn: '2019-09-25' },
          { id: 'KB5006743', installedOn: '2021-10-20' },
        ],
        events: [scmEvent(7026, ['tmcomm'])],
      }),
    );
    expect(withSha2.findings.find((f) => f.id === 'driver-load-failure')?.explanation).not.toMatch(/KB4474419/);
  });

  it('a driver service failing with 577 is a driver problem, not an ACS one', () => {
    const driverService = {
      name: 'tmcomm',
      displayName: 'Trend Micro Common Module',
      state: 'Stopped' as const,
      startType: 'System' as const,
      exitCode: 577,
      imagePath: '\\SystemRoot\\System32\\DRIVERS\\tmcomm.sys',
    };
    const diagnosis = diagnose(makeSnapshot({ services: [...stoppedScan().slice(1), driverService] }));
    expect(diagnosis.agentServices.services.find((s) => s.name === 'tmcomm')?.status).toBe('failed-other');
    expect(diagnosis.agentServices.status).not.toBe('failed-signature');
  });
});

describe('7024 with a certificate-trust code (issue 13, item 3)', () => {
  const ended = () => [apexService('ntrtscan', 'Apex One NT RealTime Scan', 'NTRtScan.exe', { state: 'Stopped', exitCode: 1066 }), apexService('TmListen', 'Apex One NT Listener', 'TmListen.exe')];

  it('CERT_E_UNTRUSTEDROOT (%%-2146762487, or unsigned %%2148204809) and CERT_E_CHAINING as the service-specific error are signature-trust failures', () => {
    for (const code of ['%%-2146762487', '%%2148204809', '%%-2146762486', '%%2148204810']) {
      expect(statusOf(makeSnapshot({ services: ended(), events: [scmEvent(7024, ['Apex One NT RealTime Scan', code])] })), code).toBe('failed-signature');
    }
  });

  it('another service-specific code, or CERT_E_REVOKED (%%-2146762484), is another cause', () => {
    for (const code of ['%%1', '%%577', '%%-2146762484']) {
      expect(statusOf(makeSnapshot({ services: ended(), events: [scmEvent(7024, ['Apex One NT RealTime Scan', code])] })), code).toBe('failed-other');
    }
  });

  it('requires the ACS root: the chain already ended in an untrusted root', () => {
    const diagnosis = diagnose(makeSnapshot({ services: ended(), events: [scmEvent(7024, ['Apex One NT RealTime Scan', '%%-2146762487'])] }));
    expect(diagnosis.rootCertificate).toMatchObject({ status: 'missing', required: true });
    expect(diagnosis.plan.map((step) => step.step)).toEqual(['install-root-certificate', 'start-agent-services']);
  });
});

describe('agents: more Trend services, every catch-all, other vendors on Trusted Signing (issue 13, item 7)', () => {
  const CONTOSO = 'C:\\Program Files\\Contoso\\EDR\\cedrsvc.exe';
  const contoso = (changes: Partial<Service> = {}): Service => ({
    name: 'CedrSvc',
    displayName: 'Contoso EDR Service',
    state: 'Stopped',
    startType: 'Automatic',
    exitCode: 577,
    imagePath: `"${CONTOSO}"`,
    ...changes,
  });
  const acsSignature = (changes: Partial<Signature> = {}): Signature => ({
    path: CONTOSO,
    status: 'NotTrusted',
    signerSubject: 'CN=Contoso Ltd, O=Contoso Ltd, C=GB',
    rootThumbprint: null,
    signerIssuer: 'CN=Microsoft ID Verified CS EOC CA 02, O=Microsoft Corporation, C=US',
    ...changes,
  });

  it('recognises ds_nuagent and the older TmCCSF display name', () => {
    const services = [
      {
        name: 'ds_nuagent',
        displayName: 'Deep Security Network Agent',
        state: 'Stopped' as const,
        startType: 'Automatic' as const,
        exitCode: 577,
        imagePath: '"C:\\Program Files\\Trend Micro\\Deep Security Agent\\nuagent.exe"',
      },
      { name: 'CCSF', displayName: 'OfficeScan Common Client Solution Framework', state: 'Running' as const, startType: 'Automatic' as const, exitCode: 0, imagePath: null },
    ];
    const diagnosis = diagnose(makeSnapshot({ services }));
    expect(diagnosis.agentServices.services.map((s) => [s.name, s.product])).toEqual([
      ['ds_nuagent', 'Deep Security / Cloud One / Vision One'],
      ['CCSF', 'Apex One / OfficeScan'],
    ]);
    expect(diagnosis.agentServices.services[0]?.status).toBe('failed-signature');
  });

  it('checks every service the collector\'s catch-alls report: a "Trend Micro" display name or a program under \\Trend Micro\\', () => {
    const services = [
      { name: 'TmESHost', displayName: 'Trend Micro Endpoint Sensor Host', state: 'Stopped' as const, startType: 'Automatic' as const, exitCode: 577, imagePath: null },
      { name: 'xagt_tm', displayName: 'XDR Agent', state: 'Stopped' as const, startType: 'Automatic' as const, exitCode: 577, imagePath: '"C:\\Program Files (x86)\\Trend Micro\\XDR\\xagt.exe"' },
    ];
    const diagnosis = diagnose(makeSnapshot({ services }));
    expect(diagnosis.agentServices.services.map((s) => s.status)).toEqual(['failed-signature', 'failed-signature']);
    expect(diagnosis.plan.find((step) => step.step === 'start-agent-services')?.services).toEqual(['TmESHost', 'xagt_tm']);
  });

  it("reports another vendor's ACS-signed program that fails with signature evidence, and helps it", () => {
    const diagnosis = diagnose(makeSnapshot({ os: windowsOs(19044, 1288), services: [contoso()], signatures: [acsSignature()], products: [] }));
    expect(diagnosis.findings.find((f) => f.id === 'other-vendor-acs-failure')?.explanation).toMatch(/Contoso EDR Service is not from Trend Micro/);
    expect(diagnosis.agentServices.status).toBe('failed-signature');
    expect(diagnosis.agentServices.services[0]).toMatchObject({ name: 'CedrSvc', product: 'Another vendor (ACS-signed)', status: 'failed-signature' });
    expect(diagnosis.plan.map((step) => step.step)).toEqual(['install-windows-update', 'install-root-certificate', 'reboot', 'start-agent-services']);
    expect(diagnosis.plan.at(-1)?.services).toEqual(['CedrSvc']);
  });

  it('takes the chain (an ACS intermediate or the root) or a linked Code Integrity 3089 as proof too', () => {
    const byChain = acsSignature({
      signerIssuer: null,
      chainThumbprints: ['0123456789ABCDEF0123456789ABCDEF01234567', '8BC0201379A2A31BA36EDD20223865C194A02174', '8E750F459DAF9A79D6370DB747AD2226866AD818'],
    });
    expect(diagnose(makeSnapshot({ services: [contoso()], signatures: [byChain] })).findings.map((f) => f.id)).toContain('other-vendor-acs-failure');
    const byRoot = acsSignature({ signerIssuer: null, rootThumbprint: ACS_ROOT });
    expect(diagnose(makeSnapshot({ services: [contoso()], signatures: [byRoot] })).findings.map((f) => f.id)).toContain('other-vendor-acs-failure');
    const events = [ci3033(CONTOSO, 'C:\\Windows\\System32\\services.exe'), ci3089('Contoso Ltd', 'Microsoft ID Verified CS AOC CA 04')];
    expect(diagnose(makeSnapshot({ services: [contoso({ exitCode: 1067 })], events })).findings.map((f) => f.id)).toContain('other-vendor-acs-failure');
  });

  it('leaves other vendors alone without ACS proof, without signature evidence, or while running', () => {
    const classic = acsSignature({ signerIssuer: 'CN=DigiCert Trusted G4 Code Signing RSA4096 SHA384 2021 CA1, O=DigiCert, Inc., C=US' });
    for (const snapshot of [
      makeSnapshot({ services: [contoso()], signatures: [classic] }),
      makeSnapshot({ services: [contoso({ exitCode: 1067 })], signatures: [acsSignature({ status: 'Valid' })] }),
      makeSnapshot({ services: [contoso({ state: 'Running', exitCode: 0 })], signatures: [acsSignature()] }),
    ]) {
      const diagnosis = diagnose(snapshot);
      expect(diagnosis.findings.map((f) => f.id)).not.toContain('other-vendor-acs-failure');
      expect(diagnosis.agentServices.status).toBe('not-installed');
    }
  });
});
