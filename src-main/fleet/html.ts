// The fleet summary as one self-contained, inert HTML page (same escaping and CSP as the machine report).
import { REPORT_CSP, REPORT_CSS } from '../html/html-style.js';
import { html, SafeHtml } from '../html/safe-html.js';
import { PROGRAM_NAME, PROGRAM_VERSION } from '../version.js';
import { MACHINE_ROW_COLUMNS } from './machine-row.js';
import { FLEET_TEXTS } from './messages.js';
import type { FleetCount, FleetSummary } from './summarize.js';
import { countLabel, type FleetCountKind } from './text.js';
import { localized, renderMessage, type Locale, type MessageRef } from '../shared/i18n/index.js';

const T = FLEET_TEXTS.titles;

function countTable(locale: Locale, kind: FleetCountKind, title: MessageRef, counts: readonly FleetCount[]): SafeHtml {
  const say = (ref: MessageRef) => renderMessage(ref, locale);
  return html`<h2>${say(title)}</h2>${
    counts.length
      ? html`<table><thead><tr><th>${say(T.value)}</th><th>${say(T.count)}</th></tr></thead><tbody>${counts.map(
          (entry) => html`<tr><td>${countLabel(kind, entry.key, locale)}</td><td>${entry.count}</td></tr>`,
        )}</tbody></table>`
      : html`<p>${say(T.none)}</p>`
  }`;
}

function conflicts(summary: FleetSummary, locale: Locale): SafeHtml | string {
  if (!summary.conflicts.length) return '';
  const say = (ref: MessageRef) => renderMessage(ref, locale);
  return html`<h2>${say(T.conflicts)}</h2><ul>${summary.conflicts.map(
    (conflict) =>
      html`<li><strong>${conflict.computerName ?? ''}</strong>: ${localized(conflict.message, conflict.messageRef, locale)}<ul>${conflict.files.map(
        (file) =>
          html`<li><code>${file.file}</code> — ${file.computerName ?? ''}, ${file.collectedAt}, ${countLabel('verdict', file.verdict, locale)}${file.machineId ? html`, <code>${file.machineId}</code>` : ''}${conflict.kept === file.file ? html` (${say(T.kept)})` : ''}</li>`,
      )}</ul></li>`,
  )}</ul>`;
}

/** The page in pieces (everything before the machine rows, one piece per row, the rest), for writing
 * without one large string. The page is in the chosen language; the machine table's columns and values are data. */
export function* fleetHtmlChunks(summary: FleetSummary, locale: Locale = 'en'): Generator<string> {
  const say = (ref: MessageRef) => renderMessage(ref, locale);
  const verdicts = Object.entries(summary.byVerdict).map(([key, count]) => ({ key, count }));
  yield html`<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<title>${say(T.pageTitle(summary.folder))}</title>
<style>${new SafeHtml(REPORT_CSS)}</style>
</head>
<body>
<h1>${say(T.pageHeading)}</h1>
<p>${say(T.pageIntro(summary.machines, summary.snapshots, summary.folder, summary.filesRead, summary.generatedAt, `${PROGRAM_NAME} ${PROGRAM_VERSION}`))}</p>
${countTable(locale, 'verdict', T.verdicts, verdicts)}
${countTable(locale, 'windows', T.windows, summary.byWindowsVersion)}
${countTable(locale, 'missing', T.missing, summary.byMissingKb)}
${countTable(locale, 'root', T.root, summary.byRootCertificate)}
${countTable(locale, 'agent', T.agent, summary.byAgentServices)}
${conflicts(summary, locale)}
${
  summary.refused.length
    ? html`<h2>${say(T.refused)}</h2><ul>${summary.refused.map(
        (entry) => html`<li><code>${entry.file}</code> (${entry.computerName ?? ''}): ${localized(entry.reason, entry.reasonMessage, locale)}</li>`,
      )}</ul>`
    : ''
}
<h2>${say(T.machines)}</h2>
<table><thead><tr>${MACHINE_ROW_COLUMNS.map((column) => html`<th>${column}</th>`)}</tr></thead><tbody>`.value;
  for (const row of summary.rows) yield html`<tr>${MACHINE_ROW_COLUMNS.map((column) => html`<td>${row[column] === null ? '' : String(row[column])}</td>`)}</tr>`.value;
  yield html`</tbody></table>
${
  summary.unreadable.length
    ? html`<h2>${say(T.unreadable)}</h2><ul>${summary.unreadable.map((entry) => html`<li><code>${entry.file}</code>: ${localized(entry.error, entry.errorMessage, locale)}</li>`)}</ul>`
    : ''
}
</body>
</html>
`.value;
}

export function renderFleetHtml(summary: FleetSummary, locale: Locale = 'en'): string {
  return [...fleetHtmlChunks(summary, locale)].join('');
}
