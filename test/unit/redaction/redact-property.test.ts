// Property: whatever the names are and wherever they appear, a redacted report keeps none of them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import { redactReport } from '../../../src-main/redaction/redact.js';
import { renderHtmlReport } from '../../../src-main/report/html.js';
import { saltedSnapshot } from './salted.js';
import { journalEntries } from '../report/fixtures.js';

const computerName = fc.stringMatching(/^[A-Z]{2,6}-[A-Z0-9]{2,6}$/);
const userName = fc.stringMatching(/^[a-z]{3,8}[0-9]{1,3}$/);
const label = fc.stringMatching(/^[a-z]{4,9}$/);
const casing = fc.constantFrom(
  (text: string) => text,
  (text: string) => text.toUpperCase(),
  (text: string) => text.toLowerCase(),
);

describe('redaction over generated names', () => {
  it('leaves no computer, domain or user name in the snapshot, diagnosis, journal or HTML', () => {
    fc.assert(
      fc.property(computerName, label, userName, userName, casing, (computer, domainLabel, user, otherUser, recase) => {
        fc.pre(user !== otherUser);
        const domain = `${domainLabel}.example`;
        const snapshot = structuredClone(saltedSnapshot());
        snapshot.host = { computerName: computer, domain };
        snapshot.services![1]!.imagePath = `"C:\\Users\\${recase(user)}\\Desktop\\TmListen.exe"`;
        snapshot.events![0]!.message = `Logon of ${recase(domainLabel.toUpperCase())}\\${recase(otherUser)} on ${recase(computer)}.${recase(domain)}`;
        snapshot.events![1]!.data = [`\\Device\\HarddiskVolume2\\Users\\${otherUser}\\x.dll`];
        snapshot.errors!.push({ section: 'events', message: `${recase(user)} could not read \\\\${recase(computer)}\\c$` });
        const diagnosis = diagnose(snapshot);
        const redacted = redactReport({ snapshot, diagnosis, journal: journalEntries(`${domainLabel.toUpperCase()}\\${user}`, computer) });
        const html = renderHtmlReport({ ...redacted, supportCode: 'ACS-0000-0000', redacted: true, generatedAt: '2026-11-24T12:00:00Z' });
        const everything = `${JSON.stringify(redacted.snapshot)}${JSON.stringify(redacted.diagnosis)}${JSON.stringify(redacted.journal)}${html}`.toLowerCase();
        for (const secret of [computer, domain, user, otherUser]) expect(everything).not.toContain(secret.toLowerCase());
        expect(everything).not.toMatch(new RegExp(`[^a-z]${domainLabel}\\\\`));
        expect(redacted.snapshot.host?.computerName).toBe('HOST-1');
      }),
      { numRuns: 60 },
    );
  });
});
