// The fleet summary as one self-contained, inert HTML page (same escaping and CSP as the machine report).
import { REPORT_CSP, REPORT_CSS } from '../html/html-style.js';
import { html, SafeHtml } from '../html/safe-html.js';
import { PROGRAM_NAME, PROGRAM_VERSION } from '../version.js';
import { MACHINE_ROW_COLUMNS } from './machine-row.js';
import { FLEET_MESSAGES } from './messages.js';
import type { FleetCount, FleetSummary } from './summarize.js';

const T = FLEET_MESSAGES.titles;

function countTable(title: string, counts: readonly FleetCount[]): SafeHtml {
  return html`<h2>${title}</h2>${
    counts.length
      ? html`<table><thead><tr><th>${T.value}</th><th>${T.count}</th></tr></thead><tbody>${counts.map((entry) => html`<tr><td>${entry.key}</td><td>${entry.count}</td></tr>`)}</tbody></table>`
      : html`<p>${T.none}</p>`
  }`;
}

function conflicts(summary: FleetSummary): SafeHtml | string {
  if (!summary.conflicts.length) return '';
  return html`<h2>${T.conflicts}</h2><ul>${summary.conflicts.map(
    (conflict) =>
      html`<li><strong>${conflict.computerName ?? ''}</strong>: ${conflict.message}<ul>${conflict.files.map(
        (file) =>
          html`<li><code>${file.file}</code> — ${file.computerName ?? ''}, ${file.collectedAt}, ${file.verdict}${file.machineId ? html`, <code>${file.machineId}</code>` : ''}${conflict.kept === file.file ? html` (${T.kept})` : ''}</li>`,
      )}</ul></li>`,
  )}</ul>`;
}

/** The page in pieces (everything before the machine rows, one piece per row, the rest), for writing
 * without one large string. */
export function* fleetHtmlChunks(summary: FleetSummary): Generator<string> {
  const verdicts = Object.entries(summary.byVerdict).map(([key, count]) => ({ key, count }));
  yield html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<title>${T.pageTitle(summary.folder)}</title>
<style>${new SafeHtml(REPORT_CSS)}</style>
</head>
<body>
<h1>${T.pageHeading}</h1>
<p>${T.pageIntro(summary.machines, summary.snapshots, summary.folder, summary.filesRead, summary.generatedAt, `${PROGRAM_NAME} ${PROGRAM_VERSION}`)}</p>
${countTable(T.verdicts, verdicts)}
${countTable(T.windows, summary.byWindowsVersion)}
${countTable(T.missing, summary.byMissingKb)}
${countTable(T.root, summary.byRootCertificate)}
${countTable(T.agent, summary.byAgentServices)}
${conflicts(summary)}
${summary.refused.length ? html`<h2>${T.refused}</h2><ul>${summary.refused.map((entry) => html`<li><code>${entry.file}</code> (${entry.computerName ?? ''}): ${entry.reason}</li>`)}</ul>` : ''}
<h2>${T.machines}</h2>
<table><thead><tr>${MACHINE_ROW_COLUMNS.map((column) => html`<th>${column}</th>`)}</tr></thead><tbody>`.value;
  for (const row of summary.rows) yield html`<tr>${MACHINE_ROW_COLUMNS.map((column) => html`<td>${row[column] === null ? '' : String(row[column])}</td>`)}</tr>`.value;
  yield html`</tbody></table>
${summary.unreadable.length ? html`<h2>${T.unreadable}</h2><ul>${summary.unreadable.map((entry) => html`<li><code>${entry.file}</code>: ${entry.error}</li>`)}</ul>` : ''}
</body>
</html>
`.value;
}

export function renderFleetHtml(summary: FleetSummary): string {
  return [...fleetHtmlChunks(summary)].join('');
}
