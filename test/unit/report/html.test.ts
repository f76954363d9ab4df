// The HTML report is inert: every value escaped, no scripts, no external resources, strict CSP, prints cleanly.
import { formatIsoDate } from '../../../src-main/shared/i18n/index.js';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import { renderHtmlReport } from '../../../src-main/report/html.js';
import { escapeHtml, trustedQrSvg } from '../../../src-main/html/safe-html.js';
import type { Snapshot } from '../../../src-main/snapshot/schema.js';
import { encodeSupportCode, supportCodeQrSvg } from '../../../src-main/support-code/index.js';
import { saltedSnapshot } from '../redaction/salted.js';
import { HOSTILE, journalEntries } from './fixtures.js';

function hostileSnapshot(): Snapshot {
  const snapshot = structuredClone(saltedSnapshot());
  snapshot.host = { computerName: HOSTILE.computerName, domain: HOSTILE.css };
  snapshot.services![0]!.displayName = HOSTILE.displayName;
  snapshot.services![0]!.imagePath = HOSTILE.path;
  snapshot.events![0]!.message = HOSTILE.message;
  snapshot.errors!.push({ section: HOSTILE.css, message: HOSTILE.message });
  return snapshot;
}

async function render(snapshot: Snapshot) {
  const diagnosis = diagnose(snapshot);
  const supportCode = encodeSupportCode(diagnosis, snapshot);
  return renderHtmlReport({
    snapshot,
    diagnosis,
    journal: journalEntries(HOSTILE.displayName, HOSTILE.computerName),
    supportCode,
    qrSvg: await supportCodeQrSvg(supportCode),
    redacted: false,
    generatedAt: '2026-11-24T12:00:00.000Z',
  });
}

describe('renderHtmlReport', () => {
  it('never turns snapshot values into markup', async () => {
    const page = await render(hostileSnapshot());
    // Escaped text holds no "<", so every "<" starts a tag the template wrote: check each one.
    const allowedTag = new RegExp(
      '^<(!DOCTYPE html|/?(html|head|meta|title|style|body|header|main|footer|div|p|span|strong|small|br|h[1-3]|section|table|thead|tbody|tr|th|td|dl|dt|dd|ol|ul|li|code|svg|path)' +
        '( (class|lang|charset|http-equiv|content|name|role|aria-label|xmlns|viewBox|shape-rendering|fill|stroke|d)="[^"<>]*")*\\s*/?)>$',
    );
    const tags = page.match(/<[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(100);
    expect(tags.filter((tag) => !allowedTag.test(tag))).toEqual([]);
    expect(page.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]/);
    expect(/<style>([\s\S]*?)<\/style>/.exec(page)?.[1]).not.toMatch(/url\(|@import/i);
    expect(page.match(/<style>/g)).toHaveLength(1);
    expect(page.match(/<svg /g)).toHaveLength(1);
    expect(page).toContain(escapeHtml(HOSTILE.computerName));
    expect(page).toContain(escapeHtml(HOSTILE.path));
  });

  it('carries a strict Content-Security-Policy that allows only its own stylesheet', async () => {
    const page = await render(saltedSnapshot());
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1]?.replace(/&#39;/g, "'");
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'$/);
    const css = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
    const hash = createHash('sha256').update(css, 'utf8').digest('base64');
    expect(csp).toContain(`'sha256-${hash}'`);
    expect(css).toContain('@media print');
  });

  it('shows the verdict, findings with evidence, the plan, the journal, collector version and catalogue date', async () => {
    const snapshot = saltedSnapshot();
    const diagnosis = diagnose(snapshot);
    const page = await render(snapshot);
    expect(page).toContain('Action required');
    expect(page).toContain(escapeHtml(diagnosis.headline));
    for (const finding of diagnosis.findings) expect(page).toContain(escapeHtml(finding.title));
    expect(page).toContain('<code>os.ubr</code>');
    for (const step of diagnosis.plan) expect(page).toContain(escapeHtml(step.title));
    expect(page).toContain('certutil.exe -addstore Root');
    expect(page).toContain(`acs-support-assistant 0.1.0`);
    expect(page).toContain(`Update catalogue dated ${formatIsoDate(diagnosis.catalogueDate, 'en-GB')}`);
    expect(page).toContain(encodeSupportCode(diagnosis, snapshot));
  });

  it('marks a simulated machine as simulated', async () => {
    const snapshot = saltedSnapshot();
    snapshot.collector = { name: 'acs-support-assistant', version: '0.1.0', elevated: true, method: 'simulated', profile: 'healthy-win11' };
    expect(await render(snapshot)).toContain('simulated machine (profile healthy-win11)');
  });

  it('accepts only a QR SVG of plain paths', () => {
    expect(trustedQrSvg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 5 5"><path fill="#fff" d="M0 0h5v5H0z"/></svg>')).not.toBeNull();
    expect(trustedQrSvg('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')).toBeNull();
    expect(trustedQrSvg('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><path d="M0 0"/></svg>')).toBeNull();
    expect(trustedQrSvg('<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0" onclick="x"/></svg>')).toBeNull();
  });
});
