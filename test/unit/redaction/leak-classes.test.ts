// Issue 15: values that used to survive into a redacted report's snapshot.json and report.html. Each
// class is generated (fast-check) and placed where real snapshots carry it; the redacted snapshot,
// diagnosis, journal and HTML must keep none of it, and the leak check must find nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import { redactReport } from '../../../src-main/redaction/redact.js';
import { renderHtmlReport } from '../../../src-main/report/html.js';
import type { Snapshot } from '../../../src-main/snapshot/schema.js';
import { saltedSnapshot } from './salted.js';

/** A label that is never an ordinary word of a report: letters then a digit. */
const label = fc.tuple(fc.stringMatching(/^[a-z]{3,7}$/), fc.nat(9)).map(([letters, digit]) => `${letters}${digit}`);
const upperLabel = label.map((text) => text.toUpperCase());
const hex = (length: number) => fc.array(fc.constantFrom(...'0123456789abcdef'), { minLength: length, maxLength: length }).map((chars) => chars.join(''));
const casing = fc.constantFrom(
  (text: string) => text,
  (text: string) => text.toUpperCase(),
  (text: string) => text.toLowerCase(),
);

function redactEverything(snapshot: Snapshot): { text: string; leaks: string[]; redacted: Snapshot } {
  const diagnosis = diagnose(snapshot);
  const redacted = redactReport({ snapshot, diagnosis, journal: [] });
  const html = renderHtmlReport({ ...redacted, supportCode: 'ACS-0000-0000', redacted: true, generatedAt: '2026-12-05T12:00:00Z' });
  const text = `${JSON.stringify(redacted.snapshot)}\n${JSON.stringify(redacted.diagnosis)}\n${html}`;
  return { text, leaks: redacted.redactor.findLeaks(text).map((leak) => leak.placeholder), redacted: redacted.snapshot };
}

function withEvent(snapshot: Snapshot, message: string, data: string[] = []): Snapshot {
  const copy = structuredClone(snapshot);
  copy.events = [...(copy.events ?? []), { log: 'Security', provider: 'Microsoft-Windows-Security-Auditing', id: 4624, time: '2026-11-20T08:16:00Z', data, message }];
  return copy;
}

function containsWord(text: string, word: string): boolean {
  return new RegExp(`(?<![A-Za-z0-9])${word.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(?![A-Za-z0-9])`, 'i').test(text);
}

