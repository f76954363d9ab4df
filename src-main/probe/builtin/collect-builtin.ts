// The locked-down path: every requested section read with built-in tools, in parallel, each isolated.
// Used when PowerShell is missing, blocked, too old or in Constrained Language Mode.
import type { CollectionError } from '../../snapshot/schema.js';
import { validateSection, type SnapshotSections } from '../assemble.js';
import type { ProbeProgress } from '../collect.js';
import { defaultProbeInput, type ProbeSectionName } from '../protocol.js';
import type { CommandRunner } from '../../windows/command-runner.js';
import { readCertificates, readEvents, readHost, readHotfixes, readOs, readProducts, readRootAutoUpdate, readServices, type SectionResult } from './sections.js';
import { readBootConfiguration, readElevated, readPendingReboot } from './sections-state.js';
import type { ToolContext } from './tools.js';

export interface BuiltinOptions {
  runner: CommandRunner;
  sections: readonly ProbeSectionName[];
  network: boolean;
  signal?: AbortSignal;
  /** Time limit of each tool run. */
  timeoutMs: number;
  report: (progress: ProbeProgress) => void;
  /** performance.now() when the whole collection started (progress times count from there). */
  started: number;
}

export interface BuiltinResult {
  sections: SnapshotSections;
  errors: CollectionError[];
  elevated: boolean;
}

export async function collectWithBuiltinTools(options: BuiltinOptions): Promise<BuiltinResult> {
  const input = defaultProbeInput();
  const context: ToolContext = { runner: options.runner, timeoutMs: Math.min(options.timeoutMs, 15_000), ...(options.signal ? { signal: options.signal } : {}) };
  const elapsed = () => Math.round(performance.now() - options.started);
  const readers: Record<ProbeSectionName, () => Promise<SectionResult>> = {
    host: () => readHost(context),
    os: () => readOs(context),
    hotfixes: () => readHotfixes(context),
    certificates: () => readCertificates(context),
    rootAutoUpdate: () => readRootAutoUpdate(context, options.network, input.reachabilityTimeoutMs),
    services: () => readServices(context, input.serviceNames),
    signatures: async () => ({ value: null, errors: ['not collected: checking signatures needs PowerShell (Get-AuthenticodeSignature), which is not usable here'] }),
    events: () => readEvents(context, input.eventDays, input.maxEventsPerLog),
    products: () => readProducts(context),
    pendingReboot: () => readPendingReboot(context),
    bootConfiguration: () => readBootConfiguration(context),
  };
  const errors: CollectionError[] = [];
  const sections: SnapshotSections = {};
  const [elevated] = await Promise.all([
    readElevated(context).catch(() => null),
    ...options.sections.map(async (section) => {
      options.report({ section, status: 'started', elapsedMs: elapsed() });
      let result: SectionResult;
      try {
        result = await readers[section]();
      } catch (error) {
        result = { value: null, errors: [`internal error: ${error instanceof Error ? error.message : String(error)}`] };
      }
      const outcome = result.value === null ? { value: null } : validateSection(section, result.value);
      sections[section] = outcome.value;
      for (const message of result.errors) {
        const reachability = message.startsWith('reachable: ');
        errors.push({ section: reachability ? `${section}.reachable` : section, message: reachability ? message.slice('reachable: '.length) : message });
      }
      if ('error' in outcome && outcome.error) errors.push({ section, message: outcome.error });
      if (outcome.value === null && !errors.some((error) => error.section === section)) errors.push({ section, message: 'no data' });
      const failed = outcome.value === null;
      options.report({ section, status: failed ? 'failed' : 'done', elapsedMs: elapsed(), ...(failed ? { message: errors.find((error) => error.section === section)?.message ?? 'failed' } : {}) });
    }),
  ]);
  return { sections, errors, elevated: elevated === true };
}
