// Plain-text rendering of fix descriptions, previews and outcomes for the command line.
import type { FixDescription, FixOutcome, FixPreview } from './types.js';

/** One argument as a person would type it in PowerShell: quoted when it has spaces or special characters. */
export function showArgument(arg: string): string {
  return /^[\w\-./\\:=]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "''")}'`;
}

export function formatPreview(index: number, description: FixDescription, preview: FixPreview): string {
  const lines = [`${index}. ${description.title}${description.needsAdmin ? ' (administrator)' : ''}`, `   ${description.what}`, `   Why: ${description.why}`];
  for (const [name, value] of Object.entries(preview.facts)) lines.push(`   ${name}: ${value}`);
  for (const check of preview.checks) lines.push(`   [${check.passed ? 'ok' : 'FAIL'}] ${check.message}`);
  for (const command of preview.commands) lines.push(`   > ${[command.file, ...command.args].map(showArgument).join(' ')}${command.elevated ? '   (elevated)' : ''}`);
  for (const blocker of preview.blockers) lines.push(`   ! ${blocker}`);
  lines.push(`   Undo: ${description.undoNote}`);
  return `${lines.join('\n')}\n`;
}

export function formatOutcome(outcome: FixOutcome): string {
  const lines = [`   -> ${outcome.status}: ${outcome.message}`];
  for (const command of outcome.commands) lines.push(`      ${[command.file, ...command.args].map(showArgument).join(' ')} => ${command.meaning}`);
  for (const detail of outcome.verification?.details ?? []) lines.push(`      ${detail.ok ? 'ok ' : 'NOT'} ${detail.item}: ${detail.message}`);
  if (outcome.adminScript) lines.push(`      Administrator script: ${outcome.adminScript.cmdPath}`);
  return `${lines.join('\n')}\n`;
}
