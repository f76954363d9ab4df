// Plain-text rendering of fix descriptions, previews and outcomes for the command line, in its language
// (--lang): each text from its message, data (paths, KBs, hashes, commands) as it is.
import type { Locale } from '../shared/i18n/index.js';
import { inLanguage, textIn } from './texts.js';
import type { FixDescription, FixOutcome, FixPreview } from './types.js';

/** One argument as a person would type it in PowerShell: quoted when it has spaces or special characters. */
export function showArgument(arg: string): string {
  return /^[\w\-./\\:=]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "''")}'`;
}

export function formatPreview(index: number, description: FixDescription, preview: FixPreview, locale: Locale = 'en'): string {
  const say = (text: string, ref: Parameters<typeof inLanguage>[1]) => inLanguage(text, ref, locale);
  const title = say(description.title, description.titleMessage);
  const admin = description.needsAdmin ? ` (${textIn(locale, 'cli.plan.administrator')})` : '';
  const lines = [`${index}. ${title}${admin}`, `   ${say(description.what, description.whatMessage)}`, `   ${textIn(locale, 'cli.plan.why', { why: say(description.why, description.whyMessage) })}`];
  for (const [key, value] of Object.entries(preview.facts)) {
    const words = preview.factMessages?.[key];
    lines.push(`   ${say(key, words?.label)}: ${say(value, words?.value)}`);
  }
  for (const check of preview.checks) lines.push(`   [${textIn(locale, check.passed ? 'fix.cli.checkPassed' : 'fix.cli.checkFailed')}] ${say(check.message, check.messageRef)}`);
  for (const command of preview.commands) lines.push(`   > ${[command.file, ...command.args].map(showArgument).join(' ')}${command.elevated ? `   ${textIn(locale, 'fix.cli.elevated')}` : ''}`);
  preview.blockers.forEach((blocker, position) => lines.push(`   ! ${say(blocker, preview.blockersMessages?.[position])}`));
  lines.push(`   ${textIn(locale, 'cli.plan.undo', { undo: say(description.undoNote, description.undoNoteMessage) })}`);
  return `${lines.join('\n')}\n`;
}

export function formatOutcome(outcome: FixOutcome, locale: Locale = 'en'): string {
  const say = (text: string, ref: Parameters<typeof inLanguage>[1]) => inLanguage(text, ref, locale);
  const message = say(outcome.message, outcome.messageRef);
  const lines = [`   -> ${textIn(locale, `fix.status.${outcome.status}`)}: ${message}`];
  for (const command of outcome.commands) lines.push(`      ${[command.file, ...command.args].map(showArgument).join(' ')} => ${say(command.meaning, command.meaningMessage)}`);
  const [ok, notOk] = [textIn(locale, 'fix.cli.itemOk'), textIn(locale, 'fix.cli.itemNotOk')];
  const width = Math.max(ok.length, notOk.length);
  for (const detail of outcome.verification?.details ?? []) lines.push(`      ${(detail.ok ? ok : notOk).padEnd(width)} ${detail.item}: ${say(detail.message, detail.messageRef)}`);
  // The helper's own (English) words, for support: in English only when the message does not say them already.
  if (outcome.helperMessage && (locale !== 'en' || !outcome.message.includes(outcome.helperMessage))) lines.push(`      ${textIn(locale, 'fix.cli.helperSaid', { message: outcome.helperMessage })}`);
  if (outcome.adminScript) lines.push(`      ${textIn(locale, 'fix.cli.adminScript', { path: outcome.adminScript.cmdPath })}`);
  return `${lines.join('\n')}\n`;
}
