// The fleet table as CSV (RFC 4180), safe to open in a spreadsheet: cells that a spreadsheet would run
// as a formula (starting with = + - @ or a control character) get a leading apostrophe.
import { MACHINE_ROW_COLUMNS, type MachineRow } from './machine-row.js';
import type { FleetSummary } from './summarize.js';

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function fleetCsv(summary: Pick<FleetSummary, 'rows'>): string {
  const lines = [MACHINE_ROW_COLUMNS.join(',')];
  for (const row of summary.rows) lines.push(MACHINE_ROW_COLUMNS.map((column) => csvCell(row[column as keyof MachineRow])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
