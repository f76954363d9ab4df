// Reports: export a report folder, render the HTML (also for the app's PDF), open one received from a customer.
export { exportReport, RedactionLeakError, type ExportReportOptions, type ExportResult, type ExportedFile } from './export.js';
export { renderHtmlReport, createHtmlReport, type HtmlReportInput } from './html.js';
export { openReceived, type ReceivedReport, type ReceivedResult } from './open-received.js';
export { manifestSchema, reportSummarySchema, verifyManifest, type ReportManifest, type ReportSummary } from './manifest.js';
