// One definition of each name the main process, the preload, the renderer, the CLI and the Windows
// double share: probe sections, operations, events, the event IDs the collector reads, and statuses.
// No imports at all (no zod): the renderer bundles it as it is. Types derive from these lists; the
// contract's zod schemas and the handler table are checked against them by the compiler.

/** Probe sections, in the order the checking screen lists them (collect.ps1 writes the same names). */
export const PROBE_SECTIONS = ['host', 'os', 'hotfixes', 'certificates', 'rootAutoUpdate', 'services', 'signatures', 'events', 'products', 'pendingReboot', 'bootConfiguration'] as const;
export type ProbeSectionName = (typeof PROBE_SECTIONS)[number];

/** What a probe section reports while the check runs. */
export const PROBE_PROGRESS_STATUSES = ['started', 'done', 'failed', 'skipped'] as const;
export type ProbeProgressStatus = (typeof PROBE_PROGRESS_STATUSES)[number];

/** Every operation the renderer may ask the main process for (src-main/contract/operations.ts gives each its argument schema). */
export const OPERATION_NAMES = [
  'getAppInfo',
  'startProbe',
  'cancelProbe',
  'getDiagnosis',
  'getSnapshot',
  'listPlan',
  'previewFix',
  'applyFix',
  'cancelFix',
  'verifyFix',
  'undoFix',
  'chooseUpdateFile',
  'reboot',
  'resumeAfterRestart',
  'previewRedaction',
  'exportReport',
  'openReceived',
  'closeReceived',
  'decodeSupportCode',
  'allowNetwork',
  'openExternalLink',
  'kitInfo',
  'buildFixKit',
  'readFixKit',
  'copyText',
  'openFolder',
  'getPlaces',
  'saveReportPdf',
  'closeWindow',
  'openUpgradeGuide',
] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

/** Events the main process pushes while long work runs. */
export const EVENT_NAMES = ['probe-progress', 'fix-progress'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** Event providers as Windows names them in the System and Code Integrity logs. */
export const SERVICE_CONTROL_MANAGER = 'Service Control Manager';
export const CODE_INTEGRITY_PROVIDER = 'Microsoft-Windows-CodeIntegrity';

/**
 * The event IDs the collector reads: ONE list for assets/probe/collect.ps1 (test/unit/probe/event-ids.test.ts
 * asserts the script holds exactly these), its built-in-tools fallback, the Windows double, the diagnosis
 * and the service fix. Subsets elsewhere are typed ScmEventId / CodeIntegrityEventId, so the compiler
 * refuses an ID the collector never reads.
 * Service Control Manager (System log): 7000 start failed, 7001 dependency failed, 7009 start timeout,
 * 7011 transaction timeout, 7022 hung on starting, 7023 terminated with an error, 7024 terminated with
 * a service-specific error, 7026 boot/system driver failed, 7031/7034 terminated unexpectedly.
 * Code Integrity (Operational log): 3004 file hash not found, 3033 signing level not met, 3089
 * signature information of a block, 3104 signature revoked / deny list.
 */
export const SCM_EVENT_IDS = [7000, 7001, 7009, 7011, 7022, 7023, 7024, 7026, 7031, 7034] as const;
export type ScmEventId = (typeof SCM_EVENT_IDS)[number];
export const CODE_INTEGRITY_EVENT_IDS = [3004, 3033, 3089, 3104] as const;
export type CodeIntegrityEventId = (typeof CODE_INTEGRITY_EVENT_IDS)[number];

/** Where a plan step is (the main process's step record; the renderer shows it as it is). */
export const STEP_STATES = ['pending', 'previewed', 'applying', 'applied', 'verifying', 'verified', 'failed', 'undoing', 'undone', 'awaiting-reboot'] as const;
export type StepState = (typeof STEP_STATES)[number];
