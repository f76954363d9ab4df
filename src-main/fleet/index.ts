// Fleet summaries: a folder of snapshots collected by Intune, ConfigMgr or an RMM, summarised in one pass.
export { summarizeFleet, FleetFolderError, machineKey, type FleetSummary, type FleetOptions, type FleetCount, type FleetConflict } from './summarize.js';
export { fleetCsv, fleetCsvChunks } from './csv.js';
export { fleetNdjson, fleetNdjsonChunks } from './ndjson.js';
export { fleetHtmlChunks, renderFleetHtml } from './html.js';
export { formatFleetText } from './text.js';
export type { MachineRow } from './machine-row.js';
