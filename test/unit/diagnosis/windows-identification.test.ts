import { describe, expect, it } from 'vitest';
import { identifyWindows } from '../../../src-main/catalogue/windows-versions.js';
import { windowsOs } from './builders.js';

function keyOf(build: number, type: 'Client' | 'Server' | 'Server Core', productName = 'Windows 10 Pro'): string {
  const result = identifyWindows({ ...windowsOs(build, 1, type), productName });
  return result.ok ? result.requirement.key : `unknown: ${result.reason}`;
}

describe('identifying Windows from build number and installation type', () => {
  it('calls every client build from 22000 on Windows 11, whatever ProductName says', () => {
    expect(keyOf(22000, 'Client', 'Windows 10 Pro')).toBe('win11');
    expect(keyOf(22631, 'Client', 'Windows 10 Enterprise')).toBe('win11');
    expect(keyOf(26100, 'Client')).toBe('win11');
    expect(keyOf(28000, 'Client')).toBe('win11');
  });

  it('tells shared build numbers apart by installation type', () => {
    expect(keyOf(9200, 'Client')).toBe('win8');
    expect(keyOf(9200, 'Server')).toBe('server-2012');
    expect(keyOf(17763, 'Client')).toBe('win10-1809');
    expect(keyOf(17763, 'Server')).toBe('server-2019');
    expect(keyOf(17763, 'Server Core')).toBe('server-2019');
    expect(keyOf(14393, 'Client')).toBe('win10-1607');
    expect(keyOf(14393, 'Server')).toBe('server-2016');
    expect(keyOf(7601, 'Client')).toBe('win7-sp1');
    expect(keyOf(7601, 'Server')).toBe('server-2008r2-sp1');
    expect(keyOf(6002, 'Client')).toBe('vista');
    expect(keyOf(6003, 'Server')).toBe('server-2008-sp2');
    expect(keyOf(9600, 'Client')).toBe('win81');
    expect(keyOf(9600, 'Server')).toBe('server-2012r2');
    expect(keyOf(26100, 'Server')).toBe('server-2025');
  });

  it('knows the server releases that support ACS natively', () => {
    expect(identifyWindows(windowsOs(25398, 1, 'Server'))).toMatchObject({ ok: true, requirement: { rule: 'native', key: 'server-23h2' } });
    expect(identifyWindows(windowsOs(26100, 1, 'Server Core'))).toMatchObject({ ok: true, requirement: { rule: 'native' } });
  });

  it('marks versions that never received the ACS update as unsupported', () => {
    for (const build of [2600, 6000, 7600, 9200, 10586, 15063, 16299, 17134, 18362]) {
      const result = identifyWindows(windowsOs(build, 1, 'Client'));
      expect(result.ok && result.requirement.rule, `client build ${build}`).toBe('none');
    }
    for (const build of [3790, 6001, 7600, 16299, 17134, 18362]) {
      const result = identifyWindows(windowsOs(build, 1, 'Server'));
      expect(result.ok && result.requirement.rule, `server build ${build}`).toBe('none');
    }
  });

  it('refuses to guess an Insider build', () => {
    expect(identifyWindows(windowsOs(21390, 2025, 'Client')).ok).toBe(false);
    expect(identifyWindows(windowsOs(22557, 1, 'Server')).ok).toBe(false);
  });
});
