// The fleet summary in plain text for the command line, in the chosen language (--lang).
import { CATALOGUES, localized, message, renderMessage, type Locale, type MessageRef } from '../shared/i18n/index.js';
import { FLEET_TEXTS } from './messages.js';
import type { FleetCount, FleetSummary } from './summarize.js';

const T = FLEET_TEXTS.titles;

export type FleetCountKind = 'verdict' | 'windows' | 'missing' | 'root' | 'agent';

/** A counted value as people read it: a verdict or a status in words, a Windows name or KB as it is. */
export function countLabel(kind: FleetCountKind, key: string, locale: Locale): string {
  const known = (id: string): MessageRef | null => (CATALOGUES.en[id] === undefined ? null : message(id as Parameters<typeof message>[0]));
  let ref: MessageRef | null = null;
  if (kind === 'verdict') ref = known(`verdict.${key}`);
  else if (kind === 'agent') ref = known(`support.agent.${key}`);
  else if (kind === 'root') {
    const match = /^(\S+) \(auto-update (\S+)\)$/.exec(key);
    const root = match && known(`support.root.${match[1]}`);
    const autoUpdate = match && known(`support.autoUpdate.${match[2]}`);
    if (root && autoUpdate) ref = message('fleet.value.root', { root, autoUpdate });
  }
  return ref ? renderMessage(ref, locale) : key;
}

function countLines(locale: Locale, kind: FleetCountKind, title: MessageRef, counts: readonly FleetCount[], limit = 15): string[] {
  if (counts.length === 0) return [renderMessage(FLEET_TEXTS.textNone(title), locale)];
  const shown = counts.slice(0, limit).map((entry) => `  ${String(entry.count).padStart(6)}  ${countLabel(kind, entry.key, locale)}`);
  if (counts.length > limit) shown.push(renderMessage(FLEET_TEXTS.textMore(counts.length - limit), locale));
  return [`${renderMessage(title, locale)}:`, ...shown];
}

export function formatFleetText(summary: FleetSummary, locale: Locale = 'en'): string {
  const say = (ref: MessageRef) => renderMessage(ref, locale);
  const verdicts = Object.entries(summary.byVerdict).map(([key, count]) => ({ key, count }));
  const lines = [
    say(FLEET_TEXTS.textHeadline(summary.folder, summary.machines, summary.snapshots, summary.filesRead)),
    ...countLines(locale, 'verdict', T.verdicts, verdicts),
    ...countLines(locale, 'windows', T.windows, summary.byWindowsVersion),
    ...countLines(locale, 'missing', T.missing, summary.byMissingKb),
    ...countLines(locale, 'root', T.root, summary.byRootCertificate),
    ...countLines(locale, 'agent', T.agent, summary.byAgentServices),
  ];
  if (summary.conflicts.length) {
    lines.push(say(FLEET_TEXTS.textConflicts(summary.conflicts.length)));
    for (const conflict of summary.conflicts.slice(0, 20))
      lines.push(
        `  ${conflict.computerName ?? ''}: ${localized(conflict.message, conflict.messageRef, locale)}: ${conflict.files
          .slice(0, 5)
          .map((file) => file.file)
          .join(', ')}${conflict.files.length > 5 ? ', …' : ''}`,
      );
    if (summary.conflicts.length > 20) lines.push(say(FLEET_TEXTS.textMoreSee(summary.conflicts.length - 20)));
  }
  if (summary.refused.length) {
    lines.push(say(FLEET_TEXTS.textRefused(summary.refused.length)));
    for (const entry of summary.refused.slice(0, 20)) lines.push(`  ${entry.file}: ${localized(entry.reason, entry.reasonMessage, locale)}`);
    if (summary.refused.length > 20) lines.push(say(FLEET_TEXTS.textMoreSee(summary.refused.length - 20)));
  }
  if (summary.unreadable.length) {
    lines.push(say(FLEET_TEXTS.textUnreadable(summary.unreadable.length)));
    for (const entry of summary.unreadable.slice(0, 20)) lines.push(`  ${entry.file}: ${localized(entry.error, entry.errorMessage, locale)}`);
    if (summary.unreadable.length > 20) lines.push(say(FLEET_TEXTS.textMoreSee(summary.unreadable.length - 20)));
  }
  if (summary.skipped.length) lines.push(say(FLEET_TEXTS.textSkipped(summary.skipped.length)));
  return `${lines.join('\n')}\n`;
}
