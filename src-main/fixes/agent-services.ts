// Fix: start the agent services in dependency order, wait for each with a time limit, then read their
// state and recent events again and report each one. A service still refused with error 577 once the
// update and the root are in place points at the binary itself: say so and send the person to support.
import { diagnose } from '../diagnosis/diagnose.js';
import type { PlanStep } from '../diagnosis/schema.js';
import type { Service, Snapshot } from '../snapshot/schema.js';
import { commands } from './actions/commands.js';
import type { ServiceResult } from './actions/requests.js';
import { declinedOutcome, journaled, report, runAdminAction, type StepResult } from './step-run.js';
import type { ApplyOptions, Fix, FixContext, FixOutcome, FixPreview, FixStatus, VerifyResult } from './types.js';
import { SERVICE_CONTROL_MANAGER, type ScmEventId } from '../shared/names.js';

export const DEFAULT_SERVICE_TIMEOUT_MS = 60_000;
const VERIFY_SECTIONS = ['os', 'hotfixes', 'certificates', 'rootAutoUpdate', 'services', 'events', 'signatures', 'pendingReboot', 'products'] as const;

/** Orders services so each comes after the ones it depends on (only those in the list; SCM starts others itself). */
export function dependencyOrder(names: readonly string[], services: readonly Service[]): string[] {
  const wanted = new Map(names.map((name) => [name.toLowerCase(), name]));
  const byName = new Map(services.map((service) => [service.name.toLowerCase(), service]));
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (key: string) => {
    if (state.get(key) === 'done' || state.get(key) === 'visiting') return; // a dependency loop: keep the given order
    state.set(key, 'visiting');
    for (const dependency of byName.get(key)?.dependsOn ?? []) if (wanted.has(dependency.toLowerCase())) visit(dependency.toLowerCase());
    state.set(key, 'done');
    ordered.push(wanted.get(key)!);
  };
  for (const key of wanted.keys()) visit(key);
  return ordered;
}

/** SCM events that say why a service did not start (failed, a dependency failed, timed out, ended with an error). */
const START_FAILURE_EVENT_IDS: readonly number[] = [7000, 7001, 7009, 7023, 7024] satisfies ScmEventId[];

function lastEventFor(snapshot: Snapshot, displayName: string): string | null {
  const events = (snapshot.events ?? []).filter((event) => event.provider.startsWith(SERVICE_CONTROL_MANAGER) && START_FAILURE_EVENT_IDS.includes(event.id) && event.data[0] === displayName);
  const last = events[events.length - 1];
  return last ? `event ${last.id} at ${last.time}${last.message ? `: ${last.message}` : ''}` : null;
}

export function createAgentServicesFix(step: PlanStep, context: FixContext): Fix {
  const names = step.services ?? [];
  const ordered = dependencyOrder(names, context.snapshot.services ?? []);

  async function preview(): Promise<FixPreview> {
    const list = ordered.flatMap((name) => [
      { ...commands.startService(name), elevated: true, purpose: `Start ${name}.` },
      { ...commands.queryService(name), elevated: true, purpose: `Wait until ${name} runs (polled until the time limit).` },
    ]);
    return {
      kind: step.step,
      checks: [],
      commands: list,
      facts: { order: ordered.join(' → ') || 'none' },
      ready: ordered.length > 0,
      blockers: ordered.length > 0 ? [] : ['The plan names no service to start.'],
    };
  }

  async function verifyWith(results: ServiceResult[] | null): Promise<VerifyResult & { next?: 'contact-support'; status: FixStatus }> {
    const snapshot = await context.reprobe(VERIFY_SECTIONS);
    const diagnosis = diagnose(snapshot);
    const trustInPlace = diagnosis.windowsUpdate.status === 'ok' && diagnosis.rootCertificate.status !== 'missing' && diagnosis.rootCertificate.status !== 'disallowed';
    const details = ordered.map((name) => {
      const service = (snapshot.services ?? []).find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
      const started = results?.find((result) => result.name.toLowerCase() === name.toLowerCase());
      if (!service) return { item: name, ok: false, message: 'not found on this computer' };
      if (service.state === 'Running') return { item: name, ok: true, message: 'running' };
      const event = lastEventFor(snapshot, service.displayName);
      const code = service.exitCode ?? started?.win32ExitCode ?? null;
      const why =
        code === 577
          ? trustInPlace
            ? 'Windows has the update and the root certificate, yet still rejects the signature of this program: the file is damaged or not signed in a way Windows accepts; the vendor (Trend Micro) must replace it.'
            : 'Windows still cannot check its signature (error 577): the update, the restart or the root certificate is still missing.'
          : (started?.message ?? `${service.state.toLowerCase()}${code ? ` (exit code ${code})` : ''}`);
      return { item: name, ok: false, message: `${why}${event ? ` Last ${event}` : ''}` };
    });
    const running = details.filter((detail) => detail.ok).length;
    const signatureStill = details.some((detail) => detail.message.includes('still rejects the signature'));
    if (running === details.length) return { verified: true, status: 'succeeded', message: `All ${details.length} agent services are running.`, details };
    const message = signatureStill
      ? `${running} of ${details.length} services run. What is left is not a Windows setting: a program file of the agent is damaged or must be replaced by the vendor. Export the report and contact support.`
      : `${running} of ${details.length} services run. ${trustInPlace ? '' : 'Finish the update, restart and root certificate steps first, then start the services again.'}`.trim();
    return { verified: false, status: 'failed', message, details, ...(signatureStill ? { next: 'contact-support' as const } : {}) };
  }

  async function apply(options: ApplyOptions = {}): Promise<FixOutcome> {
    return journaled(context, step.step, 'apply', { services: ordered }, async (runId): Promise<StepResult> => {
      if (ordered.length === 0) return { status: 'refused', message: 'The plan names no service to start.', commands: [], verification: null };
      const request = { action: 'start-services' as const, services: ordered, timeoutMs: options.serviceTimeoutMs ?? DEFAULT_SERVICE_TIMEOUT_MS, pollIntervalMs: context.pollIntervalMs ?? 1000 };
      const admin = await runAdminAction(context, runId, step.step, request, options);
      if (admin.adminScript) return declinedOutcome(admin, 'starting the services');
      report(options, 'verifying', 'Reading the services and their recent events again.');
      const { status, next, ...verification } = await verifyWith(admin.result.services ?? null);
      return { status, message: verification.message, commands: admin.commands, verification, ...(next ? { next } : {}), details: { results: admin.result.services ?? [] } };
    });
  }

  return {
    kind: step.step,
    step,
    describe: () => ({
      kind: step.step,
      title: step.title,
      what: `Starts ${ordered.join(', ')} in the order they depend on each other, waits for each, then checks their state and recent events.`,
      why: step.why,
      needsAdmin: true,
      needsReboot: false,
      undoable: false,
      undoNote: 'Nothing to undo: starting a service changes no setting.',
    }),
    preview,
    apply,
    async verify() {
      const { status: _status, next: _next, ...verification } = await verifyWith(null);
      return verification;
    },
  };
}
