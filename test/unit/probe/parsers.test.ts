// Pure parsers of the built-in tools, on recorded-style output of each command (CRLF line ends,
// German and Japanese text where Windows localises it). Fixtures: test/fixtures/windows-output/.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACS_ROOT_CERTIFICATE } from '../../../src-main/catalogue/root-certificate.js';
import { localToIso, parseCertutilStore, parseLocalDate, type LocalDateTime } from '../../../src-main/probe/builtin/parse-certutil.js';
import { parseCurlReachable, parseWhoamiElevated, parseWmicQfe, wmiInstalledOn } from '../../../src-main/probe/builtin/parse-misc.js';
import { findRegistryValue, parseRegQuery, registryMultiString, registryNumber, subkeyNames } from '../../../src-main/probe/builtin/parse-reg.js';
import { parseScQc, parseScQueryEx, scErrorCode } from '../../../src-main/probe/builtin/parse-sc.js';
import { eventQuery, parseWevtutilXml } from '../../../src-main/probe/builtin/parse-wevtutil.js';
import { decodeWindowsOutput } from '../../../src-main/windows/node-runner.js';

const fixture = (name: string) => decodeWindowsOutput(readFileSync(new URL(`../../fixtures/windows-output/${name}`, import.meta.url)));
const utc = (date: LocalDateTime) => new Date(Date.UTC(date.year, date.month - 1, date.day, date.hour, date.minute, date.second)).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('reg query', () => {
  it('reads the Windows version key with CRLF, empty values, binary data and subkeys', () => {
    const keys = parseRegQuery(fixture('reg-query-currentversion-win10-22h2.txt'));
    const key = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';
    expect(findRegistryValue(keys, key, 'ProductName')?.data).toBe('Windows 10 Enterprise');
    expect(registryNumber(findRegistryValue(keys, key, 'UBR'))).toBe(4291);
    expect(findRegistryValue(keys, key, 'DisplayVersion')?.data).toBe('22H2');
    expect(findRegistryValue(keys, key, 'EditionSubstring')?.data).toBe('');
    expect(findRegistryValue(keys, key, 'installationtype')?.data).toBe('Client');
    expect(subkeyNames(keys, key)).toEqual(['Accessibility', 'AppCompatFlags', 'Winlogon']);
  });

  it('reads Windows 7: no UBR, a service pack', () => {
    const keys = parseRegQuery(fixture('reg-query-currentversion-win7-sp1.txt'));
    const key = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';
    expect(findRegistryValue(keys, key, 'UBR')).toBeUndefined();
    expect(findRegistryValue(keys, key, 'CSDVersion')?.data).toBe('Service Pack 1');
    expect(findRegistryValue(keys, key, 'CurrentVersion')?.data).toBe('6.1');
  });

  it('reads /s output with a localised "(Standard)" value and expandable strings', () => {
    const keys = parseRegQuery(fixture('reg-query-uninstall-s-de.txt'));
    expect(keys).toHaveLength(4);
    expect(keys[0]?.values[0]).toEqual({ name: '(Standard)', type: 'REG_SZ', data: '' });
    const apex = keys[1]!;
    expect(apex.values.find((value) => value.name === 'DisplayName')?.data).toBe('Trend Micro Apex One Security Agent');
    expect(apex.values.find((value) => value.name === 'ModifyPath')).toEqual({ name: 'ModifyPath', type: 'REG_EXPAND_SZ', data: 'MsiExec.exe /X{7F8B4B23-5A3C-4C73-A6F4-2D1A8E9C0B11}' });
    expect(keys[3]?.values.find((value) => value.name === 'DisplayVersion')).toBeUndefined();
  });

  it('reads REG_MULTI_SZ items and REG_QWORD values', () => {
    const session = parseRegQuery(fixture('reg-query-session-manager-pfro.txt'));
    expect(registryMultiString(findRegistryValue(session, 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager', 'PendingFileRenameOperations'))).toEqual([
      '\\??\\C:\\Program Files (x86)\\Trend Micro\\Security Agent\\Temp\\tmp0001.dll',
      '\\??\\C:\\Windows\\Temp\\old.sys',
    ]);
    const cbs = parseRegQuery(fixture('reg-query-cbs-reboot-pending.txt'));
    const cbsKey = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing';
    expect(findRegistryValue(cbs, cbsKey, 'LastTrustTime')?.type).toBe('REG_QWORD');
    expect(subkeyNames(cbs, cbsKey)).toContain('RebootPending');
    expect(subkeyNames(cbs, cbsKey)).toContain('PackagesPending');
  });

  it('finds nothing in an error message or garbage', () => {
    expect(parseRegQuery('FEHLER: Der angegebene Registrierungsschlüssel bzw. Wert wurde nicht gefunden.\r\n')).toEqual([]);
    expect(parseRegQuery('\u00ff\u00fe\u0000 garbage')).toEqual([]);
  });
});

describe('certutil -store', () => {
  it('reads English output: hashes, issuers, subjects and US dates', () => {
    const result = parseCertutilStore(fixture('certutil-store-root-en-us.txt'), utc);
    expect(result.unreadable).toBe(0);
    expect(result.certificates.map((cert) => cert.thumbprint)).toEqual(['CDD4EEAE6000AC7F40C3802C171E30148030C072', ACS_ROOT_CERTIFICATE.sha1Thumbprint, '8F43288AD272F3103B6FB1428485EA3014C0BCFE']);
    expect(result.certificates[1]).toMatchObject({ subject: ACS_ROOT_CERTIFICATE.subject, issuer: ACS_ROOT_CERTIFICATE.subject, notBefore: '2020-04-16T11:36:00Z', notAfter: '2045-04-16T11:44:00Z' });
    expect(result.certificates[0]?.notBefore).toBe('2001-05-09T16:19:00Z');
  });

  it('reads German labels and dates (Aussteller, Antragsteller, Zertifikathash)', () => {
    const result = parseCertutilStore(fixture('certutil-store-root-de-de.txt'), utc);
    expect(result.certificates).toHaveLength(2);
    expect(result.certificates[1]).toEqual({
      thumbprint: '0563B8630D62D75ABBC8AB1E4BDFB5A899B24D43',
      issuer: 'CN=DigiCert Assured ID Root CA, OU=www.digicert.com, O=DigiCert Inc, C=US',
      subject: 'CN=DigiCert Assured ID Root CA, OU=www.digicert.com, O=DigiCert Inc, C=US',
      notBefore: '2006-11-10T01:00:00Z',
      notAfter: '2031-11-10T01:00:00Z',
    });
  });

  it('reads Japanese labels and dates', () => {
    const result = parseCertutilStore(fixture('certutil-store-authroot-ja-jp.txt'), utc);
    expect(result.certificates).toEqual([
      {
        thumbprint: ACS_ROOT_CERTIFICATE.sha1Thumbprint,
        issuer: ACS_ROOT_CERTIFICATE.subject,
        subject: ACS_ROOT_CERTIFICATE.subject,
        notBefore: '2020-04-17T03:36:00Z',
        notAfter: '2045-04-17T03:44:00Z',
      },
    ]);
  });

  it('reads the spaced hash of older Windows and counts a cut-off entry as unreadable', () => {
    const result = parseCertutilStore(fixture('certutil-store-root-win7-spaced-hash.txt'), utc);
    expect(result.certificates.map((cert) => cert.thumbprint)).toEqual(['A43489159A520F0D93D032CCAF37E7FE20A8B419']);
    expect(result.unreadable).toBe(1);
  });

  it('reads an empty store', () => {
    expect(parseCertutilStore(fixture('certutil-store-disallowed-empty.txt'))).toEqual({ certificates: [], unreadable: 0 });
  });

  it('reads local dates of each short format and refuses impossible ones', () => {
    expect(parseLocalDate('12/31/2020 12:00 AM')).toEqual({ year: 2020, month: 12, day: 31, hour: 0, minute: 0, second: 0 });
    expect(parseLocalDate('1/2/2021 12:30 PM')).toMatchObject({ month: 1, day: 2, hour: 12, minute: 30 });
    expect(parseLocalDate('31.12.2020 23:59')).toMatchObject({ year: 2020, month: 12, day: 31, hour: 23 });
    expect(parseLocalDate('2020/4/7 3:36')).toMatchObject({ year: 2020, month: 4, day: 7, hour: 3 });
    expect(parseLocalDate('13/40/2020 1:00 PM')).toBeNull();
    expect(parseLocalDate('gestern')).toBeNull();
    expect(localToIso({ year: 2020, month: 4, day: 16, hour: 18, minute: 36, second: 0 })).toMatch(/^2020-04-1\dT\d\d:36:00Z$/);
  });
});

describe('sc', () => {
  it('reads every service of sc queryex with state and Win32 exit code', () => {
    const services = parseScQueryEx(fixture('sc-queryex-all.txt'));
    expect(services.map((service) => service.name)).toEqual(['AarSvc_3f2a1', 'ntrtscan', 'TmListen', 'TmWSCSvc', 'wuauserv']);
    expect(services[1]).toEqual({ name: 'ntrtscan', displayName: 'Apex One NT RealTime Scan', state: 'Stopped', win32ExitCode: 577 });
    expect(services[2]?.state).toBe('Running');
    expect(services[3]?.state).toBe('StartPending');
  });

  it('reads sc qc: delayed start, quoted path, several dependencies', () => {
    expect(parseScQc(fixture('sc-qc-ntrtscan-en-us.txt'))).toEqual({
      name: 'ntrtscan',
      startType: 'AutomaticDelayed',
      binaryPath: '"C:\\Program Files (x86)\\Trend Micro\\Security Agent\\NTRtScan.exe"',
      displayName: 'Apex One NT RealTime Scan',
      dependencies: ['TmListen', 'RpcSs'],
    });
  });

  it('reads sc qc on German Windows (labels stay English) and its localised errors', () => {
    expect(parseScQc(fixture('sc-qc-ds-agent-de-de.txt'))).toMatchObject({
      name: 'ds_agent',
      startType: 'Automatic',
      dependencies: [],
      binaryPath: '"C:\\Program Files\\Trend Micro\\Deep Security Agent\\dsa.exe" -d',
    });
    const missing = fixture('sc-qc-missing-de-de.txt');
    expect(parseScQc(missing)).toBeNull();
    expect(scErrorCode(missing)).toBe(1060);
  });
});

describe('wevtutil qe /f:RenderedXml', () => {
  it('reads German SCM events: raw insertion strings, localised message with its line break', () => {
    const { events, unreadable } = parseWevtutilXml(fixture('wevtutil-system-scm-de-de.xml'));
    expect(unreadable).toBe(0);
    expect(events[0]).toMatchObject({ log: 'System', provider: 'Service Control Manager', id: 7000, time: '2026-11-23T08:14:01Z', data: ['Trend Micro Deep Security Agent', '%%577'] });
    expect(events[0]?.message).toMatch(/^Der Dienst "Trend Micro Deep Security Agent" wurde aufgrund folgenden Fehlers nicht gestartet: \r\nDie digitale Signatur/);
    expect(events[1]?.data).toEqual(['Trend Micro Solution Platform', '1', '60000', '1', 'Neustart des Diensts', '']);
  });

  it('reads Japanese CodeIntegrity events and counts a broken one as unreadable', () => {
    const { events, unreadable } = parseWevtutilXml(fixture('wevtutil-codeintegrity-ja-jp.xml'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: 3004, provider: 'Microsoft-Windows-CodeIntegrity', log: 'Microsoft-Windows-CodeIntegrity/Operational' });
    expect(events[0]?.data[1]).toBe('\\Device\\HarddiskVolume3\\Program Files (x86)\\Trend Micro\\Security Agent\\NTRtScan.exe');
    expect(events[0]?.message).toContain('イメージの整合性を検証できません');
    expect(unreadable).toBe(1);
  });

  it('builds a source-side XPath filter for provider, ids and age', () => {
    expect(eventQuery('Service Control Manager', [7000, 7009], 30)).toBe(
      "*[System[Provider[@Name='Service Control Manager'] and (EventID=7000 or EventID=7009) and TimeCreated[timediff(@SystemTime) <= 2592000000]]]",
    );
  });
});

describe('wmic, whoami, curl', () => {
  it('reads the wmic qfe table with doubled carriage returns, missing and FILETIME dates', () => {
    expect(parseWmicQfe(fixture('wmic-qfe.txt'))).toEqual([
      { id: 'KB5007253', installedOn: '2021-11-23', description: 'Update' },
      { id: 'KB5007273', installedOn: '2021-11-23', description: 'Security Update' },
      { id: 'KB5003791', installedOn: null, description: 'Update' },
      { id: 'KB4562830', installedOn: wmiInstalledOn('01d7e7a1b2c3d4e0'), description: 'Security Update' },
    ]);
    expect(wmiInstalledOn('01d7e7a1b2c3d4e0')).toMatch(/^2021-\d\d-\d\d$/);
    expect(wmiInstalledOn('13/45/2021')).toBeNull();
  });

  it('tells elevation from the mandatory label SID, whatever the language or code page', () => {
    expect(parseWhoamiElevated(fixture('whoami-groups-de-de.csv'))).toBe(true);
    expect(parseWhoamiElevated('"Mandatory Label\\Medium Mandatory Level","Label","S-1-16-8192",""\r\n')).toBe(false);
    expect(parseWhoamiElevated('garbage')).toBeNull();
  });

  it('counts any HTTP answer as reachable and a curl failure as not', () => {
    expect(parseCurlReachable('200', 0)).toBe(true);
    expect(parseCurlReachable('404', 0)).toBe(true);
    expect(parseCurlReachable('000', 28)).toBe(false);
  });
});
