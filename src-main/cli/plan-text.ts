// `fix --plan` in the chosen language: the step's title and why come from the diagnosis's messages;
// what a fix does, its facts and checks are the fix's own words (English, src-main/fixes/).
import type { PlanStep } from '../diagnosis/schema.js';
import { showArgument } from '../fixes/outcome-text.js';
import type { FixDescription, FixPreview } from '../fixes/types.js';
import { localized, t, type Locale } from '../shared/i18n/index.js';

export function formatPlanPreview(index: number, step: PlanStep, description: FixDescription, preview: FixPreview, locale: Locale): string {
  const title = localized(step.title, step.titleMessage, locale);
  const why = localized(step.why, step.whyMessage, locale);
  const lines = [`${index}. ${title}${description.needsAdmin ? ` (${t(locale, 'cli.plan.administrator')})` : ''}`, `   ${description.what}`, `   ${t(locale, 'cli.plan.why', { why })}`];
  for (const [name, value] of Object.entries(preview.facts)) lines.push(`   ${name}: ${value}`);
  for (const check of preview.checks) lines.push(`   [${check.passed ? 'ok' : 'FAIL'}] ${check.message}`);
  for (const command of preview.commands) lines.push(`   > ${[command.file, ...command.args].map(showArgument).join(' ')}${command.elevated ? '   (elevated)' : ''}`);
  for (const blocker of preview.blockers) lines.push(`   ! ${blocker}`);
  lines.push(`   ${t(locale, 'cli.plan.undo', { undo: description.undoNote })}`);
  return `${lines.join('\n')}\n`;
}
