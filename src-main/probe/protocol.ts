// The contract between the app and assets/probe/collect.ps1: the JSON input on stdin, the progress
// lines on stderr, the marker printed when PowerShell is locked down, and each section's time budget.
// The simulated host speaks the same protocol, so tests exercise the parsing the real path uses.
import { z } from 'zod';
import { TREND_AGENT_SERVICE_NAMES } from '../catalogue/trend-agents.js';

import { PROBE_SECTIONS, type ProbeSectionName } from '../shared/names.js';

export { PROBE_SECTIONS, SCM_EVENT_IDS, CODE_INTEGRITY_EVENT_IDS, type ProbeSectionName } from '../shared/names.js';

/** Time budget of each section inside the script (they run in parallel), in milliseconds. */
export const SECTION_BUDGET_MS: Record<ProbeSectionName, number> = {
  host: 2000,
  os: 2000,
  hotfixes: 8000,
  certificates: 4000,
  rootAutoUpdate: 4000,
  services: 4000,
  signatures: 6000,
  events: 8000,
  products: 4000,
  pendingReboot: 2000,
  bootConfiguration: 2000,
};

/** Seconds the root-update reachability check may take. */
export const REACHABILITY_TIMEOUT_MS = 2000;

export const probeInputSchema = z.object({
  sections: z.array(z.enum(PROBE_SECTIONS)).min(1),
  network: z.boolean(),
  serviceNames: z.array(z.string().min(1)),
  eventDays: z.number().int().positive(),
  maxEventsPerLog: z.number().int().positive(),
  budgetsMs: z.record(z.string(), z.number().int().positive()),
  reachabilityTimeoutMs: z.number().int().positive(),
});
export type ProbeInput = z.infer<typeof probeInputSchema>;

export function defaultProbeInput(overrides: Partial<ProbeInput> = {}): ProbeInput {
  return {
    sections: [...PROBE_SECTIONS],
    network: true,
    serviceNames: [...TREND_AGENT_SERVICE_NAMES],
    eventDays: 30,
    maxEventsPerLog: 200,
    budgetsMs: { ...SECTION_BUDGET_MS },
    reachabilityTimeoutMs: REACHABILITY_TIMEOUT_MS,
    ...overrides,
  };
}

/** One progress line on stderr: {"acsProbe":"progress","section":"events","status":"done","elapsedMs":412}. */
export const progressLineSchema = z.object({
  acsProbe: z.literal('progress'),
  section: z.string(),
  status: z.enum(['started', 'done', 'failed', 'skipped']),
  elapsedMs: z.number().nonnegative(),
  message: z.string().optional(),
});
export type ProgressLine = z.infer<typeof progressLineSchema>;

export function formatProgressLine(line: Omit<ProgressLine, 'acsProbe'>): string {
  return JSON.stringify({ acsProbe: 'progress', ...line });
}

/** Parses a stderr line; anything that is not a progress line (PowerShell's own errors) gives null. */
export function parseProgressLine(text: string): ProgressLine | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || !trimmed.includes('"acsProbe"')) return null;
  try {
    const parsed = progressLineSchema.safeParse(JSON.parse(trimmed));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Printed on stdout (and exit code 86) when the script finds itself in a restricted language mode. */
export const LOCKED_DOWN_EXIT_CODE = 86;
export const lockedDownMarkerSchema = z.object({
  acsProbeUnavailable: z.literal(true),
  languageMode: z.string(),
  /** "Enforce" when an AppLocker/WDAC policy would force the collector's runspaces into ConstrainedLanguage. */
  lockdownPolicy: z.string().optional(),
});

/** Words in a section's error that mean the runspace ran in ConstrainedLanguage (e.g. "Cannot create type"). */
export const LANGUAGE_MODE_FAILURE = /Cannot create type|Only core types|ConstrainedLanguage|language mode/i;

export const COLLECTOR_SCRIPT_NAME = 'collect.ps1';
