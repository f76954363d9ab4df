// A snapshot salted with every kind of value redaction promises to remove, and the list of those values.
import { readFileSync } from 'node:fs';
import { validateSnapshot } from '../../../src-main/snapshot/parse.js';
import type { Snapshot } from '../../../src-main/snapshot/schema.js';

/** Values that must not survive anywhere in a redacted export (checked case-insensitively). */
export const SALTED_VALUES = [
  'WS-SALT-7731',
  'corp.saltmine.example',
  'SALTMINE',
  'alice.wonder',
  'bobby_tables',
  'carol.xyz',
  'dmitri',
  'eve-admin2',
  '10.20.30.40',
  '192.168.77.5',
  'fe80::1ff:fe23:4567:890a',
  '00-1A-2B-3C-4D-5E',
  '00:1a:2b:3c:4d:6f',
  'fileserver-salt',
  'wsus-salt',
  'S-1-5-21-1004336348-1177238915-682003330-1001',
] as const;

export function saltedSnapshot(): Snapshot {
  const base = JSON.parse(readFileSync(new URL('../../fixtures/snapshots/server2019-air-gapped-missing-update-and-root.json', import.meta.url), 'utf8'));
  base.host = { computerName: 'WS-SALT-7731', domain: 'corp.saltmine.example' };
  base.rootAutoUpdate = { disabledByPolicy: true, rootDirUrl: 'http://wsus-salt.corp.saltmine.example:8530/roots/', reachable: false };
  base.services[0].imagePath = '"C:\\Users\\alice.wonder\\AppData\\Local\\Temp\\Trend\\NTRtScan.exe" -host WS-SALT-7731';
  base.signatures.push({
    path: '\\\\fileserver-salt\\deploy$\\Users\\dmitri\\agent\\TmListen.exe',
    status: 'NotTrusted',
    signerSubject: 'CN=Trend Micro, Inc.',
    rootThumbprint: null,
    statusMessage: 'Signed by a certificate that is not trusted on ws-salt-7731.corp.saltmine.example',
  });
  base.events.push(
    {
      log: 'Microsoft-Windows-CodeIntegrity/Operational',
      provider: 'Microsoft-Windows-CodeIntegrity',
      id: 3033,
      time: '2026-11-20T08:15:00Z',
      data: ['\\Device\\HarddiskVolume3\\Users\\bobby_tables\\Downloads\\tool.exe', 'SALTMINE\\carol.xyz', 'S-1-5-21-1004336348-1177238915-682003330-1001'],
      message:
        'Code Integrity determined that a process (\\Device\\HarddiskVolume3\\Users\\bobby_tables\\Downloads\\tool.exe) attempted to load a file; user SALTMINE\\carol.xyz from 10.20.30.40 (fe80::1ff:fe23:4567:890a).',
    },
    {
      log: 'System',
      provider: 'Tcpip',
      id: 4199,
      time: '2026-11-20T08:16:00Z',
      data: ['192.168.77.5', '00-1A-2B-3C-4D-5E'],
      message:
        'The system detected an address conflict for IP address 192.168.77.5 with the system having network hardware address 00:1a:2b:3c:4d:6f. Profile C:/Users/eve-admin2/Desktop. Owner SALTMINE\\carol.xyz, contact alice.wonder@corp.saltmine.example.',
    },
  );
  base.errors.push({ section: 'events', message: 'Access denied reading C:\\Documents and Settings\\dmitri\\ntuser.dat on WS-SALT-7731' });
  const parsed = validateSnapshot(base);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.snapshot;
}

/** Every salted value found in a text, ignoring case. */
export function survivingSaltedValues(text: string): string[] {
  const lower = text.toLowerCase();
  return SALTED_VALUES.filter((value) => lower.includes(value.toLowerCase()));
}
