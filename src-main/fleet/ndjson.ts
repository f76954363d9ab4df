// The fleet table as NDJSON: one machine per line (a MachineRow as JSON), for Power BI, Log Analytics,
// DuckDB and the like. C1, bidi and line-separator characters are written as \u escapes.
import { escapeUnsafeJson } from '../text/controls.js';
import type { FleetSummary } from './summarize.js';

/** One line per machine, for writing without one large string. */
export function* fleetNdjsonChunks(summary: Pick<FleetSummary, 'rows'>): Generator<string> {
  for (const row of summary.rows) yield `${escapeUnsafeJson(JSON.stringify(row))}\n`;
}

export function fleetNdjson(summary: Pick<FleetSummary, 'rows'>): string {
  return [...fleetNdjsonChunks(summary)].join('');
}
