// The self-contained HTML report (also printed to PDF by the desktop app): no scripts, no external
// resources, a strict Content-Security-Policy, every value from the snapshot escaped.
import type { Diagnosis } from '../diagnosis/schema.js';
import type { JournalEntry } from '../journal/entry.js';
import type { Snapshot } from '../snapshot/schema.js';
import { encodeSupportCode, supportCodeQrSvg } from '../support-code/index.js';
import { PROGRAM_NAME, PROGRAM_VERSION } from '../version.js';
import { REPORT_CSP, REPORT_CSS } from '../html/html-style.js';
import { findings, journal, keyFacts, machineDetails, plan, sources } from './html-sections.js';
import { html, SafeHtml, trustedQrSvg } from '../html/safe-html.js';

export interface HtmlReportInput {
  snapshot: Snapshot;
  diagnosis: Diagnosis;
  /** Action journal entries to list (those of this machine). */
  journal?: readonly JournalEntry[];
  supportCode: string;
  /** The support code's QR code from supportCodeQrSvg(); left out when absent. */
  qrSvg?: string | null;
  /** True when names and addresses were replaced by placeholders. */
  redacted: boolean;
  /** ISO time the report was made. */
  generatedAt: string;
}

const VERDICT_TITLES: Record<Diagnosis['verdict'], string> = {
  ready: 'Ready',
  'action-required': 'Action required',
  unsupported: 'Unsupported Windows version',
  unknown: 'Unknown',
};

export function renderHtmlReport(input: HtmlReportInput): string {
  const { snapshot, diagnosis } = input;
  const machine = snapshot.host?.computerName ?? diagnosis.snapshot.computerName ?? 'unnamed computer';
  const collector = snapshot.collector;
  const simulated = collector?.method === 'simulated';
  const qr = trustedQrSvg(input.qrSvg);
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ACS report: ${machine} — ${VERDICT_TITLES[diagnosis.verdict]}</title>
<style>${new SafeHtml(REPORT_CSS)}</style>
</head>
<body>
<header class="header">
<div>
<h1>ACS Support Assistant report</h1>
<p><span class="verdict verdict-${diagnosis.verdict}">${VERDICT_TITLES[diagnosis.verdict]}</span></p>
<p>${diagnosis.headline}</p>
<p>Computer <strong>${machine}</strong>, collected ${snapshot.collectedAt}</p>
</div>
<div><p>Support code<br><span class="code">${input.supportCode}</span></p>${qr ? html`<div class="qr" role="img" aria-label="QR code of the support code">${qr}</div>` : ''}</div>
</header>
${input.redacted ? html`<p class="notice">Names and addresses in this report were replaced by placeholders such as HOST-1 and USER-1 before it left the machine.</p>` : ''}
${simulated ? html`<p class="notice">This snapshot comes from a <strong>simulated</strong> machine${collector?.profile ? ` (profile ${collector.profile})` : ''}, not a real one.</p>` : ''}
<main>
${keyFacts(diagnosis)}
${findings(diagnosis)}
${plan(diagnosis)}
${journal(input.journal ?? [])}
${machineDetails(snapshot)}
${sources(diagnosis)}
</main>
<footer><p>Collector: ${collector ? `${collector.name} ${collector.version}${collector.method ? ` (${collector.method})` : ''}${collector.elevated ? ', run as administrator' : ', not elevated'}` : 'unknown'}.
Update catalogue dated ${diagnosis.catalogueDate}. Report made ${input.generatedAt} by ${PROGRAM_NAME} ${PROGRAM_VERSION}.</p></footer>
</body>
</html>
`;
  return page.value;
}

/** Renders the report with its support code and QR code worked out here (for the app's PDF and preview). */
export async function createHtmlReport(input: Omit<HtmlReportInput, 'supportCode' | 'qrSvg'>): Promise<string> {
  const supportCode = encodeSupportCode(input.diagnosis, input.snapshot);
  return renderHtmlReport({ ...input, supportCode, qrSvg: await supportCodeQrSvg(supportCode) });
}
