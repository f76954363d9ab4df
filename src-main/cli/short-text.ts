// The short answer of `diagnose` (the default): what a helpdesk reads aloud on the phone in under a
// minute — computer and Windows, verdict with the headline, what is wrong, the next step, the
// reference article and the support code. Everything else (findings with evidence) with --verbose.
import type { Diagnosis } from '../diagnosis/schema.js';
import type { Snapshot } from '../snapshot/schema.js';
import { localized, t, type Locale } from '../shared/i18n/index.js';
import { encodeSupportCode } from '../support-code/codec.js';
import { terminalSafe, wrap } from './terminal-text.js';

export function formatDiagnosisShort(diagnosis: Diagnosis, snapshot: Snapshot, locale: Locale = 'en'): string {
  const out: string[] = [];
  const collectedAt = terminalSafe(diagnosis.snapshot.collectedAt);
  out.push(
    diagnosis.snapshot.computerName
      ? t(locale, 'cli.diagnosis.headingMachine', { machine: terminalSafe(diagnosis.snapshot.computerName), collectedAt })
      : t(locale, 'cli.diagnosis.heading', { collectedAt }),
  );
  if (diagnosis.windows) {
    const w = diagnosis.windows;
    out.push(t(locale, 'cli.diagnosis.windows', { name: w.name, type: w.installationType, build: terminalSafe(w.build), arch: terminalSafe(w.architecture) }));
  }
  out.push(wrap(t(locale, 'cli.short.verdict', { verdict: t(locale, `verdict.${diagnosis.verdict}`), headline: localized(diagnosis.headline, diagnosis.headlineMessage, locale) }), 96, ''));
  // Problems only, by title; the collector's own gaps are evidence (--verbose).
  const problems = diagnosis.findings.filter((finding) => finding.severity !== 'info' && finding.id !== 'collection-errors');
  if (problems.length > 0) {
    out.push(t(locale, 'cli.short.problems'));
    for (const finding of problems) out.push(`  ! ${terminalSafe(localized(finding.title, finding.titleMessage, locale))}`);
  }
  const steps = diagnosis.plan.filter((step) => step.step !== 'contact-support');
  const next = steps[0] ?? diagnosis.plan[0];
  out.push(next ? t(locale, 'cli.short.next', { count: Math.max(steps.length, 1), title: localized(next.title, next.titleMessage, locale) }) : t(locale, 'cli.short.nothingToDo'));
  if (diagnosis.verdict !== 'ready') out.push(t(locale, 'cli.short.reference'));
  out.push(t(locale, 'cli.short.supportCode', { code: encodeSupportCode(diagnosis, snapshot) }));
  out.push(t(locale, 'cli.short.verbose'));
  return `${out.join('\n')}\n`;
}
