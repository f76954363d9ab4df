// Redaction removes every promised value (names, domains, users in paths and events, addresses) and
// replaces each with one stable placeholder, so the snapshot still reads coherently.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previewRedaction, redactSnapshot, Redactor } from '../../../src-main/redaction/redact.js';
import { validateSnapshot } from '../../../src-main/snapshot/parse.js';
import { saltedSnapshot, survivingSaltedValues } from './salted.js';

describe('redactSnapshot', () => {
  it('leaves none of the salted values anywhere in the snapshot', () => {
    const { snapshot, replacements } = redactSnapshot(saltedSnapshot());
    expect(survivingSaltedValues(JSON.stringify(snapshot))).toEqual([]);
    expect(replacements.length).toBeGreaterThanOrEqual(12);
  });

  it('uses stable placeholders: the same value gets the same placeholder everywhere', () => {
    const { snapshot } = redactSnapshot(saltedSnapshot());
    expect(snapshot.host).toEqual({ computerName: 'HOST-1', domain: 'DOMAIN-1' });
    expect(snapshot.services?.[0]?.imagePath).toBe('"C:\\Users\\USER-1\\AppData\\Local\\Temp\\Trend\\NTRtScan.exe" -host HOST-1');
    expect(snapshot.signatures?.at(-1)?.statusMessage).toBe('Signed by a certificate that is not trusted on HOST-1.DOMAIN-1');
    const conflict = snapshot.events?.at(-1);
    expect(conflict?.data).toEqual(['IP-3', 'MAC-1']);
    expect(conflict?.message).toContain('IP address IP-3');
    expect(conflict?.message).toContain('hardware address MAC-2');
  });

  it('keeps the redacted snapshot valid and keeps what the diagnosis needs', () => {
    const original = saltedSnapshot();
    const { snapshot } = redactSnapshot(original);
    expect(validateSnapshot(snapshot).ok).toBe(true);
    expect(snapshot.os).toEqual(original.os);
    expect(snapshot.hotfixes).toEqual(original.hotfixes);
    expect(snapshot.certificates).toEqual(original.certificates);
    expect(snapshot.services?.map((service) => [service.name, service.state, service.exitCode])).toEqual(original.services?.map((service) => [service.name, service.state, service.exitCode]));
    expect(snapshot.events?.[0]?.data).toEqual(['Apex One NT RealTime Scan', '%%577']);
    expect(snapshot.products).toEqual(original.products);
  });

  it('does not read version numbers as IP addresses, or built-in accounts as people', () => {
    const redactor = Redactor.forValues({ version: '14.0.0.12', note: 'NT AUTHORITY\\SYSTEM ran C:\\Users\\Public\\x.exe and C:\\Users\\Default\\y' });
    expect(redactor.replacements()).toEqual([]);
    expect(redactor.redactText('Run as administrator from 127.0.0.1')).toBe('Run as administrator from 127.0.0.1');
  });

  it('redacts a short computer name only as a whole word', () => {
    const redactor = Redactor.forValues({ host: { computerName: 'PC7', domain: null } });
    expect(redactor.redactText('PC7 failed; PC70 is another machine; pc7.corp')).toBe('HOST-1 failed; PC70 is another machine; HOST-1.corp');
  });

  it('removes any user name from any profile path, whatever it looks like', () => {
    const nameArbitrary = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_ -]{4,18}[A-Za-z0-9]$/).filter((name) => !/^(users?|public|default|admin|administrators?|system|guest|shared|appdata)$/i.test(name));
    fc.assert(
      fc.property(nameArbitrary, fc.constantFrom('C:\\Users\\', '\\Device\\HarddiskVolume4\\Users\\', 'D:/Users/', 'C:\\Documents and Settings\\'), (name, prefix) => {
        const text = `Failed to load ${prefix}${name}\\AppData\\agent.dll for ${name}`;
        const redactor = Redactor.forValues({ events: [{ message: text }] });
        const redacted = redactor.redactText(text);
        expect(redacted.toLowerCase()).not.toContain(name.toLowerCase());
        expect(redacted).toBe(`Failed to load ${prefix}USER-1\\AppData\\agent.dll for USER-1`);
      }),
      { numRuns: 300 },
    );
  });

  it('learns accounts from journal-style fields (user, computer)', () => {
    const redactor = Redactor.forValues({ host: { computerName: 'WS-1', domain: 'corp.example' } }, [{ user: 'CORP\\jdoe', computer: 'WS-1' }]);
    expect(redactor.redactText('CORP\\jdoe on WS-1')).toBe('DOMAIN-2\\USER-1 on HOST-1');
  });
});

