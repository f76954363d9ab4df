// The parts of the HTML report: facts, findings, plan, journal and machine details.
import type { Diagnosis, Finding, PlanStep } from '../diagnosis/schema.js';
import type { JournalEntry } from '../journal/entry.js';
import { isWindowsOs, type Snapshot } from '../snapshot/schema.js';
import { html, type SafeHtml } from '../html/safe-html.js';

const yesNo = (value: boolean | null | undefined) => (value === null || value === undefined ? 'unknown' : value ? 'yes' : 'no');

function factList(rows: readonly (readonly [string, SafeHtml | string])[]): SafeHtml {
  return html`<dl class="facts">${rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>`;
}

export function keyFacts(diagnosis: Diagnosis): SafeHtml {
  const update = diagnosis.windowsUpdate;
  const root = diagnosis.rootCertificate;
  return html`<h2>Key facts</h2>${factList([
    ['Windows', diagnosis.windows ? `${diagnosis.windows.name} (build ${diagnosis.windows.build}, ${diagnosis.windows.architecture})` : 'not identified'],
    ['Required Windows update', html`${update.status}${update.requiredKb ? ` — ${update.requiredKb}` : ''}${update.minimumBuild ? ` (minimum build ${update.minimumBuild})` : ''}<br>${update.reason}`],
    ['ACS root certificate', html`${root.status}; automatic root updates ${root.autoUpdate}<br>${root.reason}`],
    ['Agent services', `${diagnosis.agentServices.status}${diagnosis.agentServices.products.length ? ` — ${diagnosis.agentServices.products.join(', ')}` : ''}`],
    ['Restart pending', yesNo(diagnosis.pendingReboot)],
  ])}`;
}

function evidenceValue(value: unknown): string {
  if (typeof value === 'string') return value;
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json;
}

function finding(item: Finding): SafeHtml {
  return html`<section class="finding severity-${item.severity}"><h3>${item.title} <small>(${item.severity})</small></h3>
<p>${item.explanation}</p>${
    item.evidence.length
      ? html`<table><thead><tr><th>Evidence (snapshot field)</th><th>Value</th><th>Meaning</th></tr></thead><tbody>${item.evidence.map(
          (evidence) => html`<tr><td><code>${evidence.path}</code></td><td><code>${evidenceValue(evidence.value)}</code></td><td>${evidence.note ?? ''}</td></tr>`,
        )}</tbody></table>`
      : ''
  }</section>`;
}

export function findings(diagnosis: Diagnosis): SafeHtml {
  return html`<h2>Findings</h2>${diagnosis.findings.length ? diagnosis.findings.map(finding) : html`<p>No problems found.</p>`}`;
}

function planStep(step: PlanStep): SafeHtml {
  const details = [
    step.kb ? `update ${step.kb}` : null,
    step.acceptedKbs?.length ? `also accepted: ${step.acceptedKbs.join(', ')}` : null,
    step.minimumBuild ? `minimum build ${step.minimumBuild}` : null,
    step.thumbprint ? `thumbprint ${step.thumbprint}` : null,
    step.services?.length ? `services: ${step.services.join(', ')}` : null,
    step.needsAdmin ? 'needs administrator rights' : null,
    step.needsReboot ? 'needs a restart' : null,
  ].filter((detail): detail is string => detail !== null);
  return html`<li><strong>${step.title}</strong><br>${step.why}${details.length ? html`<br><small>${details.join(' · ')}</small>` : ''}</li>`;
}

export function plan(diagnosis: Diagnosis): SafeHtml {
  return html`<h2>Plan</h2>${diagnosis.plan.length ? html`<ol class="plan">${diagnosis.plan.map(planStep)}</ol>` : html`<p>Nothing to do.</p>`}`;
}

