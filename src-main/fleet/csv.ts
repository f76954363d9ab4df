// The fleet table as CSV (RFC 4180), safe to open in a spreadsheet: control and bidirectional characters
// are neutralised, and cells that a spreadsheet would run as a formula get an apostrophe in front, at
// the start of the cell and after each ";" (Excel with a German or French locale splits lines on ";").
import { neutraliseControls } from '../text/controls.js';
import { MACHINE_ROW_COLUMNS, type MachineRow } from './machine-row.js';
import type { FleetSummary } from './summarize.js';

const FORMULA_START = /^[\s]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function csvCell(value: unknown): string {
  let text = neutraliseControls(value === null || value === undefined ? '' : String(value), false);
  if (FORMULA_START.test(text)) text = `'${text}`;
  text = text.replace(/;(?=\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g, ";'");
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(row: MachineRow): string {
  return MACHINE_ROW_COLUMNS.map((column) => csvCell(row[column])).join(',');
}

/** The CSV in pieces (header, then one line per machine), for writing without one large string. */
export function* fleetCsvChunks(summary: Pick<FleetSummary, 'rows'>): Generator<string> {
  yield `${MACHINE_ROW_COLUMNS.join(',')}\r\n`;
  for (const row of summary.rows) yield `${csvLine(row)}\r\n`;
}

export function fleetCsv(summary: Pick<FleetSummary, 'rows'>): string {
  return [...fleetCsvChunks(summary)].join('');
}