describe('what redaction leaves readable (issue 15 patterns)', () => {
  it('keeps Microsoft names, registry reasons and paths with spaces', () => {
    const material = {
      os: { productName: 'Microsoft Windows XP' },
      certificates: {
        root: [
          {
            thumbprint: 'CDD4EEAE6000AC7F40C3802C171E30148030C072',
            subject: 'CN=Microsoft Root Certificate Authority, DC=microsoft, DC=com',
            issuer: 'CN=Microsoft Root Certificate Authority, DC=microsoft, DC=com',
          },
        ],
      },
      pendingReboot: { required: true, reasons: ['Component Based Servicing\\RebootPending', 'WindowsUpdate\\RebootRequired'] },
      events: [{ message: 'NT AUTHORITY\\SYSTEM started C:\\Program Files (x86)\\Trend Micro\\Security Agent\\NTRtScan.exe; IIS APPPOOL\\DefaultAppPool; C:\\Documents and Settings\\All Users' }],
    };
    const redactor = Redactor.forValues(material);
    expect(redactor.replacements()).toEqual([]);
    expect(redactor.redactValue(material)).toEqual(material);
  });
});

describe('previewRedaction', () => {
  it('lists exactly what will be replaced, how often and where', () => {
    const snapshot = saltedSnapshot();
    const journal = [{ user: 'SALTMINE\\carol.xyz', computer: 'WS-SALT-7731', message: 'Root installed' }];
    const preview = previewRedaction({ snapshot, journal });
    const byOriginal = new Map(preview.replacements.map((entry) => [entry.original, entry]));
    expect(byOriginal.get('WS-SALT-7731')).toMatchObject({ kind: 'host', placeholder: 'HOST-1' });
    expect(byOriginal.get('WS-SALT-7731')?.fields).toEqual(expect.arrayContaining(['snapshot.host.computerName', 'journal[].computer']));
    expect(byOriginal.get('alice.wonder')).toMatchObject({ kind: 'user' });
    expect(byOriginal.get('10.20.30.40')).toMatchObject({ kind: 'ip' });
    expect(byOriginal.get('S-1-5-21-1004336348-1177238915-682003330-1001')).toMatchObject({ kind: 'sid', placeholder: 'SID-1' });
    for (const entry of preview.replacements) expect(entry.occurrences).toBeGreaterThan(0);
    // Applying the preview's list to the material leaves nothing of it behind.
    const { snapshot: redacted } = redactSnapshot(snapshot);
    const text = JSON.stringify(redacted).toLowerCase();
    for (const entry of preview.replacements) if (entry.original.length >= 5) expect(text).not.toContain(entry.original.toLowerCase());
  });
});

describe('a machine named with an everyday word', () => {
  it('is replaced where it names the machine, not inside ordinary words', () => {
    const redactor = Redactor.forValues({ host: { computerName: 'SERVER', domain: null } });
    expect(redactor.redactText('SERVER')).toBe('HOST-1');
    expect(redactor.redactText('Windows Server 2019 Standard')).toBe('Windows Server 2019 Standard');
    expect(redactor.redactText('copied from \\\\SERVER\\share to SERVER\\bob on server.corp.example ($SERVER$)')).toBe(
      'copied from \\\\HOST-1\\share to HOST-1\\bob on HOST-1.corp.example ($HOST-1$)',
    );
    expect(redactor.findLeaks('Windows Server 2019 Standard')).toEqual([]);
  });
});
