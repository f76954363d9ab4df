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
import { localized, t, type Locale } from '../shared/i18n/index.js';

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
  /** The report's language (default English): texts, `<html lang>`, fonts (docs/i18n.md). */
  locale?: Locale;
}

export function renderHtmlReport(input: HtmlReportInput): string {
  const { snapshot, diagnosis } = input;
  const locale = input.locale ?? 'en';
  const verdict = t(locale, `verdict.${diagnosis.verdict}`);
  const machine = snapshot.host?.computerName ?? diagnosis.snapshot.computerName ?? t(locale, 'report.unnamedComputer');
  const collector = snapshot.collector;
  const simulated = collector?.method === 'simulated';
  const qr = trustedQrSvg(input.qrSvg);
  const page = html`<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t(locale, 'report.title', { machine, verdict })}</title>
<style>${new SafeHtml(REPORT_CSS)}</style>
</head>
<body>
<header class="header">
<div>
<h1>${t(locale, 'report.heading')}</h1>
<p><span class="verdict verdict-${diagnosis.verdict}">${verdict}</span></p>
<p>${localized(diagnosis.headline, diagnosis.headlineMessage, locale)}</p>
<p>${t(locale, 'report.computer', { machine, collectedAt: snapshot.collectedAt })}</p>
</div>
<div><p>${t(locale, 'report.supportCode')}<br><span class="code">${input.supportCode}</span></p>${qr ? html`<div class="qr" role="img" aria-label="${t(locale, 'report.qrLabel')}">${qr}</div>` : ''}</div>
</header>
${input.redacted ? html`<p class="notice">${t(locale, 'report.redacted')}</p>` : ''}
${simulated ? html`<p class="notice">${collector?.profile ? t(locale, 'report.simulatedProfile', { profile: collector.profile }) : t(locale, 'report.simulated')}</p>` : ''}
<main>
${keyFacts(diagnosis, locale)}
${findings(diagnosis, locale)}
${plan(diagnosis, locale)}
${journal(input.journal ?? [], locale)}
${machineDetails(snapshot, locale)}
${sources(diagnosis, locale)}
</main>
<footer><p>${t(locale, 'report.footer', {
    // The collector's own name, method and elevation are technical facts, quoted as recorded.
    collector: collector ? `${collector.name} ${collector.version}${collector.method ? ` (${collector.method})` : ''}${collector.elevated ? ', elevated' : ''}` : t(locale, 'common.unknown'),
    catalogueDate: diagnosis.catalogueDate,
    generatedAt: input.generatedAt,
    program: `${PROGRAM_NAME} ${PROGRAM_VERSION}`,
  })}</p></footer>
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
