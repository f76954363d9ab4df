// Fix: start the agent services in dependency order, wait for each with a time limit, then read their
// state and recent events again and report each one. A service still refused with error 577 once the
// update and the root are in place points at the binary itself: say so and send the person to support.
import { diagnose } from '../diagnosis/diagnose.js';
import type { PlanStep } from '../diagnosis/schema.js';
import type { Service, Snapshot } from '../snapshot/schema.js';
import { commands } from './actions/commands.js';
import type { ServiceResult } from './actions/requests.js';
import { declinedOutcome, journaled, report, runAdminAction, type StepResult } from './step-run.js';
import { explainCode, SERVICE_CODES } from './exit-codes.js';
import { blockersOf, describeStep, factsOf, messageAndRef, purposeOf, said, type MessageRef } from './texts.js';
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

function lastEventFor(snapshot: Snapshot, displayName: string): NonNullable<Snapshot['events']>[number] | null {
  const events = (snapshot.events ?? []).filter((event) => event.provider.startsWith(SERVICE_CONTROL_MANAGER) && START_FAILURE_EVENT_IDS.includes(event.id) && event.data[0] === displayName);
  return events[events.length - 1] ?? null;
}

/** What the elevated helper found for one service, from its state and exit codes (its own English words stay in the result). */
export function serviceResultMessage(result: ServiceResult): MessageRef {
  if (result.running) return said('fix.services.detail.running');
  if (result.timedOut) return said('fix.services.detail.timedOut', { state: result.state });
  if (result.startExitCode !== null && result.startExitCode !== 0 && result.startExitCode !== 1056) return explainCode(SERVICE_CODES, result.startExitCode).message;
  if (result.win32ExitCode !== null && result.win32ExitCode !== 0) return explainCode(SERVICE_CODES, result.win32ExitCode).message;
  return said('fix.services.detail.stoppedAgain');
}

export function createAgentServicesFix(step: PlanStep, context: FixContext): Fix {
  const names = step.services ?? [];
  const ordered = dependencyOrder(names, context.snapshot.services ?? []);

  async function preview(): Promise<FixPreview> {
    const list = ordered.flatMap((name) => [
      { ...commands.startService(name), elevated: true, ...purposeOf(said('fix.services.purpose.start', { name })) },
      { ...commands.queryService(name), elevated: true, ...purposeOf(said('fix.services.purpose.wait', { name })) },
    ]);
    return {
      kind: step.step,
      checks: [],
      commands: list,
      ...factsOf([['order', said('fix.fact.order'), ordered.join(' → ') || said('fix.services.none')]]),
      ready: ordered.length > 0,
      ...blockersOf(ordered.length > 0 ? [] : [said('fix.services.noneNamed')]),
    };
  }

  async function verifyWith(results: ServiceResult[] | null): Promise<VerifyResult & { next?: 'contact-support'; status: FixStatus }> {
    const snapshot = await context.reprobe(VERIFY_SECTIONS);
    const diagnosis = diagnose(snapshot);
    const trustInPlace = diagnosis.windowsUpdate.status === 'ok' && diagnosis.rootCertificate.status !== 'missing' && diagnosis.rootCertificate.status !== 'disallowed';
    let signatureStill = false;
    const details = ordered.map((name) => {
      const service = (snapshot.services ?? []).find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
      const started = results?.find((result) => result.name.toLowerCase() === name.toLowerCase());
      if (!service) return { item: name, ok: false, ...messageAndRef(said('fix.services.detail.notFound')) };
      if (service.state === 'Running') return { item: name, ok: true, ...messageAndRef(said('fix.services.detail.running')) };
      const event = lastEventFor(snapshot, service.displayName);
      const code = service.exitCode ?? started?.win32ExitCode ?? null;
      if (code === 577 && trustInPlace) signatureStill = true;
      const why =
        code === 577
          ? said(trustInPlace ? 'fix.services.detail.damaged' : 'fix.services.detail.signature')
          : started
            ? serviceResultMessage(started)
            : said('fix.services.detail.state', { state: service.state.toLowerCase(), hasCode: !!code, code: code ?? '' });
      const message = event ? said('fix.services.detail.lastEvent', { why, id: event.id, time: event.time, hasMessage: !!event.message, message: event.message ?? '' }) : why;
      return { item: name, ok: false, ...messageAndRef(message) };
    });
    const running = details.filter((detail) => detail.ok).length;
    if (running === details.length) return { verified: true, status: 'succeeded', ...messageAndRef(said('fix.services.allRunning', { count: details.length })), details };
    const message = signatureStill ? said('fix.services.someDamaged', { running, count: details.length }) : said('fix.services.some', { running, count: details.length, trust: trustInPlace });
    return { verified: false, status: 'failed', ...messageAndRef(message), details, ...(signatureStill ? { next: 'contact-support' as const } : {}) };
  }

  async function apply(options: ApplyOptions = {}): Promise<FixOutcome> {
    return journaled(context, step.step, 'apply', { services: ordered }, async (runId): Promise<StepResult> => {
      if (ordered.length === 0) return { status: 'refused', ...messageAndRef(said('fix.services.noneNamed')), commands: [], verification: null };
      const request = { action: 'start-services' as const, services: ordered, timeoutMs: options.serviceTimeoutMs ?? DEFAULT_SERVICE_TIMEOUT_MS, pollIntervalMs: context.pollIntervalMs ?? 1000 };
      const admin = await runAdminAction(context, runId, step.step, request, options);
      if (admin.adminScript) return declinedOutcome(admin, said('fix.what.services'));
      report(options, 'verifying', said('fix.progress.readServices'));
      const { status, next, ...verification } = await verifyWith(admin.result.services ?? null);
      return {
        status,
        message: verification.message,
        ...(verification.messageRef ? { messageRef: verification.messageRef } : {}),
        helperMessage: admin.result.message,
        commands: admin.commands,
        verification,
        ...(next ? { next } : {}),
        details: { results: admin.result.services ?? [] },
      };
    });
  }

  return {
    kind: step.step,
    step,
    describe: () =>
      describeStep(step, {
        what: said('fix.services.what', { names: ordered.join(', ') }),
        undoNote: said('fix.services.undoNote'),
        needsAdmin: true,
        needsReboot: false,
        undoable: false,
      }),
    preview,
    apply,
    async verify() {
      const { status: _status, next: _next, ...verification } = await verifyWith(null);
      return verification;
    },
  };
}
