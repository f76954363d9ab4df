// The fleet summary in plain text for the command line.
import { FLEET_MESSAGES } from './messages.js';
import type { FleetCount, FleetSummary } from './summarize.js';

const T = FLEET_MESSAGES.titles;

function countLines(title: string, counts: readonly FleetCount[], limit = 15): string[] {
  if (counts.length === 0) return [FLEET_MESSAGES.textNone(title)];
  const shown = counts.slice(0, limit).map((entry) => `  ${String(entry.count).padStart(6)}  ${entry.key}`);
  if (counts.length > limit) shown.push(FLEET_MESSAGES.textMore(counts.length - limit));
  return [`${title}:`, ...shown];
}

export function formatFleetText(summary: FleetSummary): string {
  const verdicts = Object.entries(summary.byVerdict).map(([key, count]) => ({ key, count }));
  const lines = [
    FLEET_MESSAGES.textHeadline(summary.folder, summary.machines, summary.snapshots, summary.filesRead),
    ...countLines(T.verdicts, verdicts),
    ...countLines(T.windows, summary.byWindowsVersion),
    ...countLines(T.missing, summary.byMissingKb),
    ...countLines(T.root, summary.byRootCertificate),
    ...countLines(T.agent, summary.byAgentServices),
  ];
  if (summary.conflicts.length) {
    lines.push(FLEET_MESSAGES.textConflicts(summary.conflicts.length));
    for (const conflict of summary.conflicts.slice(0, 20))
      lines.push(
        `  ${conflict.computerName ?? ''}: ${conflict.message}: ${conflict.files
          .slice(0, 5)
          .map((file) => file.file)
          .join(', ')}${conflict.files.length > 5 ? ', …' : ''}`,
      );
    if (summary.conflicts.length > 20) lines.push(FLEET_MESSAGES.textMoreSee(summary.conflicts.length - 20));
  }
  if (summary.refused.length) {
    lines.push(FLEET_MESSAGES.textRefused(summary.refused.length));
    for (const entry of summary.refused.slice(0, 20)) lines.push(`  ${entry.file}: ${entry.reason}`);
    if (summary.refused.length > 20) lines.push(FLEET_MESSAGES.textMoreSee(summary.refused.length - 20));
  }
  if (summary.unreadable.length) {
    lines.push(FLEET_MESSAGES.textUnreadable(summary.unreadable.length));
    for (const entry of summary.unreadable.slice(0, 20)) lines.push(`  ${entry.file}: ${entry.error}`);
    if (summary.unreadable.length > 20) lines.push(FLEET_MESSAGES.textMoreSee(summary.unreadable.length - 20));
  }
  if (summary.skipped.length) lines.push(FLEET_MESSAGES.textSkipped(summary.skipped.length));
  return `${lines.join('\n')}\n`;
}
