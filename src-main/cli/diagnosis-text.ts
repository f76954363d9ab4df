// The readable summary of a diagnosis for the terminal: verdict, headline, findings, numbered plan.
import type { Diagnosis } from '../diagnosis/schema.js';
import { terminalSafe, wrap } from './terminal-text.js';

const VERDICT_LABEL: Record<Diagnosis['verdict'], string> = {
  ready: 'READY',
  'action-required': 'ACTION REQUIRED',
  unsupported: 'UNSUPPORTED WINDOWS',
  unknown: 'UNKNOWN',
};

export function formatDiagnosisText(diagnosis: Diagnosis): string {
  const out: string[] = [];
  const machine = diagnosis.snapshot.computerName ? ` of ${terminalSafe(diagnosis.snapshot.computerName)}` : '';
  out.push(`ACS Support Assistant: diagnosis${machine} (collected ${terminalSafe(diagnosis.snapshot.collectedAt)})`);
  if (diagnosis.windows) {
    const w = diagnosis.windows;
    out.push(`Windows: ${w.name} (${w.installationType}, build ${terminalSafe(w.build)}, ${terminalSafe(w.architecture)})`);
  }
  out.push(`Verdict: ${VERDICT_LABEL[diagnosis.verdict]}`);
  out.push(wrap(diagnosis.headline, 96, ''));
  out.push('');
  out.push('Findings:');
  for (const finding of diagnosis.findings) {
    out.push(`  [${finding.severity}] ${terminalSafe(finding.title)}`);
    out.push(wrap(finding.explanation, 92, '      '));
    if (finding.evidence.length > 0) {
      const facts = finding.evidence.map((entry) => `${entry.path} = ${shortValue(entry.value)}${entry.note ? ` (${entry.note})` : ''}`);
      out.push(wrap(`evidence: ${facts.join('; ')}`, 92, '      '));
    }
  }
  out.push('');
  if (diagnosis.plan.length === 0) {
    out.push('Plan: nothing to do.');
  } else {
    out.push('Plan:');
    diagnosis.plan.forEach((step, index) => {
      const flags = [step.needsAdmin ? 'needs administrator' : '', step.needsReboot ? 'restart involved' : ''].filter(Boolean).join(', ');
      out.push(`  ${index + 1}. ${step.title}${flags ? ` (${flags})` : ''}`);
      out.push(wrap(step.why, 92, '     '));
    });
  }
  return `${out.join('\n')}\n`;
}

function shortValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return terminalSafe(text.length > 160 ? `${text.slice(0, 157)}...` : text);
}
