// The parts of the HTML report: facts, findings, plan, journal and machine details.
import type { Diagnosis, Finding, PlanStep } from '../diagnosis/schema.js';
import type { JournalEntry } from '../journal/entry.js';
import { isWindowsOs, type Snapshot } from '../snapshot/schema.js';
import { html, type SafeHtml } from '../html/safe-html.js';
import { localized, t, type Locale } from '../shared/i18n/index.js';

const yesNo = (value: boolean | null | undefined, locale: Locale = 'en') => t(locale, value === null || value === undefined ? 'common.unknown' : value ? 'common.yes' : 'common.no');

function factList(rows: readonly (readonly [string, SafeHtml | string])[]): SafeHtml {
  return html`<dl class="facts">${rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>`;
}

export function keyFacts(diagnosis: Diagnosis, locale: Locale = 'en'): SafeHtml {
  const update = diagnosis.windowsUpdate;
  const root = diagnosis.rootCertificate;
  const windows = diagnosis.windows;
  return html`<h2>${t(locale, 'report.keyFacts')}</h2>${factList([
    [t(locale, 'support.label.windows'), windows ? t(locale, 'report.windowsLine', { name: windows.name, build: windows.build, arch: windows.architecture }) : t(locale, 'report.notIdentified')],
    [
      t(locale, 'support.label.update'),
      html`${t(locale, `support.update.${update.status}`)}${update.requiredKb ? ` — ${update.requiredKb}` : ''}${update.minimumBuild ? ` (${t(locale, 'report.minimumBuild', { build: update.minimumBuild })})` : ''}<br>${localized(update.reason, update.reasonMessage, locale)}`,
    ],
    [
      t(locale, 'support.label.root'),
      html`${t(locale, `support.root.${root.status}`)}; ${t(locale, 'report.autoUpdates', { state: t(locale, `support.autoUpdate.${root.autoUpdate}`) })}<br>${localized(root.reason, root.reasonMessage, locale)}`,
    ],
    [
      t(locale, 'support.label.agent'),
      `${t(locale, `support.agent.${diagnosis.agentServices.status}`)}${diagnosis.agentServices.products.length ? ` — ${diagnosis.agentServices.products.join(', ')}` : ''}`,
    ],
    [t(locale, 'support.label.restart'), yesNo(diagnosis.pendingReboot, locale)],
  ])}`;
}

function evidenceValue(value: unknown): string {
  if (typeof value === 'string') return value;
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json;
}

function finding(item: Finding, locale: Locale): SafeHtml {
  return html`<section class="finding severity-${item.severity}"><h3>${localized(item.title, item.titleMessage, locale)} <small>(${t(locale, `severity.${item.severity}`)})</small></h3>
<p>${localized(item.explanation, item.explanationMessage, locale)}</p>${
    item.evidence.length
      ? html`<table><thead><tr><th>${t(locale, 'report.evidence')}</th><th>${t(locale, 'report.value')}</th><th>${t(locale, 'report.meaning')}</th></tr></thead><tbody>${item.evidence.map(
          (evidence) =>
            html`<tr><td><code>${evidence.path}</code></td><td><code>${evidenceValue(evidence.value)}</code></td><td>${evidence.note ? localized(evidence.note, evidence.noteMessage, locale) : ''}</td></tr>`,
        )}</tbody></table>`
      : ''
  }</section>`;
}

export function findings(diagnosis: Diagnosis, locale: Locale = 'en'): SafeHtml {
  return html`<h2>${t(locale, 'report.findings')}</h2>${diagnosis.findings.length ? diagnosis.findings.map((item) => finding(item, locale)) : html`<p>${t(locale, 'report.noProblems')}</p>`}`;
}

function planStep(step: PlanStep, locale: Locale): SafeHtml {
  const details = [
    step.kb ? t(locale, 'report.step.update', { kb: step.kb }) : null,
    step.acceptedKbs?.length ? t(locale, 'report.step.accepted', { kbs: step.acceptedKbs.join(', ') }) : null,
    step.minimumBuild ? t(locale, 'report.minimumBuild', { build: step.minimumBuild }) : null,
    step.thumbprint ? t(locale, 'report.step.thumbprint', { thumbprint: step.thumbprint }) : null,
    step.services?.length ? t(locale, 'report.step.services', { services: step.services.join(', ') }) : null,
    step.needsAdmin ? t(locale, 'report.step.admin') : null,
    step.needsReboot ? t(locale, 'report.step.restart') : null,
  ].filter((detail): detail is string => detail !== null);
  return html`<li><strong>${localized(step.title, step.titleMessage, locale)}</strong><br>${localized(step.why, step.whyMessage, locale)}${details.length ? html`<br><small>${details.join(' · ')}</small>` : ''}</li>`;
}

export function plan(diagnosis: Diagnosis, locale: Locale = 'en'): SafeHtml {
  return html`<h2>${t(locale, 'report.plan')}</h2>${diagnosis.plan.length ? html`<ol class="plan">${diagnosis.plan.map((step) => planStep(step, locale))}</ol>` : html`<p>${t(locale, 'report.nothingToDo')}</p>`}`;
}

