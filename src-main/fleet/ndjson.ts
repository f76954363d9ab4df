// The fleet table as NDJSON: one machine per line (a MachineRow as JSON), for Power BI, Log Analytics,
// DuckDB and the like. C1, bidi and line-separator characters are written as \u escapes.
import { escapeUnsafeJson } from '../text/controls.js';
import type { FleetSummary } from './summarize.js';

export function fleetNdjson(summary: Pick<FleetSummary, 'rows'>): string {
  let out = '';
  for (const row of summary.rows) out += `${escapeUnsafeJson(JSON.stringify(row))}\n`;
  return out;
}