describe('redaction leak classes (issue 15)', () => {
  it('learns every label of the DNS domain and its DC= form', () => {
    fc.assert(
      fc.property(label, label, fc.constantFrom('org', 'com', 'example'), label, (site, company, tld, ca) => {
        const snapshot = structuredClone(saltedSnapshot());
        const domain = `${site}.${company}.${tld}`;
        snapshot.host = { computerName: 'WS-LEAK-1', domain };
        const dn = `CN=${ca}-Issuing, DC=${site}, DC=${company}, DC=${tld}`;
        const withDn = withEvent(snapshot, `Certificate for ${dn} enrolled`, [`OU=Staff,DC=${site},DC=${company},DC=${tld}`]);
        const { text, leaks } = redactEverything(withDn);
        for (const secret of [site, company]) expect(containsWord(text, secret), secret).toBe(false);
        expect(leaks).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('replaces the subjects of enterprise (non-Microsoft) roots and keeps their thumbprints', () => {
    fc.assert(
      fc.property(label, label, hex(40), (organisation, ca, thumbprint) => {
        const snapshot = structuredClone(saltedSnapshot());
        snapshot.host = { computerName: 'WS-LEAK-2', domain: null };
        const subject = `CN=${ca} Root CA, OU=PKI, O=${organisation} Holdings GmbH, DC=${organisation}, DC=local`;
        snapshot.certificates!.root = [
          ...(snapshot.certificates!.root ?? []),
          { thumbprint: thumbprint.toUpperCase(), subject, issuer: subject, notBefore: '2020-01-01T00:00:00Z', notAfter: '2040-01-01T00:00:00Z', store: 'Root' },
        ];
        const { text, leaks, redacted } = redactEverything(snapshot);
        for (const secret of [organisation, ca]) expect(containsWord(text, secret), secret).toBe(false);
        expect(leaks).toEqual([]);
        expect(redacted.certificates!.root!.some((certificate) => certificate.thumbprint === thumbprint.toUpperCase())).toBe(true);
        // Microsoft's roots keep their names: they are what the diagnosis talks about.
        expect(text).toContain('Microsoft Root Certificate Authority 2011');
      }),
      { numRuns: 40 },
    );
  });

  it('treats any X\\user prefix as a domain (NetBIOS names unrelated to the DNS domain)', () => {
    fc.assert(
      fc.property(upperLabel, label, casing, (netbios, user, recase) => {
        const snapshot = withEvent(saltedSnapshot(), `An account was successfully logged on: ${recase(netbios)}\\${recase(user)} (logon type 3).`, [`${netbios}\\${user}`]);
        const { text, leaks } = redactEverything(snapshot);
        expect(containsWord(text, netbios), netbios).toBe(false);
        expect(containsWord(text, user), user).toBe(false);
        expect(leaks).toEqual([]);
        // Paths with spaces are not accounts: "Trend Micro\Security Agent" stays readable.
        expect(text).toContain('Trend Micro\\\\Security Agent');
      }),
      { numRuns: 40 },
    );
  });

  it('replaces Azure AD SIDs (S-1-12-1-…)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4_294_967_295 }), { minLength: 4, maxLength: 4 }), (parts) => {
        const sid = `S-1-12-1-${parts.join('-')}`;
        const { text, leaks } = redactEverything(withEvent(saltedSnapshot(), `Token for ${sid} issued`, [sid]));
        expect(text).not.toContain(sid);
        expect(leaks).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('replaces MAC addresses in every form (001A2B3C4D5E, 001a.2b3c.4d5e, 00-1A-…, 00:1a:…)', () => {
    fc.assert(
      fc.property(
        hex(12).filter((value) => /[a-f]/.test(value)),
        fc.constantFrom('bare', 'cisco', 'dash', 'colon'),
        casing,
        (digits, form, recase) => {
          const pairs = digits.match(/../g)!;
          const written = recase(form === 'bare' ? digits : form === 'cisco' ? digits.match(/..../g)!.join('.') : pairs.join(form === 'dash' ? '-' : ':'));
          const { text, leaks } = redactEverything(withEvent(saltedSnapshot(), `Adapter with physical address ${written} came up`, [written]));
          expect(text.toLowerCase()).not.toContain(written.toLowerCase());
          expect(leaks).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('replaces hosts in \\Device\\Mup\\server\\… and \\\\?\\UNC\\server\\… paths', () => {
    fc.assert(
      fc.property(label, fc.constantFrom('\\Device\\Mup\\', '\\\\?\\UNC\\', '\\??\\UNC\\'), (server, prefix) => {
        const path = `${prefix}${server}-fs\\deploy$\\agent\\TmListen.exe`;
        const { text, leaks } = redactEverything(withEvent(saltedSnapshot(), `Code Integrity could not verify ${path}`, [path]));
        expect(text.toLowerCase()).not.toContain(`${server}-fs`);
        expect(leaks).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('replaces zero-padded IPv4 addresses (010.001.002.003) and their plain form', () => {
    fc.assert(
      fc.property(fc.tuple(fc.integer({ min: 11, max: 223 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 })), (parts) => {
        const padded = parts.map((part) => String(part).padStart(3, '0')).join('.');
        const plain = parts.join('.');
        const { text, leaks } = redactEverything(withEvent(saltedSnapshot(), `Connection from ${padded} refused`, [padded]));
        expect(text).not.toContain(padded);
        expect(containsWord(text.replace(/IP-\d+/g, ''), plain)).toBe(false);
        expect(leaks).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('never shows host.machineId raw', () => {
    fc.assert(
      fc.property(hex(64), (digest) => {
        const snapshot = structuredClone(saltedSnapshot());
        const machineId = `sha256:${digest}`;
        snapshot.host = { computerName: 'WS-LEAK-3', domain: null, machineId } as Snapshot['host'];
        const { text, leaks, redacted } = redactEverything(snapshot);
        expect(text).not.toContain(digest);
        expect(leaks).toEqual([]);
        expect((redacted.host as { machineId?: string }).machineId).toMatch(/^MACHINE-\d+$/);
      }),
      { numRuns: 20 },
    );
  });
});