export function journal(entries: readonly JournalEntry[], locale: Locale = 'en'): SafeHtml {
  if (entries.length === 0) return html`<h2>${t(locale, 'report.actions')}</h2><p>${t(locale, 'report.noActions')}</p>`;
  return html`<h2>${t(locale, 'report.actions')}</h2><table><thead><tr><th>${t(locale, 'report.th.time')}</th><th>${t(locale, 'report.th.step')}</th><th>${t(locale, 'report.th.event')}</th><th>${t(locale, 'report.th.result')}</th><th>${t(locale, 'report.th.by')}</th><th>${t(locale, 'report.th.commands')}</th></tr></thead><tbody>${entries.map(
    (entry) =>
      html`<tr><td>${entry.time}</td><td>${entry.step} (${entry.operation})</td><td>${entry.event}</td><td>${entry.status ?? ''}${
        entry.verified === undefined ? '' : ` — ${t(locale, 'report.verified', { verified: yesNo(entry.verified, locale) })}`
      }${entry.message ? html`<br>${localized(entry.message, entry.messageRef, locale)}` : ''}</td><td>${entry.user} (${entry.writer})</td><td>${entry.commands.map(
        (command) =>
          html`<code>${[command.file, ...command.args].join(' ')}</code> → ${command.exitCode ?? t(locale, 'report.noExitCode')} ${localized(command.meaning, command.meaningMessage, locale)}<br>`,
      )}</td></tr>`,
  )}</tbody></table>`;
}

export function machineDetails(snapshot: Snapshot, locale: Locale = 'en'): SafeHtml {
  const os = snapshot.os;
  const osLine = isWindowsOs(os)
    ? `${os.productName} (${os.editionId}, ${os.installationType}) build ${os.currentBuild}.${os.ubr ?? '?'}${os.displayVersion ? `, version ${os.displayVersion}` : ''}, ${os.architecture}`
    : `${os.productName} (${os.platform}), not Windows`;
  const services = snapshot.services ?? [];
  const events = snapshot.events ?? [];
  const errors = snapshot.errors ?? [];
  const roots = snapshot.certificates?.root ?? [];
  return html`<h2>${t(locale, 'report.machine')}</h2>${factList([
    [t(locale, 'report.os'), osLine],
    [t(locale, 'report.hotfixes'), (snapshot.hotfixes ?? []).map((hotfix) => `${hotfix.id}${hotfix.installedOn ? ` (${hotfix.installedOn})` : ''}`).join(', ') || t(locale, 'report.noneListed')],
    [
      t(locale, 'support.label.autoUpdate'),
      snapshot.rootAutoUpdate
        ? t(locale, 'report.autoUpdateDetail', { off: yesNo(snapshot.rootAutoUpdate.disabledByPolicy, locale), reachable: yesNo(snapshot.rootAutoUpdate.reachable, locale) })
        : t(locale, 'report.notCollected'),
    ],
    [
      t(locale, 'support.label.restart'),
      snapshot.pendingReboot
        ? `${yesNo(snapshot.pendingReboot.required, locale)}${snapshot.pendingReboot.reasons.length ? ` (${snapshot.pendingReboot.reasons.join(', ')})` : ''}`
        : t(locale, 'report.notCollected'),
    ],
  ])}
<h3>${t(locale, 'report.rootsSeen')}</h3>${roots.length ? html`<table><thead><tr><th>${t(locale, 'report.th.subject')}</th><th>${t(locale, 'report.th.thumbprint')}</th><th>${t(locale, 'report.th.store')}</th></tr></thead><tbody>${roots.map((certificate) => html`<tr><td>${certificate.subject}</td><td><code>${certificate.thumbprint}</code></td><td>${certificate.store}</td></tr>`)}</tbody></table>` : html`<p>${t(locale, 'report.noneListedSentence')}</p>`}
<h3>${t(locale, 'report.services')}</h3>${services.length ? html`<table><thead><tr><th>${t(locale, 'report.th.service')}</th><th>${t(locale, 'report.th.state')}</th><th>${t(locale, 'report.th.start')}</th><th>${t(locale, 'report.th.exitcode')}</th><th>${t(locale, 'report.th.program')}</th></tr></thead><tbody>${services.map((service) => html`<tr><td>${service.displayName} (<code>${service.name}</code>)</td><td>${service.state}</td><td>${service.startType}</td><td>${service.exitCode ?? ''}</td><td><code>${service.imagePath ?? ''}</code></td></tr>`)}</tbody></table>` : html`<p>${t(locale, 'report.noneFound')}</p>`}
<h3>${t(locale, 'report.events')}</h3>${events.length ? html`<table><thead><tr><th>${t(locale, 'report.th.time')}</th><th>${t(locale, 'report.th.source')}</th><th>${t(locale, 'report.th.id')}</th><th>${t(locale, 'report.th.message')}</th></tr></thead><tbody>${events.map((event) => html`<tr><td>${event.time}</td><td>${event.provider}</td><td>${event.id}</td><td>${event.message ?? event.data.join(' | ')}</td></tr>`)}</tbody></table>` : html`<p>${t(locale, 'report.noneCollected')}</p>`}
${errors.length ? html`<h3>${t(locale, 'report.notCollectedParts')}</h3><ul>${errors.map((error) => html`<li><code>${error.section}</code>: ${error.message}</li>`)}</ul>` : ''}`;
}

export function sources(diagnosis: Diagnosis, locale: Locale = 'en'): SafeHtml {
  const list = diagnosis.windowsUpdate.sources;
  // Addresses are shown as text, not links: the report stays inert and loads nothing.
  return list.length ? html`<h2>${t(locale, 'report.sources')}</h2><ul>${list.map((source) => html`<li>${source.title}: <code>${source.url}</code></li>`)}</ul>` : html``;
}
