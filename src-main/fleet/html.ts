// The fleet summary as one self-contained, inert HTML page (same escaping and CSP as the machine report).
import { REPORT_CSP, REPORT_CSS } from '../report/html-style.js';
import { html, SafeHtml } from '../report/safe-html.js';
import { PROGRAM_NAME, PROGRAM_VERSION } from '../version.js';
import { MACHINE_ROW_COLUMNS } from './machine-row.js';
import type { FleetCount, FleetSummary } from './summarize.js';

function countTable(title: string, counts: readonly FleetCount[]): SafeHtml {
  return html`<h2>${title}</h2>${
    counts.length ? html`<table><thead><tr><th>Value</th><th>Machines</th></tr></thead><tbody>${counts.map((entry) => html`<tr><td>${entry.key}</td><td>${entry.count}</td></tr>`)}</tbody></table>` : html`<p>None.</p>`
  }`;
}

export function renderFleetHtml(summary: FleetSummary): string {
  const verdicts = Object.entries(summary.byVerdict).map(([key, count]) => ({ key, count }));
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<title>ACS fleet summary: ${summary.folder}</title>
<style>${new SafeHtml(REPORT_CSS)}</style>
</head>
<body>
<h1>ACS fleet summary</h1>
<p>${summary.machines} machines from ${summary.snapshots} snapshots in ${summary.folder} (${summary.filesRead} JSON files read). Made ${summary.generatedAt} by ${PROGRAM_NAME} ${PROGRAM_VERSION}.</p>
${countTable('Verdicts', verdicts)}
${countTable('Windows versions', summary.byWindowsVersion)}
${countTable('Missing updates', summary.byMissingKb)}
${countTable('ACS root certificate', summary.byRootCertificate)}
${countTable('Agent services', summary.byAgentServices)}
<h2>Machines</h2>
<table><thead><tr>${MACHINE_ROW_COLUMNS.map((column) => html`<th>${column}</th>`)}</tr></thead><tbody>${summary.rows.map(
    (row) => html`<tr>${MACHINE_ROW_COLUMNS.map((column) => html`<td>${row[column] === null ? '' : String(row[column])}</td>`)}</tr>`,
  )}</tbody></table>
${summary.unreadable.length ? html`<h2>Unreadable files</h2><ul>${summary.unreadable.map((entry) => html`<li><code>${entry.file}</code>: ${entry.error}</li>`)}</ul>` : ''}
</body>
</html>
`.value;
}
