// The fleet summary in plain text for the command line.
import type { FleetCount, FleetSummary } from './summarize.js';

function countLines(title: string, counts: readonly FleetCount[], limit = 15): string[] {
  if (counts.length === 0) return [`${title}: none`];
  const shown = counts.slice(0, limit).map((entry) => `  ${String(entry.count).padStart(6)}  ${entry.key}`);
  if (counts.length > limit) shown.push(`  …and ${counts.length - limit} more`);
  return [`${title}:`, ...shown];
}

export function formatFleetText(summary: FleetSummary): string {
  const verdicts = Object.entries(summary.byVerdict).map(([key, count]) => ({ key, count }));
  const lines = [
    `Fleet summary of ${summary.folder}: ${summary.machines} machine${summary.machines === 1 ? '' : 's'} from ${summary.snapshots} snapshot${summary.snapshots === 1 ? '' : 's'} (${summary.filesRead} JSON files read)`,
    ...countLines('Verdicts', verdicts),
    ...countLines('Windows versions', summary.byWindowsVersion),
    ...countLines('Missing updates', summary.byMissingKb),
    ...countLines('ACS root certificate', summary.byRootCertificate),
    ...countLines('Agent services', summary.byAgentServices),
  ];
  if (summary.unreadable.length) {
    lines.push(`Unreadable files (${summary.unreadable.length}):`);
    for (const entry of summary.unreadable.slice(0, 20)) lines.push(`  ${entry.file}: ${entry.error}`);
    if (summary.unreadable.length > 20) lines.push(`  …and ${summary.unreadable.length - 20} more (see --json or --html)`);
  }
  if (summary.skipped.length) lines.push(`Skipped ${summary.skipped.length} other file${summary.skipped.length === 1 ? '' : 's'} of this program (diagnoses, manifests, summaries).`);
  return `${lines.join('\n')}\n`;
}
