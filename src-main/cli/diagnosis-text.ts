// The readable summary of a diagnosis for the terminal: verdict, headline, findings, numbered plan,
// in the chosen language (the diagnosis's message ids rendered from the catalogues).
import type { Diagnosis } from '../diagnosis/schema.js';
import { localized, t, type Locale } from '../shared/i18n/index.js';
import { terminalSafe, wrap } from './terminal-text.js';

export function formatDiagnosisText(diagnosis: Diagnosis, locale: Locale = 'en'): string {
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
  out.push(t(locale, 'cli.diagnosis.verdict', { verdict: t(locale, `verdict.${diagnosis.verdict}`).toLocaleUpperCase(locale) }));
  out.push(wrap(localized(diagnosis.headline, diagnosis.headlineMessage, locale), 96, ''));
  out.push('');
  out.push(t(locale, 'cli.diagnosis.findings'));
  for (const finding of diagnosis.findings) {
    out.push(`  [${t(locale, `severity.${finding.severity}`)}] ${terminalSafe(localized(finding.title, finding.titleMessage, locale))}`);
    out.push(wrap(localized(finding.explanation, finding.explanationMessage, locale), 92, '      '));
    if (finding.evidence.length > 0) {
      const facts = finding.evidence.map((entry) => `${entry.path} = ${shortValue(entry.value)}${entry.note ? ` (${localized(entry.note, entry.noteMessage, locale)})` : ''}`);
      out.push(wrap(t(locale, 'cli.diagnosis.evidence', { facts: facts.join('; ') }), 92, '      '));
    }
  }
  out.push('');
  if (diagnosis.plan.length === 0) {
    out.push(t(locale, 'cli.diagnosis.nothingToDo'));
  } else {
    out.push(t(locale, 'cli.diagnosis.plan'));
    diagnosis.plan.forEach((step, index) => {
      const flags = [step.needsAdmin ? t(locale, 'cli.diagnosis.needsAdmin') : '', step.needsReboot ? t(locale, 'cli.diagnosis.restart') : ''].filter(Boolean).join(', ');
      out.push(`  ${index + 1}. ${localized(step.title, step.titleMessage, locale)}${flags ? ` (${flags})` : ''}`);
      out.push(wrap(localized(step.why, step.whyMessage, locale), 92, '     '));
    });
  }
  return `${out.join('\n')}\n`;
}

function shortValue(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return terminalSafe(text.length > 160 ? `${text.slice(0, 157)}...` : text);
}
