// Short views of a snapshot for the screens (who, when, which sections failed).
import type { SnapshotSummary } from '../contract/index.js';
import type { Snapshot } from '../snapshot/schema.js';

export function summarizeSnapshot(snapshot: Snapshot): SnapshotSummary {
  const collector = snapshot.collector ?? null;
  return {
    collectedAt: snapshot.collectedAt,
    computerName: snapshot.host?.computerName ?? null,
    collector: collector ? { name: collector.name, version: collector.version, elevated: collector.elevated, method: collector.method ?? null } : null,
    durationMs: collector?.durationMs ?? null,
    sectionErrors: (snapshot.errors ?? []).map((error) => ({ section: error.section, message: error.message })),
  };
}