export function journal(entries: readonly JournalEntry[]): SafeHtml {
  if (entries.length === 0) return html`<h2>Actions taken</h2><p>No fixes were applied from this program on this machine.</p>`;
  return html`<h2>Actions taken</h2><table><thead><tr><th>Time</th><th>Step</th><th>Event</th><th>Result</th><th>By</th><th>Commands</th></tr></thead><tbody>${entries.map(
    (entry) => html`<tr><td>${entry.time}</td><td>${entry.step} (${entry.operation})</td><td>${entry.event}</td><td>${entry.status ?? ''}${
      entry.verified === undefined ? '' : ` — verified: ${yesNo(entry.verified)}`
    }${entry.message ? html`<br>${entry.message}` : ''}</td><td>${entry.user} (${entry.writer})</td><td>${entry.commands.map(
      (command) => html`<code>${[command.file, ...command.args].join(' ')}</code> → ${command.exitCode ?? 'no exit code'} ${command.meaning}<br>`,
    )}</td></tr>`,
  )}</tbody></table>`;
}

export function machineDetails(snapshot: Snapshot): SafeHtml {
  const os = snapshot.os;
  const osLine = isWindowsOs(os)
    ? `${os.productName} (${os.editionId}, ${os.installationType}) build ${os.currentBuild}.${os.ubr ?? '?'}${os.displayVersion ? `, version ${os.displayVersion}` : ''}, ${os.architecture}`
    : `${os.productName} (${os.platform}), not Windows`;
  const services = snapshot.services ?? [];
  const events = snapshot.events ?? [];
  const errors = snapshot.errors ?? [];
  const roots = snapshot.certificates?.root ?? [];
  return html`<h2>Machine details</h2>${factList([
    ['Operating system', osLine],
    ['Installed updates', (snapshot.hotfixes ?? []).map((hotfix) => `${hotfix.id}${hotfix.installedOn ? ` (${hotfix.installedOn})` : ''}`).join(', ') || 'none listed'],
    ['Automatic root updates', snapshot.rootAutoUpdate ? `turned off by policy: ${yesNo(snapshot.rootAutoUpdate.disabledByPolicy)}; source reachable: ${yesNo(snapshot.rootAutoUpdate.reachable)}` : 'not collected'],
    ['Restart pending', snapshot.pendingReboot ? `${yesNo(snapshot.pendingReboot.required)}${snapshot.pendingReboot.reasons.length ? ` (${snapshot.pendingReboot.reasons.join(', ')})` : ''}` : 'not collected'],
  ])}
<h3>Trusted root certificates seen</h3>${roots.length ? html`<table><thead><tr><th>Subject</th><th>Thumbprint</th><th>Store</th></tr></thead><tbody>${roots.map((certificate) => html`<tr><td>${certificate.subject}</td><td><code>${certificate.thumbprint}</code></td><td>${certificate.store}</td></tr>`)}</tbody></table>` : html`<p>None listed.</p>`}
<h3>Agent services</h3>${services.length ? html`<table><thead><tr><th>Service</th><th>State</th><th>Start</th><th>Exit code</th><th>Program</th></tr></thead><tbody>${services.map((service) => html`<tr><td>${service.displayName} (<code>${service.name}</code>)</td><td>${service.state}</td><td>${service.startType}</td><td>${service.exitCode ?? ''}</td><td><code>${service.imagePath ?? ''}</code></td></tr>`)}</tbody></table>` : html`<p>None found.</p>`}
<h3>Events</h3>${events.length ? html`<table><thead><tr><th>Time</th><th>Source</th><th>Id</th><th>Message</th></tr></thead><tbody>${events.map((event) => html`<tr><td>${event.time}</td><td>${event.provider}</td><td>${event.id}</td><td>${event.message ?? event.data.join(' | ')}</td></tr>`)}</tbody></table>` : html`<p>None collected.</p>`}
${errors.length ? html`<h3>What could not be collected</h3><ul>${errors.map((error) => html`<li><code>${error.section}</code>: ${error.message}</li>`)}</ul>` : ''}`;
}

export function sources(diagnosis: Diagnosis): SafeHtml {
  const list = diagnosis.windowsUpdate.sources;
  // Addresses are shown as text, not links: the report stays inert and loads nothing.
  return list.length ? html`<h2>Sources</h2><ul>${list.map((source) => html`<li>${source.title}: <code>${source.url}</code></li>`)}</ul>` : html``;
}
